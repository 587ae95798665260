"""The charts' layout as pure functions: plain data in, plain data out; no database, no markup."""

import dataclasses
import datetime
import json

import pytest

from programs.followup.charts import AdherenceWeek, PainPoint, adherence_chart, pain, pain_chart
from programs.followup.charts import adherence as adh
from programs.followup.charts.geometry import (
    FONT_SIZE,
    PHONE_FONT_SIZE,
    date_range,
    short_date,
    spaced_indices,
    text_width,
)

START = datetime.date(2025, 11, 3)


def _points(count, *, next_morning=lambda i: i % 10):
    return [
        PainPoint(START + datetime.timedelta(days=i), i % 11, (i * 3) % 11, next_morning(i))
        for i in range(count)
    ]


def _weeks(*pairs):
    return [
        AdherenceWeek(START + datetime.timedelta(weeks=i), logged, prescribed)
        for i, (logged, prescribed) in enumerate(pairs)
    ]


def _series(chart, key):
    (drawing,) = [d for d in chart.series if d.style.key == key]
    return drawing


def _strings(value):
    """Every string in a chart's layout, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


# --- Both charts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chart",
    [
        pain_chart([]),
        pain_chart(_points(14, next_morning=lambda i: None if i % 3 == 0 else 2)),
        adherence_chart([]),
        adherence_chart(_weeks((9, 14), (3, 0), *[(i, 10) for i in range(30)])),
    ],
    ids=["pain-empty", "pain-14", "adh-empty", "adh-32"],
)
def test_layout_is_plain_data_without_markup(chart):
    # Numbers, strings and None all the way down, so JSON can hold it; no tag anywhere.
    data = dataclasses.asdict(chart)
    json.dumps(data)
    assert not [text for text in _strings(data) if "<" in text or ">" in text]


def test_empty_charts_carry_only_their_message():
    for chart, message in (
        (pain_chart([]), "No sessions logged yet."),
        (adherence_chart([]), "No weeks to show yet."),
    ):
        assert chart.empty.message.text == chart.frame.title == chart.frame.desc == message
        assert (chart.frame.width, chart.frame.height) == (640, 80)
        assert chart.frame.id.endswith("-empty")
        assert chart.empty.message.x == 320  # centred
    assert pain_chart([]).series == () and adherence_chart([]).bars == ()


def test_chart_ids_follow_the_data():
    points = _points(5)
    assert pain_chart(points).frame.id == pain_chart(list(reversed(points))).frame.id
    assert pain_chart(points).frame.id != pain_chart(points[:4]).frame.id
    assert pain_chart(points).frame.id.startswith("pain-chart-")
    weeks = _weeks((9, 14), (2, 3))
    assert adherence_chart(weeks).frame.id != adherence_chart(_weeks((9, 14), (3, 3))).frame.id


@pytest.mark.parametrize("most", range(1, 10))
def test_spaced_indices_keep_both_ends_and_an_even_stride(most):
    for count in range(0, 120):
        indices = spaced_indices(count, most)
        if count == 0:
            assert indices == []
            continue
        assert indices[-1] == count - 1
        assert len(indices) <= max(most, 1)
        if most >= 2:
            assert indices[0] == 0
        gaps = [b - a for a, b in zip(indices, indices[1:], strict=False)]
        if gaps:  # one stride throughout; only the last gap may be wider
            assert set(gaps[:-1]) <= {gaps[0]} and gaps[-1] >= gaps[0]


def test_words_for_dates():
    assert short_date(datetime.date(2025, 11, 24)) == "24 Nov"
    assert date_range(datetime.date(2025, 11, 1), datetime.date(2025, 11, 24)) == (
        "1 Nov to 24 Nov"
    )
    assert date_range(datetime.date(2025, 12, 30), datetime.date(2026, 1, 2)) == (
        "30 Dec 2025 to 2 Jan 2026"
    )


# --- Pain chart ------------------------------------------------------------------------------


def test_scores_map_onto_the_plot_and_clamp_at_its_edges():
    chart = pain_chart([PainPoint(START, 0, 10, 5), PainPoint(START, -3, 14, None)])
    before, after = _series(chart, "before"), _series(chart, "after")
    assert [m.y for m in before.markers] == [pain.PAIN_BOTTOM, pain.PAIN_BOTTOM]
    assert [m.y for m in after.markers] == [pain.PAIN_TOP, pain.PAIN_TOP]
    assert _series(chart, "next-morning").markers[0].y == (pain.PAIN_TOP + pain.PAIN_BOTTOM) / 2
    assert after.markers[1].tooltip == "3 Nov: pain after 14/10"


def test_sessions_spread_across_the_plot_and_series_sit_a_little_apart():
    chart = pain_chart(_points(3))
    after = [m.x for m in _series(chart, "after").markers]
    assert after == [pain.PAIN_LEFT, (pain.PAIN_LEFT + pain.PAIN_RIGHT) / 2, pain.PAIN_RIGHT]
    before = [m.x for m in _series(chart, "before").markers]
    morning = [m.x for m in _series(chart, "next-morning").markers]
    assert [a - b for a, b in zip(after, before, strict=True)] == [5.0] * 3
    assert [m - a for m, a in zip(morning, after, strict=True)] == [5.0] * 3
    # Drawn last, pain before is on top.
    assert [d.style.key for d in chart.series] == ["next-morning", "after", "before"]


@pytest.mark.parametrize(("count", "size"), [(1, 5.0), (2, 5.0), (40, 2.98), (200, 2.0)])
def test_markers_shrink_as_sessions_crowd(count, size):
    chart = pain_chart(_points(count))
    assert {round(m.size, 2) for m in _series(chart, "after").markers} == {size}


def test_marker_shapes_are_centred_on_their_score():
    circle, square, triangle = (entry.marker for entry in pain_chart(_points(2)).legend)
    assert (circle.shape, square.shape, triangle.shape) == ("circle", "square", "triangle")
    box = square.square
    assert (box.x + box.width / 2, box.y + box.height / 2) == (square.x, square.y)
    assert box.width == box.height == pytest.approx(square.size * 1.7)
    apex, left, right = triangle.triangle
    assert apex.x == triangle.x and apex.y < triangle.y < left.y == right.y
    assert triangle.x - left.x == right.x - triangle.x


def test_lines_join_runs_of_reported_scores():
    missing = {3, 6}
    chart = pain_chart(_points(8, next_morning=lambda i: None if i in missing else 3))
    morning = _series(chart, "next-morning")
    assert [len(line) for line in morning.lines] == [3, 2]  # 7 stands alone: a marker only
    assert len(morning.markers) == 6
    assert [len(line) for line in _series(chart, "before").lines] == [8]
    assert [(p.x, p.y) for p in morning.lines[0]] == [(m.x, m.y) for m in morning.markers[:3]]


def test_bands_and_ticks():
    chart = pain_chart(_points(2))
    bands = {band.name: band for band in chart.bands}
    green, red = bands["green"].box, bands["red"].box
    assert green.y + green.height == pain.PAIN_BOTTOM
    assert red.y == pain.PAIN_TOP
    assert bands["amber"].box.y + bands["amber"].box.height == green.y
    assert [t.label.text for t in chart.y_ticks] == ["0", "2", "4", "6", "8", "10"]
    assert [t.line.colour for t in chart.y_ticks][:2] == ["#6b7280", "#d1d5db"]
    assert [t.label.text for t in chart.x_ticks] == ["3 Nov", "4 Nov"]
    assert [e.label.text for e in chart.legend] == ["Pain before", "Pain after", "Next morning"]


def test_date_labels_leave_room_for_the_phone_font():
    for count in (9, 30, 61, 200):
        xs = [t.label.x for t in pain_chart(_points(count)).x_ticks]
        widest = text_width("30 Nov", PHONE_FONT_SIZE)
        assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) > widest


# --- Adherence chart -------------------------------------------------------------------------


def test_bars_stand_on_the_axis_and_stop_at_one_hundred_percent():
    chart = adherence_chart(_weeks((7, 14), (16, 14), (0, 10)))
    full = adh.ADH_BOTTOM - adh.ADH_TOP
    assert [b.box.height for b in chart.bars] == pytest.approx([full / 2, full, 0])
    assert {b.box.y + b.box.height for b in chart.bars} == {adh.ADH_BOTTOM}
    assert [b.percent for b in chart.bars] == [50, 114, 0]
    assert chart.goal.line.y1 == adh.ADH_BOTTOM - 0.8 * full


def test_percentages_round_down_and_the_colour_follows_the_true_share():
    chart = adherence_chart(_weeks((399, 500), (4, 5), (-2, 5)))
    assert [(b.percent, b.colour) for b in chart.bars] == [
        (79, adh.BELOW_COLOUR),
        (80, adh.MET_COLOUR),
        (0, adh.BELOW_COLOUR),
    ]


def test_a_week_without_prescription_has_a_dash_and_no_bar():
    chart = adherence_chart(_weeks((3, 0), (5, 10)))
    assert len(chart.bars) == 1
    dash = chart.bar_labels[0]
    assert (dash.placement, dash.label.text) == ("no-prescription", "—")
    assert dash.label.y == adh.ADH_BOTTOM - 6
    assert dash.tooltip == "w/c 3 Nov: no sessions prescribed (3 logged)"


@pytest.mark.parametrize(
    ("weeks", "placement", "prefix"),
    [
        (4, "level", "8/10 · "),  # room for the fraction too
        (8, "level", ""),  # room for "80 %" at the phone size only
        (30, "upward-inside", ""),  # not even that: upwards, inside the tall bar
    ],
)
def test_bar_labels_take_the_room_there_is(weeks, placement, prefix):
    chart = adherence_chart(_weeks(*[(8, 10)] * weeks))
    labels = chart.bar_labels
    assert {(b.placement, b.label.text, b.label.prefix) for b in labels} == {
        (placement, "80 %", prefix)
    }
    slot = (adh.ADH_RIGHT - adh.ADH_LEFT) / weeks
    if placement == "level":
        assert text_width(prefix + "80 %", FONT_SIZE) <= slot - 8
        assert text_width("80 %", PHONE_FONT_SIZE) <= slot - 4
        assert {b.label.y for b in labels} == {chart.bars[0].box.y - 6}
    else:
        assert {b.label.y for b in labels} == {chart.bars[0].box.y + 4}


def test_short_bars_in_a_crowd_are_labelled_above():
    chart = adherence_chart(_weeks(*[(1, 10)] * 30))
    assert {b.placement for b in chart.bar_labels} == {"upward-above"}
    assert chart.bar_labels[0].label.y == chart.bars[0].box.y - 4


def test_week_labels_thin_out_keep_both_ends_and_leave_room():
    chart = adherence_chart(_weeks(*[(5, 10)] * 52))
    labels = chart.week_labels
    assert 2 <= len(labels) <= 8
    assert labels[0].text == "3 Nov" and labels[-1].text == short_date(
        START + datetime.timedelta(weeks=51)
    )
    assert {label.prefix for label in labels} == {"w/c "}
    xs = [label.x for label in labels]
    widest = max(text_width("w/c 30 Nov", FONT_SIZE), text_width("30 Nov", PHONE_FONT_SIZE))
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= widest + 6
