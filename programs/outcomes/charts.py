"""The outcome chart: one instrument's scores over time, with the baseline and the threshold
of a meaningful improvement drawn across, so a glance tells whether the patient got there.

Pure like the follow-up charts, and built on their geometry (programs.followup.charts):
``templates/outcomes/charts/outcome.svg.html`` draws it in the same frame.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext, ngettext, pgettext

from programs.followup.charts.geometry import (
    AXIS_COLOUR,
    GRID_COLOUR,
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
from programs.outcomes.instruments import SPECS, InstrumentSpec

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 520, 24, 220
MAX_DATE_LABELS = 6
SERIES_COLOUR = "#1d4ed8"
BASELINE_COLOUR = "#4b5563"
THRESHOLD_COLOUR = "#15803d"


@dataclass(frozen=True)
class OutcomePoint:
    when: datetime.date
    score: Decimal


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    tooltip: str


@dataclass(frozen=True)
class Reference:
    """A horizontal line across the plot (the baseline, the threshold) and its label."""

    key: str
    line: Line
    label: Label
    dasharray: str


@dataclass(frozen=True)
class OutcomeChart:
    frame: Frame
    empty: EmptyState | None = None
    y_ticks: tuple[Tick, ...] = ()
    x_ticks: tuple[Tick, ...] = ()
    references: tuple[Reference, ...] = ()
    line: tuple[Point, ...] = ()
    markers: tuple[Marker, ...] = ()


def improvement_threshold(spec: InstrumentSpec, baseline: Decimal) -> Decimal | None:
    """The score that counts as improved: the baseline moved by the smaller of the rule's
    points and its percentage of the baseline, kept within the scale."""
    if spec.rule is None:
        return None
    change = spec.rule.points
    if spec.rule.percent is not None and baseline > 0:
        change = min(change, baseline * spec.rule.percent / 100)
    target = baseline - change if spec.lower_is_better else baseline + change
    return min(max(target, spec.minimum), spec.maximum)


def _ticks(spec: InstrumentSpec) -> list[Decimal]:
    step = {10: 2, 24: 4, 100: 20, 9: 3}.get(int(spec.maximum), 1)
    return [Decimal(v) for v in range(int(spec.minimum), int(spec.maximum) + 1, step)]


def outcome_chart(instrument: str, points: Sequence[OutcomePoint]) -> OutcomeChart:
    """One instrument's scores as a line, the first as the baseline, with the threshold."""
    spec = SPECS[instrument]
    kind = f"outcome-chart-{instrument}"
    if not points:
        frame, empty = empty_chart(
            kind, gettext("No %(instrument)s scores yet.") % {"instrument": spec.short}
        )
        return OutcomeChart(frame=frame, empty=empty)
    ordered = sorted(points, key=lambda p: p.when)
    low, high = float(spec.minimum), float(spec.maximum)

    def y(value: Decimal) -> float:
        clamped = min(max(float(value), low), high)
        return BOTTOM - (clamped - low) * (BOTTOM - TOP) / (high - low)

    def x(index: int) -> float:
        if len(ordered) == 1:
            return (LEFT + RIGHT) / 2
        return LEFT + index * (RIGHT - LEFT) / (len(ordered) - 1)

    y_ticks = tuple(
        Tick(
            Line(LEFT, y(v), RIGHT, y(v), AXIS_COLOUR if v == spec.minimum else GRID_COLOUR),
            Label(LEFT - 8, y(v) + 4, f"{v}"),
        )
        for v in _ticks(spec)
    )
    x_ticks = tuple(
        Tick(
            Line(x(i), BOTTOM, x(i), BOTTOM + 4, AXIS_COLOUR),
            Label(x(i), BOTTOM + 22, short_date(ordered[i].when)),
        )
        for i in spaced_indices(len(ordered), MAX_DATE_LABELS)
    )
    baseline = ordered[0].score
    references = [
        Reference(
            "baseline",
            Line(LEFT, y(baseline), RIGHT, y(baseline), BASELINE_COLOUR),
            Label(RIGHT + 6, y(baseline) + 4, pgettext("chart line", "baseline")),
            "2 3",
        )
    ]
    threshold = improvement_threshold(spec, baseline)
    if threshold is not None and threshold != baseline:
        references.append(
            Reference(
                "threshold",
                Line(LEFT, y(threshold), RIGHT, y(threshold), THRESHOLD_COLOUR),
                Label(RIGHT + 6, y(threshold) + 4, pgettext("chart line", "improved")),
                "6 4",
            )
        )
    scores = [f"{p.score.normalize():f}" for p in ordered]
    markers = tuple(
        Marker(x(i), y(p.score), f"{short_date(p.when)}: {spec.short} {scores[i]}")
        for i, p in enumerate(ordered)
    )
    first, last = ordered[0], ordered[-1]
    span = (
        gettext("1 score on %(date)s") % {"date": short_date(first.when)}
        if len(ordered) == 1
        else ngettext(
            "%(count)s score from %(dates)s", "%(count)s scores from %(dates)s", len(ordered)
        )
        % {"count": len(ordered), "dates": date_range(first.when, last.when)}
    )
    values = {"baseline": scores[0], "latest": scores[-1], "range": spec.range_text}
    scale = (
        gettext(
            "Baseline %(baseline)s, latest %(latest)s, on a %(range)s scale where lower is better."
        )
        if spec.lower_is_better
        else gettext(
            "Baseline %(baseline)s, latest %(latest)s, on a %(range)s scale where higher is better."
        )
    ) % values
    goal = (
        ""
        if threshold is None
        else " "
        + gettext("Improved means reaching %(threshold)s.")
        % {"threshold": f"{threshold.normalize():f}"}
    )
    frame = Frame(
        kind="outcome-chart",
        id=chart_id(kind, ((p.when, p.score) for p in ordered)),
        width=WIDTH,
        height=HEIGHT,
        title=gettext("%(instrument)s over time") % {"instrument": spec.name},
        desc=f"{span}. {scale}{goal}",
    )
    return OutcomeChart(
        frame=frame,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        references=tuple(references),
        line=tuple(Point(m.x, m.y) for m in markers) if len(markers) > 1 else (),
        markers=markers,
    )


