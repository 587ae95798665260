"""What both charts share: the frame of the drawing, its shapes, and the arithmetic of labels.

Pure: no ORM, no I/O and no markup. Coordinates are in viewBox units and stay unrounded; the
templates write them out (``followup/charts/*.svg.html``, with the ``coord`` filter).
"""

import datetime
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.dates import MONTHS_3
from django.utils.text import capfirst
from django.utils.translation import gettext

# The sizes the templates write, which the label spacing is planned for: 12 on wide screens;
# 17 on phones (Bootstrap's "sm" breakpoint), where the whole drawing shrinks to about 60 %, to
# stay near 10 px. tests/followup/test_charts.py holds the templates to them.
FONT_SIZE = 12
PHONE_FONT_SIZE = 17

GRID_COLOUR = "#d1d5db"
AXIS_COLOUR = "#6b7280"

# Django's own translated three-letter months ("jan" … "dec"), looked up when drawn.
MONTHS = tuple(MONTHS_3[month] for month in range(1, 13))

EMPTY_WIDTH, EMPTY_HEIGHT = 640, 80


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Box:
    x: float  # left
    y: float  # top
    width: float
    height: float


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str


@dataclass(frozen=True)
class Label:
    x: float  # where the text is anchored; the template knows which anchor each kind uses
    y: float  # the baseline
    text: str
    prefix: str = ""  # written before the text where there is room; phones hide it


@dataclass(frozen=True)
class Tick:
    """A grid line or tick mark, with the value it marks."""

    line: Line
    label: Label


@dataclass(frozen=True)
class Frame:
    """The drawing as a whole: its size, an id for its parts, and its words for screen readers."""

    kind: str  # "pain-chart" or "adherence-chart"
    id: str
    width: int
    height: int
    title: str
    desc: str  # the data summarised in words


@dataclass(frozen=True)
class EmptyState:
    """What a chart without data draws instead: its message in a framed box."""

    box: Box
    message: Label


def text_width(text: str, font_size: float) -> float:
    """A generous estimate of the rendered width, enough to keep labels apart."""
    return len(text) * font_size * 0.62


def short_date(day: datetime.date) -> str:
    """ "24 Nov": the day and Django's translated three-letter month, capitalised."""
    return f"{day.day} {capfirst(str(MONTHS[day.month - 1]))}"


def date_range(first: datetime.date, last: datetime.date) -> str:
    if first.year != last.year:
        return gettext("%(first)s to %(last)s") % {
            "first": f"{short_date(first)} {first.year}",
            "last": f"{short_date(last)} {last.year}",
        }
    return gettext("%(first)s to %(last)s") % {"first": short_date(first), "last": short_date(last)}


def chart_id(kind: str, parts: Iterable[object]) -> str:
    """A stable id, different for different data, so two charts on a page do not clash."""
    digest = hashlib.blake2s(repr(list(parts)).encode(), digest_size=4).hexdigest()
    return f"{kind}-{digest}"


def spaced_indices(count: int, most: int) -> list[int]:
    """Up to `most` evenly strided indices of `count` items, always the first and the last.

    The stride is fixed, so two labels are never closer than `stride` items; the last label
    replaces the one before it when it does not fall on the stride, which only widens a gap.
    """
    if count <= most:
        return list(range(count))
    if most < 2:
        return [count - 1]
    stride = math.ceil((count - 1) / (most - 1))
    indices = list(range(0, count, stride))
    indices[-1] = count - 1
    return indices


def empty_chart(kind: str, message: str) -> tuple[Frame, EmptyState]:
    """The frame and the drawing of a chart that has no data yet."""
    frame = Frame(
        kind=kind,
        id=f"{kind}-empty",
        width=EMPTY_WIDTH,
        height=EMPTY_HEIGHT,
        title=message,
        desc=message,
    )
    # Half-unit insets keep the box's one-unit border inside the viewBox.
    box = Box(0.5, 0.5, EMPTY_WIDTH - 1, EMPTY_HEIGHT - 1)
    return frame, EmptyState(box=box, message=Label(EMPTY_WIDTH / 2, EMPTY_HEIGHT / 2 + 7, message))
