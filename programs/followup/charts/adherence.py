"""The weekly adherence chart's geometry: sessions logged as a share of those prescribed.

Percentages are rounded down, so a label never claims the goal that was missed.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop, ngettext, pgettext

from programs.followup.charts.geometry import (
    AXIS_COLOUR,
    FONT_SIZE,
    GRID_COLOUR,
    PHONE_FONT_SIZE,
    Box,
    EmptyState,
    Frame,
    Label,
    Line,
    Tick,
    chart_id,
    empty_chart,
    short_date,
    spaced_indices,
    text_width,
)
from programs.followup.progression import PROGRESS_MIN_ADHERENCE

ADH_WIDTH, ADH_HEIGHT = 640, 220
ADH_LEFT, ADH_RIGHT, ADH_TOP, ADH_BOTTOM = 62, 540, 56, 186
ADH_TICKS = (0, 50, 100)
GOAL_PERCENT = round(PROGRESS_MIN_ADHERENCE * 100)  # 80
GOAL_COLOUR = "#1f2937"  # the colour of the text
MET_COLOUR = "#15803d"  # white text on it: 5.0:1
BELOW_COLOUR = "#b45309"  # white text on it: 5.0:1
ADH_EMPTY_MESSAGE = gettext_noop("No weeks to show yet.")
UPWARD_FONT_SIZE = 10  # of labels written upwards, on phones too: there is no room to grow
SWATCH_SIZE = 12


@dataclass(frozen=True)
class AdherenceWeek:
    week_start: datetime.date  # Monday
    logged: int  # sessions logged that week
    prescribed: int  # sessions prescribed that week (>= 0)


@dataclass(frozen=True)
class Bar:
    box: Box
    colour: str  # MET_COLOUR or BELOW_COLOUR
    percent: int  # rounded down
    tooltip: str  # e.g. "w/c 3 Nov: 9 of 14 sessions logged (64 %)"


@dataclass(frozen=True)
class BarLabel:
    """The percentage of one week, placed where it fits.

    placement: "level" above the bar, with the fraction as the label's prefix where that fits
    too; "upward-inside" or "upward-above" written upwards, inside a tall bar or above a short
    one, when even the percentage is too wide; "no-prescription" a dash where there is no bar.
    """

    placement: str
    label: Label
    tooltip: str = ""  # only where there is no bar to carry one


@dataclass(frozen=True)
class LegendSwatch:
    box: Box
    colour: str
    label: Label


@dataclass(frozen=True)
class AdherenceChart:
    frame: Frame
    empty: EmptyState | None = None
    y_ticks: tuple[Tick, ...] = ()
    legend: tuple[LegendSwatch, ...] = ()
    bars: tuple[Bar, ...] = ()
    goal: Tick | None = None  # the dashed line at the goal, labelled at its right end
    bar_labels: tuple[BarLabel, ...] = ()
    week_labels: tuple[Label, ...] = ()  # "w/c " is the prefix, which phones drop


def _percent(week: AdherenceWeek) -> int | None:
    """Logged as a whole percentage of prescribed, rounded down; None when none prescribed."""
    if week.prescribed <= 0:
        return None
    return max(week.logged, 0) * 100 // week.prescribed


def _goal_met(week: AdherenceWeek) -> bool:
    return week.prescribed > 0 and max(week.logged, 0) * 100 >= GOAL_PERCENT * week.prescribed


def _adh_y(percent: float) -> float:
    return ADH_BOTTOM - min(max(percent, 0.0), 100.0) * (ADH_BOTTOM - ADH_TOP) / 100


def _y_ticks() -> tuple[Tick, ...]:
    ticks = []
    for tick in ADH_TICKS:
        y = _adh_y(tick)
        colour = AXIS_COLOUR if tick == 0 else GRID_COLOUR
        line = Line(ADH_LEFT, y, ADH_RIGHT, y, colour)
        ticks.append(Tick(line, Label(ADH_LEFT - 8, y + 4, f"{tick} %")))
    return tuple(ticks)


def _week_prefix() -> str:
    """The prefix of a week's date ("w/c " for "week commencing"), which phones drop."""
    return pgettext("week commencing", "w/c ")


def _goal() -> Tick:
    y = _adh_y(GOAL_PERCENT)
    return Tick(
        Line(ADH_LEFT, y, ADH_RIGHT, y, GOAL_COLOUR),
        Label(ADH_RIGHT + 6, y + 4, gettext("%(percent)s %% goal") % {"percent": GOAL_PERCENT}),
    )


def _legend() -> tuple[LegendSwatch, ...]:
    y = 18
    items = (
        (MET_COLOUR, gettext("At or above %(percent)s %%") % {"percent": GOAL_PERCENT}),
        (BELOW_COLOUR, gettext("Below %(percent)s %%") % {"percent": GOAL_PERCENT}),
    )
    swatches = []
    x = ADH_LEFT - 14
    for colour, text in items:
        box = Box(x, y - SWATCH_SIZE / 2, SWATCH_SIZE, SWATCH_SIZE)
        swatches.append(LegendSwatch(box=box, colour=colour, label=Label(x + 18, y + 5, text)))
        x += 210
    return tuple(swatches)


