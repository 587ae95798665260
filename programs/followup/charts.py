"""Server-side SVG charts: pain scores over time and weekly adherence.

Pure: no ORM and no I/O. The functions take plain dataclasses and return one complete
``<svg>`` element as a string, which templates output with ``|safe``; every piece of text and
every attribute value is XML-escaped here, so that is sound.

Accessible and readable without colour alone:
- ``role="img"`` with a ``<title>`` and a ``<desc>`` that summarises the data in words;
- every pain series has its own marker shape *and* dash pattern, and a legend names it;
- traffic-light bands and bar colours are repeated by text ("green", "9/14 · 64 %", ...);
- each marker and bar has a ``<title>`` child, a tooltip for mouse users;
- responsive without JavaScript: a ``viewBox`` with ``width="100%"`` and no pixel size, and a
  small scoped ``@media`` rule that enlarges the text on phones, where the whole drawing
  shrinks to about 60 %. Label spacing is planned for that larger text.

Input is drawn in date order (stable, so same-day sessions keep their order). Pain scores
outside 0–10 are drawn at the nearest edge, and their true value is still written out.
Adherence percentages are rounded down, so a label never claims the goal that was missed.
"""

import datetime
import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from programs.followup.progression import AMBER_MAX_PAIN, GREEN_MAX_PAIN, PROGRESS_MIN_ADHERENCE


@dataclass(frozen=True)
class PainPoint:
    when: datetime.date  # the session's local date
    pain_before: int  # 0-10
    pain_after: int  # 0-10
    pain_next_morning: int | None  # 0-10 or None when not reported


@dataclass(frozen=True)
class AdherenceWeek:
    week_start: datetime.date  # Monday
    logged: int  # sessions logged that week
    prescribed: int  # sessions prescribed that week (>= 0)


FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
TEXT_COLOUR = "#1f2937"
MUTED_COLOUR = "#4b5563"
GRID_COLOUR = "#d1d5db"
AXIS_COLOUR = "#6b7280"
FONT_SIZE = 12  # viewBox units, on wide screens
PHONE_FONT_SIZE = 17  # on phones (Bootstrap's "sm" breakpoint), to stay near 10 px
PHONE_MEDIA = "(max-width: 575.98px)"
SCALED = "scaled"  # class of the text the phone rule enlarges
PHONE_HIDDEN = "phone-hidden"  # class of what the phone rule hides (all of it is redundant)

EMPTY_HEIGHT = 80
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# --- Pain chart layout (viewBox units) -------------------------------------------------------
PAIN_WIDTH, PAIN_HEIGHT = 640, 280
PAIN_LEFT, PAIN_RIGHT, PAIN_TOP, PAIN_BOTTOM = 48, 576, 44, 240
PAIN_MAX = 10
PAIN_TICKS = (0, 2, 4, 6, 8, 10)
MAX_DATE_LABELS = 8  # "24 Nov" is at most about 63 units wide on phones; gaps are >= 75
PAIN_EMPTY_MESSAGE = "No sessions logged yet."


@dataclass(frozen=True)
class _Series:
    key: str
    label: str  # legend text, e.g. "Pain before"
    phrase: str  # tooltip text, e.g. "pain before"
    colour: str
    dasharray: str | None
    marker: str  # "circle", "square" or "triangle"


BEFORE = _Series("before", "Pain before", "pain before", "#1d4ed8", None, "circle")
AFTER = _Series("after", "Pain after", "pain after", "#b91c1c", "6 4", "square")
NEXT_MORNING = _Series("next-morning", "Next morning", "next morning", "#6d28d9", "2 3", "triangle")
PAIN_SERIES = (BEFORE, AFTER, NEXT_MORNING)

# Traffic-light bands of the progression rules: integer scores 0–3 green, 4–5 amber, 6–10 red,
# so the shaded edges sit half-way between the integers.
PAIN_BANDS = (
    ("green", 0.0, GREEN_MAX_PAIN + 0.5, "#16a34a", "#166534"),
    ("amber", GREEN_MAX_PAIN + 0.5, AMBER_MAX_PAIN + 0.5, "#f59e0b", "#92400e"),
    ("red", AMBER_MAX_PAIN + 0.5, float(PAIN_MAX), "#dc2626", "#991b1b"),
)

