"""The outcome chart: pure geometry, the baseline and threshold lines, and its drawing."""

import datetime
from decimal import Decimal

from django.template.loader import render_to_string

from programs.outcomes.charts import (
    BOTTOM,
    TOP,
    OutcomePoint,
    improvement_threshold,
    outcome_chart,
)
from programs.outcomes.instruments import SPECS

DAY = datetime.date(2026, 3, 2)


def points(*scores):
    return [
        OutcomePoint(DAY + datetime.timedelta(weeks=i), Decimal(s)) for i, s in enumerate(scores)
    ]


def test_threshold_is_the_easier_of_points_and_percent():
    assert improvement_threshold(SPECS["nprs"], Decimal(10)) == Decimal(8)  # 2 < 3
    assert improvement_threshold(SPECS["nprs"], Decimal(5)) == Decimal("3.5")  # 30 % < 2
    assert improvement_threshold(SPECS["odi"], Decimal(60)) == Decimal(50)
    assert improvement_threshold(SPECS["rmdq"], Decimal(10)) == Decimal(7)
    assert improvement_threshold(SPECS["psfs"], Decimal(3)) == Decimal(5)  # higher is better
    assert improvement_threshold(SPECS["psfs"], Decimal(9)) == Decimal(10)  # kept on the scale
    assert improvement_threshold(SPECS["nprs"], Decimal(0)) == Decimal(0)
    assert improvement_threshold(SPECS["start_back"], Decimal(5)) is None


def test_lines_and_markers():
    chart = outcome_chart("odi", points(60, 52, 45))
    assert [ref.key for ref in chart.references] == ["baseline", "threshold"]
    baseline, threshold = chart.references
    assert baseline.line.y1 < threshold.line.y1  # lower ODI is drawn lower
    assert TOP <= baseline.line.y1 <= BOTTOM
    assert len(chart.markers) == 3 and len(chart.line) == 3
    assert chart.markers[-1].tooltip == "16 Mar: ODI 45"
    assert "Baseline 60, latest 45" in chart.frame.desc
    assert "Improved means reaching 50" in chart.frame.desc


def test_one_score_and_none():
    single = outcome_chart("psfs", points("4.33"))
    assert single.line == ()
    assert len(single.markers) == 1
    empty = outcome_chart("rmdq", [])
    assert empty.empty is not None
    assert "No RMDQ scores yet." in render_to_string(
        "outcomes/charts/outcome.svg.html", {"chart": empty}
    )


def test_drawing_is_escaped_and_labelled():
    html = render_to_string(
        "outcomes/charts/outcome.svg.html", {"chart": outcome_chart("nprs", points(8, 5))}
    )
    assert 'role="img"' in html
    assert "reference-baseline" in html and "reference-threshold" in html
    assert ">baseline</text>" in html and ">improved</text>" in html
    assert "<title>2 Mar: Pain 8</title>" in html


def test_results_chart_segments_and_words():
    from programs.outcomes.charts import BAR_LEFT, BAR_RIGHT, ResultRow, results_chart

    chart = results_chart([ResultRow("ODI", 3, 1, 0), ResultRow("RMDQ", 0, 0, 0)])
    (bar,) = chart.bars  # an instrument nobody was judged on is left out
    assert [s.key for s in bar.segments] == ["improved", "unchanged"]
    assert bar.segments[0].width == (BAR_RIGHT - BAR_LEFT) * 3 / 4
    assert bar.summary.text == "75 % improved (3 of 4) · 1 unchanged · 0 worse"
    assert "ODI: 75 % improved (3 of 4), 1 unchanged, 0 worse." == chart.frame.desc
    html = render_to_string("outcomes/charts/results.svg.html", {"chart": chart})
    assert "<title>ODI: 3 improved</title>" in html
    assert results_chart([]).empty is not None
