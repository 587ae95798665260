"""The pain chart's geometry: before, after and next-morning scores of each session over time.

Input is drawn in date order (stable, so same-day sessions keep their order). Scores outside
0–10 are drawn at the nearest edge, and their true value is still written out.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop, ngettext, pgettext

from programs.followup.charts.geometry import (
    AXIS_COLOUR,
    GRID_COLOUR,
    Box,
    EmptyState,
    Frame,
    Label,
    Line,
    Point,
    Tick,
    chart_id,
    date_range,
    empty_chart,
    short_date,
    spaced_indices,
)
from programs.followup.progression import AMBER_MAX_PAIN, GREEN_MAX_PAIN

PAIN_WIDTH, PAIN_HEIGHT = 640, 280
PAIN_LEFT, PAIN_RIGHT, PAIN_TOP, PAIN_BOTTOM = 48, 576, 44, 240
PAIN_MAX = 10
PAIN_TICKS = (0, 2, 4, 6, 8, 10)
MAX_DATE_LABELS = 8  # "24 Nov" is at most about 63 units wide on phones; gaps are >= 75
PAIN_EMPTY_MESSAGE = gettext_noop("No sessions logged yet.")
LEGEND_MARKER_SIZE = 5.0


@dataclass(frozen=True)
class PainPoint:
    when: datetime.date  # the session's local date
    pain_before: int  # 0-10
    pain_after: int  # 0-10
    pain_next_morning: int | None  # 0-10 or None when not reported


@dataclass(frozen=True)
class SeriesStyle:
    """How one series tells itself apart without colour: its own marker shape and dashes."""

    key: str
    label: str  # legend text, e.g. "Pain before"
    phrase: str  # tooltip text, e.g. "pain before"
    colour: str
    dasharray: str | None
    marker: str  # "circle", "square" or "triangle"


# Legend and tooltip words are marked here and translated where they are drawn.
BEFORE = SeriesStyle(
    "before", gettext_noop("Pain before"), gettext_noop("pain before"), "#1d4ed8", None, "circle"
)
AFTER = SeriesStyle(
    "after", gettext_noop("Pain after"), gettext_noop("pain after"), "#b91c1c", "6 4", "square"
)
NEXT_MORNING = SeriesStyle(
    "next-morning",
    gettext_noop("Next morning"),
    gettext_noop("next morning"),
    "#6d28d9",
    "2 3",
    "triangle",
)
PAIN_SERIES = (BEFORE, AFTER, NEXT_MORNING)

# Traffic-light bands of the progression rules: integer scores 0–3 green, 4–5 amber, 6–10 red,
# so the shaded edges sit half-way between the integers.
PAIN_BANDS = (
    ("green", 0.0, GREEN_MAX_PAIN + 0.5, "#16a34a", "#166534"),
    ("amber", GREEN_MAX_PAIN + 0.5, AMBER_MAX_PAIN + 0.5, "#f59e0b", "#92400e"),
    ("red", AMBER_MAX_PAIN + 0.5, float(PAIN_MAX), "#dc2626", "#991b1b"),
)


@dataclass(frozen=True)
class Marker:
    """One score's marker, centred on (x, y); `size` is the circle's radius."""

    shape: str  # "circle", "square" or "triangle"
    x: float
    y: float
    size: float
    tooltip: str = ""  # e.g. "24 Nov: pain after 6/10"

    @property
    def square(self) -> Box:
        """A square about as heavy as the circle."""
        side = self.size * 1.7
        return Box(self.x - side / 2, self.y - side / 2, side, side)

    @property
    def triangle(self) -> tuple[Point, Point, Point]:
        """An upward triangle, about as heavy as the circle."""
        half = self.size * 1.2
        return (
            Point(self.x, self.y - half * 1.1),
            Point(self.x - half, self.y + half * 0.8),
            Point(self.x + half, self.y + half * 0.8),
        )


@dataclass(frozen=True)
class Band:
    name: str  # "green", "amber" or "red"
    box: Box
    fill: str  # shaded faintly
    label: Label
    label_colour: str


@dataclass(frozen=True)
class LegendEntry:
    style: SeriesStyle
    line: Line
    marker: Marker
    label: Label


@dataclass(frozen=True)
class SeriesDrawing:
    style: SeriesStyle
    lines: tuple[tuple[Point, ...], ...]  # a line through each run of reported scores
    markers: tuple[Marker, ...]  # one for each reported score


@dataclass(frozen=True)
class PainChart:
    frame: Frame
    empty: EmptyState | None = None
    bands: tuple[Band, ...] = ()
    y_ticks: tuple[Tick, ...] = ()
    y_title: Label | None = None
    x_ticks: tuple[Tick, ...] = ()
    legend: tuple[LegendEntry, ...] = ()
    series: tuple[SeriesDrawing, ...] = ()  # in drawing order, the last on top


def _pain_y(value: float) -> float:
    clamped = min(max(value, 0), PAIN_MAX)
    return PAIN_BOTTOM - clamped * (PAIN_BOTTOM - PAIN_TOP) / PAIN_MAX


def _pain_x(index: int, count: int) -> float:
    if count == 1:
        return (PAIN_LEFT + PAIN_RIGHT) / 2
    return PAIN_LEFT + index * (PAIN_RIGHT - PAIN_LEFT) / (count - 1)


def _band_label(name: str) -> str:
    labels = {
        "green": pgettext("traffic light", "green"),
        "amber": pgettext("traffic light", "amber"),
        "red": pgettext("traffic light", "red"),
    }
    return labels.get(name, name)


def _bands() -> tuple[Band, ...]:
    bands = []
    for name, low, high, fill, text_colour in PAIN_BANDS:
        top, bottom = _pain_y(high), _pain_y(low)
        box = Box(PAIN_LEFT, top, PAIN_RIGHT - PAIN_LEFT, bottom - top)
        label = Label(PAIN_RIGHT + 6, (top + bottom) / 2 + 4, _band_label(name))
        bands.append(Band(name=name, box=box, fill=fill, label=label, label_colour=text_colour))
    return tuple(bands)


def _y_ticks() -> tuple[Tick, ...]:
    ticks = []
    for tick in PAIN_TICKS:
        y = _pain_y(tick)
        colour = AXIS_COLOUR if tick == 0 else GRID_COLOUR
        line = Line(PAIN_LEFT, y, PAIN_RIGHT, y, colour)
        ticks.append(Tick(line, Label(PAIN_LEFT - 8, y + 4, str(tick))))
    return tuple(ticks)


def _x_ticks(points: Sequence[PainPoint]) -> tuple[Tick, ...]:
    ticks = []
    for index in spaced_indices(len(points), MAX_DATE_LABELS):
        x = _pain_x(index, len(points))
        line = Line(x, PAIN_BOTTOM, x, PAIN_BOTTOM + 4, AXIS_COLOUR)
        ticks.append(Tick(line, Label(x, PAIN_BOTTOM + 22, short_date(points[index].when))))
    return tuple(ticks)


def _legend() -> tuple[LegendEntry, ...]:
    entries = []
    x, y = PAIN_LEFT - 8, 18
    for style in PAIN_SERIES:
        entries.append(
            LegendEntry(
                style=style,
                line=Line(x, y, x + 30, y, style.colour),
                marker=Marker(style.marker, x + 15, y, LEGEND_MARKER_SIZE),
                label=Label(x + 38, y + 5, gettext(style.label)),
            )
        )
        x += 170
    return tuple(entries)


def _values(points: Sequence[PainPoint], style: SeriesStyle) -> list[int | None]:
    if style is BEFORE:
        return [p.pain_before for p in points]
    if style is AFTER:
        return [p.pain_after for p in points]
    return [p.pain_next_morning for p in points]


def _runs(values: Sequence[int | None]) -> list[list[tuple[int, int]]]:
    """Runs of consecutive known values as (index, value); a None breaks the line."""
    runs: list[list[tuple[int, int]]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]


def _series(
    points: Sequence[PainPoint], style: SeriesStyle, offset: float, size: float
) -> SeriesDrawing:
    count = len(points)
    values = _values(points, style)
    xs = [_pain_x(i, count) + offset for i in range(count)]
    lines = tuple(
        tuple(Point(xs[i], _pain_y(value)) for i, value in run)
        for run in _runs(values)
        if len(run) > 1
    )
    markers = tuple(
        Marker(
            style.marker,
            xs[index],
            _pain_y(value),
            size,
            tooltip=gettext("%(date)s: %(series)s %(value)s/10")
            % {
                "date": short_date(points[index].when),
                "series": gettext(style.phrase),
                "value": value,
            },
        )
        for index, value in enumerate(values)
        if value is not None
    )
    return SeriesDrawing(style=style, lines=lines, markers=markers)


def _desc(points: Sequence[PainPoint]) -> str:
    first, last = points[0], points[-1]
    if len(points) == 1:
        span = gettext("1 session on %(date)s") % {"date": short_date(first.when)}
    else:
        span = ngettext(
            "%(count)s session from %(dates)s", "%(count)s sessions from %(dates)s", len(points)
        ) % {"count": len(points), "dates": date_range(first.when, last.when)}
    morning = (
        gettext("not reported") if last.pain_next_morning is None else str(last.pain_next_morning)
    )
    latest = gettext(
        "Latest: pain before %(before)s, after %(after)s, next morning %(morning)s."
    ) % {"before": last.pain_before, "after": last.pain_after, "morning": morning}
    scale = gettext(
        "Pain is on a 0 to 10 scale; 0 to %(green)s is green, %(amber_from)s to %(amber_to)s "
        "amber, %(red_from)s or more red."
    ) % {
        "green": GREEN_MAX_PAIN,
        "amber_from": GREEN_MAX_PAIN + 1,
        "amber_to": AMBER_MAX_PAIN,
        "red_from": AMBER_MAX_PAIN + 1,
    }
    return f"{span}. {latest} {scale}"


def pain_chart(points: list[PainPoint]) -> PainChart:
    """Pain before, after and the next morning of each session, laid out as a line chart."""
    if not points:
        frame, empty = empty_chart("pain-chart", gettext(PAIN_EMPTY_MESSAGE))
        return PainChart(frame=frame, empty=empty)
    ordered = sorted(points, key=lambda p: p.when)
    count = len(ordered)
    step = (PAIN_RIGHT - PAIN_LEFT) / (count - 1) if count > 1 else float(PAIN_RIGHT - PAIN_LEFT)
    # Markers shrink when sessions crowd, and the three series sit a little apart ("dodged")
    # so equal scores on one day stay visible as three shapes.
    size = min(5.0, max(2.0, step * 0.22))
    dodge = min(5.0, step * 0.14)
    frame = Frame(
        kind="pain-chart",
        id=chart_id(
            "pain-chart",
            ((p.when, p.pain_before, p.pain_after, p.pain_next_morning) for p in ordered),
        ),
        width=PAIN_WIDTH,
        height=PAIN_HEIGHT,
        title=gettext("Pain scores over time"),
        desc=_desc(ordered),
    )
    middle = (PAIN_TOP + PAIN_BOTTOM) / 2
    return PainChart(
        frame=frame,
        bands=_bands(),
        y_ticks=_y_ticks(),
        y_title=Label(14, middle, gettext("Pain (0–10)")),
        x_ticks=_x_ticks(ordered),
        legend=_legend(),
        series=(
            _series(ordered, NEXT_MORNING, dodge, size),
            _series(ordered, AFTER, 0.0, size),
            _series(ordered, BEFORE, -dodge, size),
        ),
    )