# --- Adherence chart layout ------------------------------------------------------------------
ADH_WIDTH, ADH_HEIGHT = 640, 220
ADH_LEFT, ADH_RIGHT, ADH_TOP, ADH_BOTTOM = 62, 540, 56, 186
ADH_TICKS = (0, 50, 100)
GOAL_PERCENT = round(PROGRESS_MIN_ADHERENCE * 100)  # 80
MET_COLOUR = "#15803d"  # white text on it: 5.0:1
BELOW_COLOUR = "#b45309"  # white text on it: 5.0:1
ADH_EMPTY_MESSAGE = "No weeks to show yet."


# --- Small shared helpers --------------------------------------------------------------------


def _num(value: float) -> str:
    """A compact coordinate: at most one decimal, no trailing ".0"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attrs(**attributes: object) -> str:
    """Attributes as ` name="value"`, escaped; `_` becomes `-`, a trailing `_` and None go."""
    parts = []
    for name, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = _num(value)
        parts.append(f" {name.rstrip('_').replace('_', '-')}={quoteattr(str(value))}")
    return "".join(parts)


def _text(
    x: float,
    y: float,
    content: str,
    *,
    tooltip: str | None = None,
    markup: str | None = None,
    **attributes: object,
) -> str:
    """A <text>; `markup` (already escaped, e.g. with tspans) replaces the escaped `content`."""
    inner = markup if markup is not None else escape(content)
    title = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    return f"<text{_attrs(x=float(x), y=float(y), **attributes)}>{inner}{title}</text>"


def _line(x1: float, y1: float, x2: float, y2: float, **attributes: object) -> str:
    coords = _attrs(x1=float(x1), y1=float(y1), x2=float(x2), y2=float(y2))
    return f"<line{coords}{_attrs(**attributes)}/>"


def _rect(x: float, y: float, w: float, h: float, **attributes: object) -> str:
    return f"<rect{_attrs(x=float(x), y=float(y), width=float(w), height=float(h), **attributes)}/>"


def _text_width(text: str, font_size: float) -> float:
    """A generous estimate of the rendered width, enough to keep labels apart."""
    return len(text) * font_size * 0.62


def _short_date(day: datetime.date) -> str:
    """ "24 Nov", the same in every locale."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def _date_range(first: datetime.date, last: datetime.date) -> str:
    if first.year != last.year:
        return f"{_short_date(first)} {first.year} to {_short_date(last)} {last.year}"
    return f"{_short_date(first)} to {_short_date(last)}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _chart_id(kind: str, parts: Iterable[object]) -> str:
    """A stable id, different for different data, so two charts on a page do not clash."""
    digest = hashlib.blake2s(repr(list(parts)).encode(), digest_size=4).hexdigest()
    return f"{kind}-{digest}"


def _spaced_indices(count: int, most: int) -> list[int]:
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


def _svg(
    *, kind: str, chart_id: str, width: int, height: int, title: str, desc: str, body: Iterable[str]
) -> str:
    root = _attrs(
        xmlns="http://www.w3.org/2000/svg",
        id=chart_id,
        viewBox=f"0 0 {width} {height}",
        width="100%",
        role="img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        class_=f"chart {kind}",
        font_family=FONT,
    )
    # Scoped by id: a <style> inside inline SVG applies to the whole HTML page.
    scope = f"#{chart_id}"
    style = (
        f"@media {PHONE_MEDIA}{{{scope} .{SCALED}{{font-size:{PHONE_FONT_SIZE}px}}"
        f"{scope} .{PHONE_HIDDEN}{{display:none}}{scope} .line{{stroke-width:3px}}}}"
    )
    return "".join(
        [
            f"<svg{root}>",
            f"<title{_attrs(id=f'{chart_id}-title')}>{escape(title)}</title>",
            f"<desc{_attrs(id=f'{chart_id}-desc')}>{escape(desc)}</desc>",
            f"<style>{escape(style)}</style>",
            *body,
            "</svg>",
        ]
    )