def _week(index: int, week: AdherenceWeek, slot: float) -> tuple[Bar | None, BarLabel]:
    """The bar of one week (None when nothing was prescribed) and its label.

    The label reads "9/14 · 64 %" where that fits, with the fraction hidden on phones;
    "64 %" where only that fits; and "64 %" written upwards when even that is too wide.
    """
    centre = ADH_LEFT + slot * (index + 0.5)
    percent = _percent(week)
    when = _week_prefix() + short_date(week.week_start)
    if percent is None:
        tooltip = gettext("%(week)s: no sessions prescribed (%(logged)s logged)") % {
            "week": when,
            "logged": week.logged,
        }
        return None, BarLabel("no-prescription", Label(centre, ADH_BOTTOM - 6, "—"), tooltip)
    top = _adh_y(percent)
    height = ADH_BOTTOM - top
    width = min(slot * 0.6, 56.0)
    bar = Bar(
        box=Box(centre - width / 2, top, width, height),
        colour=MET_COLOUR if _goal_met(week) else BELOW_COLOUR,
        percent=percent,
        tooltip=gettext("%(week)s: %(logged)s of %(prescribed)s sessions logged (%(percent)s %%)")
        % {"week": when, "logged": week.logged, "prescribed": week.prescribed, "percent": percent},
    )
    short = f"{percent} %"
    fraction = f"{week.logged}/{week.prescribed} · "
    if text_width(short, PHONE_FONT_SIZE) <= slot - 4:
        fits = text_width(fraction + short, FONT_SIZE) <= slot - 8
        label = Label(centre, top - 6, short, prefix=fraction if fits else "")
        return bar, BarLabel("level", label)
    # Too narrow for level text: write it upwards, inside a tall bar (white on either fill)
    # or above a short one.
    if height >= text_width(short, UPWARD_FONT_SIZE) + 8:
        return bar, BarLabel("upward-inside", Label(centre + 3.5, top + 4, short))
    return bar, BarLabel("upward-above", Label(centre + 3.5, top - 4, short))


def _week_labels(weeks: Sequence[AdherenceWeek], slot: float) -> tuple[Label, ...]:
    """ "w/c 17 Nov" under the bars, thinned to fit; phones drop the "w/c " to save room."""
    widest = max(
        text_width(_week_prefix() + "30 Nov", FONT_SIZE), text_width("30 Nov", PHONE_FONT_SIZE)
    )
    most = max(1, int((ADH_RIGHT - ADH_LEFT - slot) // (widest + 6)) + 1)
    return tuple(
        Label(
            ADH_LEFT + slot * (index + 0.5),
            ADH_BOTTOM + 22,
            short_date(weeks[index].week_start),
            prefix=_week_prefix(),
        )
        for index in spaced_indices(len(weeks), most)
    )


def _desc(weeks: Sequence[AdherenceWeek]) -> str:
    latest = weeks[-1]
    percent = _percent(latest)
    if percent is None:
        latest_text = gettext("latest week had no sessions prescribed (%(logged)s logged)") % {
            "logged": latest.logged
        }
    else:
        latest_text = ngettext(
            "latest week %(percent)s %% (%(logged)s of %(prescribed)s session)",
            "latest week %(percent)s %% (%(logged)s of %(prescribed)s sessions)",
            latest.prescribed,
        ) % {"percent": percent, "logged": latest.logged, "prescribed": latest.prescribed}
    met = sum(_goal_met(w) for w in weeks)
    span = ngettext(
        "Weekly adherence for %(count)s week", "Weekly adherence for %(count)s weeks", len(weeks)
    ) % {"count": len(weeks)}
    goal = gettext("%(met)s of %(count)s at or above the %(percent)s %% goal.") % {
        "met": met,
        "count": len(weeks),
        "percent": GOAL_PERCENT,
    }
    return f"{span}; {latest_text}. {goal}"


def adherence_chart(weeks: list[AdherenceWeek]) -> AdherenceChart:
    """Sessions logged as a share of those prescribed, one bar per week, laid out."""
    if not weeks:
        frame, empty = empty_chart("adherence-chart", gettext(ADH_EMPTY_MESSAGE))
        return AdherenceChart(frame=frame, empty=empty)
    ordered = sorted(weeks, key=lambda w: w.week_start)
    slot = (ADH_RIGHT - ADH_LEFT) / len(ordered)
    drawn = [_week(i, week, slot) for i, week in enumerate(ordered)]
    frame = Frame(
        kind="adherence-chart",
        id=chart_id("adherence-chart", ((w.week_start, w.logged, w.prescribed) for w in ordered)),
        width=ADH_WIDTH,
        height=ADH_HEIGHT,
        title=gettext("Weekly adherence"),
        desc=_desc(ordered),
    )
    return AdherenceChart(
        frame=frame,
        y_ticks=_y_ticks(),
        legend=_legend(),
        bars=tuple(bar for bar, _ in drawn if bar is not None),
        goal=_goal(),
        bar_labels=tuple(label for _, label in drawn),
        week_labels=_week_labels(ordered, slot),
    )