RESULT_SEGMENTS = (
    ("improved", "#15803d"),
    ("unchanged", "#9ca3af"),
    ("worse", "#b91c1c"),
)
BAR_LEFT, BAR_RIGHT, BAR_TOP, BAR_HEIGHT, BAR_GAP = 96, 624, 16, 22, 40
# The counts under each bar start at the left edge: at the phone font size (17) they need
# about 500 units.
SUMMARY_LEFT = 8


@dataclass(frozen=True)
class ResultRow:
    """One instrument's verdicts at discharge, for the clinic's chart."""

    label: str
    improved: int
    unchanged: int
    worse: int


@dataclass(frozen=True)
class Segment:
    key: str
    x: float
    y: float
    width: float
    height: float
    colour: str
    tooltip: str


@dataclass(frozen=True)
class ResultBar:
    name: Label
    segments: tuple[Segment, ...]
    summary: Label  # the counts in words, under the bar: the colours are not the only cue


@dataclass(frozen=True)
class ResultsChart:
    frame: Frame
    empty: EmptyState | None = None
    bars: tuple[ResultBar, ...] = ()


def results_chart(rows: Sequence[ResultRow]) -> ResultsChart:
    """Per instrument, the share of discharged patients improved, unchanged and worse."""
    rows = [row for row in rows if row.improved + row.unchanged + row.worse]
    if not rows:
        frame, empty = empty_chart(
            "results-chart", gettext("No discharges with repeated scores yet.")
        )
        return ResultsChart(frame=frame, empty=empty)
    bars = []
    phrases = []
    y = float(BAR_TOP)
    for row in rows:
        total = row.improved + row.unchanged + row.worse
        x = float(BAR_LEFT)
        segments = []
        words = {
            "improved": pgettext("verdicts", "improved"),
            "unchanged": pgettext("verdicts", "unchanged"),
            "worse": pgettext("verdicts", "worse"),
        }
        for key, colour in RESULT_SEGMENTS:
            count = getattr(row, key)
            width = (BAR_RIGHT - BAR_LEFT) * count / total
            if count:
                segments.append(
                    Segment(
                        key, x, y, width, BAR_HEIGHT, colour, f"{row.label}: {count} {words[key]}"
                    )
                )
            x += width
        share = round(100 * row.improved / total)
        counts = gettext(
            "%(share)s %% improved (%(improved)s of %(total)s) · %(unchanged)s unchanged · "
            "%(worse)s worse"
        ) % {
            "share": share,
            "improved": row.improved,
            "total": total,
            "unchanged": row.unchanged,
            "worse": row.worse,
        }
        phrases.append(f"{row.label}: {counts.replace(' ·', ',')}")
        bars.append(
            ResultBar(
                name=Label(BAR_LEFT - 8, y + BAR_HEIGHT / 2 + 5, row.label),
                segments=tuple(segments),
                summary=Label(SUMMARY_LEFT, y + BAR_HEIGHT + 20, counts),
            )
        )
        y += BAR_HEIGHT + BAR_GAP
    frame = Frame(
        kind="results-chart",
        id=chart_id("results-chart", [(r.label, r.improved, r.unchanged, r.worse) for r in rows]),
        width=WIDTH,
        height=int(y),
        title=gettext("Results at discharge per instrument"),
        desc=". ".join(phrases) + ".",
    )
    return ResultsChart(frame=frame, bars=tuple(bars))