def _empty(kind: str, message: str) -> str:
    width, height = 640, EMPTY_HEIGHT
    body = [
        _rect(0.5, 0.5, width - 1, height - 1, fill="#f9fafb", stroke=GRID_COLOUR, rx="8"),
        _text(
            width / 2,
            height / 2 + 7,
            message,
            text_anchor="middle",
            font_size="20",
            fill=MUTED_COLOUR,
            class_="empty-message",
        ),
    ]
    return _svg(
        kind=kind,
        chart_id=f"{kind}-empty",
        width=width,
        height=height,
        title=message,
        desc=message,
        body=body,
    )


# --- Pain chart ------------------------------------------------------------------------------


def _pain_y(value: float) -> float:
    clamped = min(max(value, 0), PAIN_MAX)
    return PAIN_BOTTOM - clamped * (PAIN_BOTTOM - PAIN_TOP) / PAIN_MAX


def _pain_x(index: int, count: int) -> float:
    if count == 1:
        return (PAIN_LEFT + PAIN_RIGHT) / 2
    return PAIN_LEFT + index * (PAIN_RIGHT - PAIN_LEFT) / (count - 1)


def _marker(shape: str, x: float, y: float, size: float, **attributes: object) -> tuple[str, str]:
    """Opening and closing tags of one marker, so a <title> can go in between."""
    if shape == "circle":
        return f"<circle{_attrs(cx=x, cy=y, r=size, **attributes)}>", "</circle>"
    if shape == "square":
        side = size * 1.7
        attrs = _attrs(x=x - side / 2, y=y - side / 2, width=side, height=side, **attributes)
        return f"<rect{attrs}>", "</rect>"
    half = size * 1.2  # an upward triangle, about as heavy as the circle
    points = (
        f"{_num(x)},{_num(y - half * 1.1)} {_num(x - half)},{_num(y + half * 0.8)} "
        f"{_num(x + half)},{_num(y + half * 0.8)}"
    )
    return f"<polygon{_attrs(points=points, **attributes)}>", "</polygon>"


def _pain_bands() -> list[str]:
    parts = ['<g class="bands">']
    for name, low, high, fill, text_colour in PAIN_BANDS:
        top, bottom = _pain_y(high), _pain_y(low)
        parts.append(
            _rect(
                PAIN_LEFT,
                top,
                PAIN_RIGHT - PAIN_LEFT,
                bottom - top,
                fill=fill,
                fill_opacity="0.1",
                class_=f"band band-{name}",
            )
        )
        parts.append(
            _text(
                PAIN_RIGHT + 6,
                (top + bottom) / 2 + 4,
                name,
                font_size=FONT_SIZE,
                fill=text_colour,
                class_=f"band-label {SCALED}",
            )
        )
    parts.append("</g>")
    return parts


def _pain_axes() -> list[str]:
    parts = ['<g class="y-axis">']
    for tick in PAIN_TICKS:
        y = _pain_y(tick)
        parts.append(
            _line(PAIN_LEFT, y, PAIN_RIGHT, y, stroke=AXIS_COLOUR if tick == 0 else GRID_COLOUR)
        )
        parts.append(
            _text(
                PAIN_LEFT - 8,
                y + 4,
                str(tick),
                text_anchor="end",
                font_size=FONT_SIZE,
                fill=MUTED_COLOUR,
                class_=f"tick-label {SCALED}",
            )
        )
    middle = (PAIN_TOP + PAIN_BOTTOM) / 2
    parts.append(
        _text(
            14,
            middle,
            "Pain (0–10)",
            text_anchor="middle",
            font_size=FONT_SIZE,
            fill=MUTED_COLOUR,
            transform=f"rotate(-90 14 {_num(middle)})",
            class_=f"axis-title {PHONE_HIDDEN}",
        )
    )
    parts.append("</g>")
    return parts


def _pain_date_labels(points: Sequence[PainPoint]) -> list[str]:
    parts = ['<g class="x-axis">']
    for index in _spaced_indices(len(points), MAX_DATE_LABELS):
        x = _pain_x(index, len(points))
        parts.append(_line(x, PAIN_BOTTOM, x, PAIN_BOTTOM + 4, stroke=AXIS_COLOUR))
        parts.append(
            _text(
                x,
                PAIN_BOTTOM + 22,
                _short_date(points[index].when),
                text_anchor="middle",
                font_size=FONT_SIZE,
                fill=MUTED_COLOUR,
                class_=f"date-label {SCALED}",
            )
        )
    parts.append("</g>")
    return parts


def _pain_legend() -> list[str]:
    parts = ['<g class="legend">']
    x, y = PAIN_LEFT - 8, 18
    for series in PAIN_SERIES:
        parts.append(
            _line(
                x,
                y,
                x + 30,
                y,
                stroke=series.colour,
                stroke_width="2",
                stroke_dasharray=series.dasharray,
                class_="line",
            )
        )
        opening, closing = _marker(
            series.marker, x + 15, y, 5.0, fill=series.colour, stroke="#fff", stroke_width="1"
        )
        parts.append(opening + closing)
        parts.append(
            _text(
                x + 38,
                y + 5,
                series.label,
                font_size="13",
                fill=TEXT_COLOUR,
                class_=f"legend-label {SCALED}",
            )
        )
        x += 170
    parts.append("</g>")
    return parts


def _series_values(points: Sequence[PainPoint], series: _Series) -> list[int | None]:
    if series is BEFORE:
        return [p.pain_before for p in points]
    if series is AFTER:
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


def _pain_series(points: Sequence[PainPoint], series: _Series, offset: float, size: float) -> str:
    count = len(points)
    values = _series_values(points, series)
    xs = [_pain_x(i, count) + offset for i in range(count)]
    parts = [f"<g{_attrs(class_=f'series series-{series.key}')}>"]
    line_attrs = _attrs(
        fill="none",
        stroke=series.colour,
        stroke_width="2",
        stroke_dasharray=series.dasharray,
        stroke_linejoin="round",
        class_="line",
    )
    for run in _runs(values):
        if len(run) > 1:
            coords = " ".join(f"{_num(xs[i])},{_num(_pain_y(value))}" for i, value in run)
            parts.append(f"<polyline{_attrs(points=coords)}{line_attrs}/>")
    for index, value in enumerate(values):
        if value is None:
            continue
        opening, closing = _marker(
            series.marker,
            xs[index],
            _pain_y(value),
            size,
            fill=series.colour,
            stroke="#fff",
            stroke_width="1",
            class_="marker",
        )
        tooltip = f"{_short_date(points[index].when)}: {series.phrase} {value}/10"
        parts.append(f"{opening}<title>{escape(tooltip)}</title>{closing}")
    parts.append("</g>")
    return "".join(parts)


def _pain_desc(points: Sequence[PainPoint]) -> str:
    first, last = points[0], points[-1]
    if len(points) == 1:
        span = f"1 session on {_short_date(first.when)}"
    else:
        span = f"{_plural(len(points), 'session')} from {_date_range(first.when, last.when)}"
    morning = "not reported" if last.pain_next_morning is None else str(last.pain_next_morning)
    return (
        f"{span}. Latest: pain before {last.pain_before}, after {last.pain_after}, "
        f"next morning {morning}. Pain is on a 0 to 10 scale; 0 to {GREEN_MAX_PAIN} is green, "
        f"{GREEN_MAX_PAIN + 1} to {AMBER_MAX_PAIN} amber, {AMBER_MAX_PAIN + 1} or more red."
    )


def pain_chart(points: list[PainPoint]) -> str:
    """Pain before, after and the next morning of each session, as an SVG line chart."""
    if not points:
        return _empty("pain-chart", PAIN_EMPTY_MESSAGE)
    ordered = sorted(points, key=lambda p: p.when)
    count = len(ordered)
    step = (PAIN_RIGHT - PAIN_LEFT) / (count - 1) if count > 1 else float(PAIN_RIGHT - PAIN_LEFT)
    # Markers shrink when sessions crowd, and the three series sit a little apart ("dodged")
    # so equal scores on one day stay visible as three shapes.
    size = min(5.0, max(2.0, step * 0.22))
    dodge = min(5.0, step * 0.14)
    body = [
        *_pain_bands(),
        *_pain_axes(),
        *_pain_date_labels(ordered),
        *_pain_legend(),
        _pain_series(ordered, NEXT_MORNING, dodge, size),
        _pain_series(ordered, AFTER, 0.0, size),
        _pain_series(ordered, BEFORE, -dodge, size),
    ]
    chart_id = _chart_id(
        "pain-chart", ((p.when, p.pain_before, p.pain_after, p.pain_next_morning) for p in ordered)
    )
    return _svg(
        kind="pain-chart",
        chart_id=chart_id,
        width=PAIN_WIDTH,
        height=PAIN_HEIGHT,
        title="Pain scores over time",
        desc=_pain_desc(ordered),
        body=body,
    )


# --- Adherence chart -------------------------------------------------------------------------


def _percent(week: AdherenceWeek) -> int | None:
    """Logged as a whole percentage of prescribed, rounded down; None when none prescribed."""
    if week.prescribed <= 0:
        return None
    return max(week.logged, 0) * 100 // week.prescribed


def _goal_met(week: AdherenceWeek) -> bool:
    return week.prescribed > 0 and max(week.logged, 0) * 100 >= GOAL_PERCENT * week.prescribed


def _adh_y(percent: float) -> float:
    return ADH_BOTTOM - min(max(percent, 0.0), 100.0) * (ADH_BOTTOM - ADH_TOP) / 100


def _adherence_axes() -> list[str]:
    parts = ['<g class="y-axis">']
    for tick in ADH_TICKS:
        y = _adh_y(tick)
        parts.append(
            _line(ADH_LEFT, y, ADH_RIGHT, y, stroke=AXIS_COLOUR if tick == 0 else GRID_COLOUR)
        )
        parts.append(
            _text(
                ADH_LEFT - 8,
                y + 4,
                f"{tick} %",
                text_anchor="end",
                font_size=FONT_SIZE,
                fill=MUTED_COLOUR,
                class_=f"tick-label {SCALED}",
            )
        )
    parts.append("</g>")
    return parts


def _adherence_goal() -> list[str]:
    y = _adh_y(GOAL_PERCENT)
    return [
        '<g class="goal">',
        _line(
            ADH_LEFT,
            y,
            ADH_RIGHT,
            y,
            stroke=TEXT_COLOUR,
            stroke_width="1.5",
            stroke_dasharray="6 4",
        ),
        _text(
            ADH_RIGHT + 6,
            y + 4,
            f"{GOAL_PERCENT} % goal",
            font_size=FONT_SIZE,
            fill=TEXT_COLOUR,
            class_=f"goal-label {SCALED}",
        ),
        "</g>",
    ]


def _adherence_legend() -> list[str]:
    y = 18
    items = (
        (MET_COLOUR, f"At or above {GOAL_PERCENT} %"),
        (BELOW_COLOUR, f"Below {GOAL_PERCENT} %"),
    )
    parts = ['<g class="legend">']
    x = ADH_LEFT - 14
    for colour, label in items:
        parts.append(_rect(x, y - 6, 12, 12, fill=colour))
        parts.append(
            _text(
                x + 18,
                y + 5,
                label,
                font_size="13",
                fill=TEXT_COLOUR,
                class_=f"legend-label {SCALED}",
            )
        )
        x += 210
    parts.append("</g>")
    return parts


def _adherence_week(index: int, week: AdherenceWeek, slot: float) -> tuple[str, str]:
    """The bar (with its tooltip) and the label of one week, drawn in separate layers.

    The label reads "9/14 · 64 %" where that fits, with the fraction hidden on phones;
    "64 %" where only that fits; and "64 %" written upwards when even that is too wide.
    """
    centre = ADH_LEFT + slot * (index + 0.5)
    percent = _percent(week)
    when = f"w/c {_short_date(week.week_start)}"
    if percent is None:
        tooltip = f"{when}: no sessions prescribed ({week.logged} logged)"
        text = _text(
            centre,
            ADH_BOTTOM - 6,
            "—",
            text_anchor="middle",
            font_size=FONT_SIZE,
            fill=MUTED_COLOUR,
            class_=f"bar-label no-prescription {SCALED}",
            tooltip=tooltip,
        )
        return "", text
    tooltip = f"{when}: {week.logged} of {week.prescribed} sessions logged ({percent} %)"
    top = _adh_y(percent)
    height = ADH_BOTTOM - top
    width = min(slot * 0.6, 56.0)
    colour = MET_COLOUR if _goal_met(week) else BELOW_COLOUR
    bar = (
        f"<rect{_attrs(x=centre - width / 2, y=top, width=width, height=height)}"
        f"{_attrs(fill=colour, class_='bar', data_percent=percent)}>"
        f"<title>{escape(tooltip)}</title></rect>"
    )
    short = f"{percent} %"
    fraction = f"{week.logged}/{week.prescribed} · "
    halo = {"stroke": "#fff", "stroke_width": "4", "paint_order": "stroke"}
    if _text_width(short, PHONE_FONT_SIZE) <= slot - 4:
        markup = escape(short)
        if _text_width(fraction + short, FONT_SIZE) <= slot - 8:
            markup = f'<tspan class="{PHONE_HIDDEN}">{escape(fraction)}</tspan>{markup}'
        text = _text(
            centre,
            top - 6,
            short,
            markup=markup,
            text_anchor="middle",
            font_size=FONT_SIZE,
            fill=TEXT_COLOUR,
            class_=f"bar-label {SCALED}",
            **halo,
        )
        return bar, text
    # Too narrow for level text: write it upwards, inside a tall bar (white on either fill)
    # or above a short one. These stay small on phones too, as there is no room to grow.
    inside = height >= _text_width(short, 10) + 8
    x, y = centre + 3.5, (top + 4 if inside else top - 4)
    colours = {"fill": "#fff"} if inside else {"fill": TEXT_COLOUR, **halo}
    text = _text(
        x,
        y,
        short,
        text_anchor="end" if inside else "start",
        font_size="10",
        transform=f"rotate(-90 {_num(x)} {_num(y)})",
        class_="bar-label",
        **colours,
    )
    return bar, text


def _week_labels(weeks: Sequence[AdherenceWeek], slot: float) -> list[str]:
    """ "w/c 17 Nov" under the bars, thinned to fit; phones drop the "w/c " to save room."""
    widest = max(_text_width("w/c 30 Nov", FONT_SIZE), _text_width("30 Nov", PHONE_FONT_SIZE))
    most = max(1, int((ADH_RIGHT - ADH_LEFT - slot) // (widest + 6)) + 1)
    parts = ['<g class="x-axis">']
    for index in _spaced_indices(len(weeks), most):
        day = _short_date(weeks[index].week_start)
        parts.append(
            _text(
                ADH_LEFT + slot * (index + 0.5),
                ADH_BOTTOM + 22,
                f"w/c {day}",
                markup=f'<tspan class="{PHONE_HIDDEN}">w/c </tspan>{escape(day)}',
                text_anchor="middle",
                font_size=FONT_SIZE,
                fill=MUTED_COLOUR,
                class_=f"week-label {SCALED}",
            )
        )
    parts.append("</g>")
    return parts


def _adherence_desc(weeks: Sequence[AdherenceWeek]) -> str:
    latest = weeks[-1]
    percent = _percent(latest)
    if percent is None:
        latest_text = f"latest week had no sessions prescribed ({latest.logged} logged)"
    else:
        sessions = _plural(latest.prescribed, "session")
        latest_text = f"latest week {percent} % ({latest.logged} of {sessions})"
    met = sum(_goal_met(w) for w in weeks)
    return (
        f"Weekly adherence for {_plural(len(weeks), 'week')}; {latest_text}. "
        f"{met} of {len(weeks)} at or above the {GOAL_PERCENT} % goal."
    )


def adherence_chart(weeks: list[AdherenceWeek]) -> str:
    """Sessions logged as a share of those prescribed, one bar per week, as an SVG bar chart."""
    if not weeks:
        return _empty("adherence-chart", ADH_EMPTY_MESSAGE)
    ordered = sorted(weeks, key=lambda w: w.week_start)
    slot = (ADH_RIGHT - ADH_LEFT) / len(ordered)
    drawn = [_adherence_week(i, week, slot) for i, week in enumerate(ordered)]
    body = [
        *_adherence_axes(),
        *_adherence_legend(),
        '<g class="bars">',
        *(bar for bar, _ in drawn),
        "</g>",
        *_adherence_goal(),
        '<g class="bar-labels">',
        *(label for _, label in drawn),
        "</g>",
        *_week_labels(ordered, slot),
    ]
    chart_id = _chart_id(
        "adherence-chart", ((w.week_start, w.logged, w.prescribed) for w in ordered)
    )
    return _svg(
        kind="adherence-chart",
        chart_id=chart_id,
        width=ADH_WIDTH,
        height=ADH_HEIGHT,
        title="Weekly adherence",
        desc=_adherence_desc(ordered),
        body=body,
    )
