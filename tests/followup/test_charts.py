"""The SVG charts as the templates draw them: well-formed, accessible, escaped, and showing the
data without colour alone. tests/followup/test_chart_geometry.py tests the layout itself."""

import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from programs.followup.charts import (
    AdherenceChart,
    AdherenceWeek,
    PainChart,
    PainPoint,
    adherence_chart,
    geometry,
    pain_chart,
)
from programs.followup.charts.adherence import (
    ADH_BOTTOM,
    ADH_TOP,
    BELOW_COLOUR,
    MET_COLOUR,
    UPWARD_FONT_SIZE,
)
from programs.followup.templatetags.chart_tags import coord, points

NS = {"svg": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"
START = datetime.date(2025, 11, 3)


def _points(count, *, next_morning=lambda i: i % 10):
    return [
        PainPoint(
            when=START + datetime.timedelta(days=i),
            pain_before=i % 11,
            pain_after=(i * 3) % 11,
            pain_next_morning=next_morning(i),
        )
        for i in range(count)
    ]


def _weeks(*pairs):
    return [
        AdherenceWeek(START + datetime.timedelta(weeks=i), logged, prescribed)
        for i, (logged, prescribed) in enumerate(pairs)
    ]


def _draw(chart: PainChart | AdherenceChart) -> str:
    """The chart's <svg> element, as the pages include it."""
    kind = "pain" if isinstance(chart, PainChart) else "adherence"
    return render_to_string(f"followup/charts/{kind}.svg.html", {"chart": chart})


def _parse(chart_or_svg):
    svg = chart_or_svg if isinstance(chart_or_svg, str) else _draw(chart_or_svg)
    root = ET.fromstring(svg)  # noqa: S314 (our own output, not untrusted input)
    assert root.tag == f"{SVG}svg"
    return root


def _text(element):
    """The element's own text and that of its tspans, without any <title> tooltip."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != f"{SVG}title":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _texts(root, css_class):
    return [_text(t) for t in root.iter(f"{SVG}text") if css_class in t.get("class", "").split()]


def _desc(root):
    return root.find("svg:desc", NS).text


def _title(root):
    return root.find("svg:title", NS).text


def _markers(root, series):
    group = root.find(f".//svg:g[@class='series series-{series}']", NS)
    return [child for child in group if "marker" in child.get("class", "").split()]


def _bars(root):
    return root.findall(".//svg:g[@class='bars']/svg:rect", NS)


# --- Both charts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chart",
    [
        pain_chart([]),
        pain_chart(_points(1)),
        pain_chart(_points(14, next_morning=lambda i: None if i % 3 == 0 else 2)),
        pain_chart(_points(200)),
        adherence_chart([]),
        adherence_chart(_weeks((9, 14))),
        adherence_chart(_weeks(*[(i, 10) for i in range(30)])),
    ],
    ids=["pain-empty", "pain-1", "pain-14-gaps", "pain-200", "adh-empty", "adh-1", "adh-30"],
)
def test_every_chart_is_accessible_responsive_xml(chart):
    svg = _draw(chart)
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert len(root.get("viewBox").split()) == 4
    children = list(root)
    assert children[0].tag == f"{SVG}title" and children[0].text
    assert children[1].tag == f"{SVG}desc" and children[1].text
    title_id, desc_id = root.get("aria-labelledby").split()
    assert children[0].get("id") == title_id
    assert children[1].get("id") == desc_id
    assert "<script" not in svg
    assert not re.search(r"\son\w+=", svg)  # no event-handler attributes


def test_phone_style_is_scoped_to_its_own_chart():
    root = _parse(pain_chart(_points(3)))
    style = root.find("svg:style", NS).text
    assert f"#{root.get('id')} " in style
    assert "@media" in style
    assert _parse(pain_chart(_points(4))).get("id") != root.get("id")


# --- Pain chart ------------------------------------------------------------------------------


def test_empty_pain_chart_says_so():
    root = _parse(pain_chart([]))
    assert _title(root) == "No sessions logged yet."
    assert [_text(t) for t in root.iter(f"{SVG}text")] == ["No sessions logged yet."]


def test_one_marker_shape_per_series_per_known_value():
    points = _points(14, next_morning=lambda i: None if i % 3 == 0 else 4)
    root = _parse(pain_chart(points))

    circles = _markers(root, "before")
    squares = _markers(root, "after")
    triangles = _markers(root, "next-morning")
    assert len(circles) == 14 and {m.tag for m in circles} == {f"{SVG}circle"}
    assert len(squares) == 14 and {m.tag for m in squares} == {f"{SVG}rect"}
    assert len(triangles) == 9 and {m.tag for m in triangles} == {f"{SVG}polygon"}
    assert len(root.findall(".//svg:circle", NS)) == 14 + 1  # and one in the legend


def test_series_differ_by_dash_pattern_and_colour():
    root = _parse(pain_chart(_points(5)))
    styles = {}
    for key in ("before", "after", "next-morning"):
        (line,) = root.findall(f".//svg:g[@class='series series-{key}']/svg:polyline", NS)
        styles[key] = (line.get("stroke-dasharray"), line.get("stroke"))
    assert styles == {
        "before": (None, "#1d4ed8"),
        "after": ("6 4", "#b91c1c"),
        "next-morning": ("2 3", "#6d28d9"),
    }


def test_next_morning_line_breaks_at_unreported_values():
    # Known at 0, 1, 2, then None, then 4, 5, then None, then 7 alone.
    missing = {3, 6}
    points = _points(8, next_morning=lambda i: None if i in missing else 3)
    root = _parse(pain_chart(points))
    lines = root.findall(".//svg:g[@class='series series-next-morning']/svg:polyline", NS)
    assert [len(line.get("points").split()) for line in lines] == [3, 2]
    assert len(_markers(root, "next-morning")) == 6
    (before_line,) = root.findall(".//svg:g[@class='series series-before']/svg:polyline", NS)
    assert len(before_line.get("points").split()) == 8


def test_single_point_is_centred_without_lines():
    root = _parse(pain_chart(_points(1)))
    assert root.findall(".//svg:polyline", NS) == []
    (circle,) = _markers(root, "before")
    (square,) = _markers(root, "after")
    width = float(root.get("viewBox").split()[2])
    square_centre = float(square.get("x")) + float(square.get("width")) / 2
    assert abs(square_centre - width / 2) < width * 0.05
    assert abs(float(circle.get("cx")) - square_centre) < 10
    assert _texts(root, "date-label") == ["3 Nov"]


def test_each_marker_has_a_tooltip_with_date_and_value():
    points = [PainPoint(datetime.date(2025, 11, 24), 2, 6, 3)]
    root = _parse(pain_chart(points))
    tooltips = {
        key: _markers(root, key)[0].find("svg:title", NS).text
        for key in ("before", "after", "next-morning")
    }
    assert tooltips == {
        "before": "24 Nov: pain before 2/10",
        "after": "24 Nov: pain after 6/10",
        "next-morning": "24 Nov: next morning 3/10",
    }


def test_desc_gives_count_range_and_latest_values():
    points = [
        PainPoint(datetime.date(2025, 11, 1), 5, 7, 6),
        *[PainPoint(datetime.date(2025, 11, d), 3, 4, 3) for d in range(2, 24)],
        PainPoint(datetime.date(2025, 11, 24), 2, 6, None),
    ]
    desc = _desc(_parse(pain_chart(points)))
    assert desc.startswith(
        "24 sessions from 1 Nov to 24 Nov. "
        "Latest: pain before 2, after 6, next morning not reported."
    )
    single = _desc(_parse(pain_chart(points[:1])))
    assert single.startswith("1 session on 1 Nov. Latest: pain before 5, after 7, next morning 6.")


def test_desc_names_years_when_the_range_crosses_one():
    points = [
        PainPoint(datetime.date(2025, 12, 30), 3, 3, 3),
        PainPoint(datetime.date(2026, 1, 2), 3, 3, 3),
    ]
    assert "from 30 Dec 2025 to 2 Jan 2026." in _desc(_parse(pain_chart(points)))


def test_points_are_drawn_in_date_order():
    points = _points(3)
    root = _parse(pain_chart([points[2], points[0], points[1]]))
    assert _texts(root, "date-label") == ["3 Nov", "4 Nov", "5 Nov"]
    assert "Latest: pain before 2," in _desc(root)


def test_date_labels_thin_out_and_keep_both_ends():
    points = _points(200)
    root = _parse(pain_chart(points))
    labels = _texts(root, "date-label")
    assert 2 <= len(labels) <= 8
    assert labels[0] == "3 Nov" and labels[-1] == "21 May"
    xs = [float(t.get("x")) for t in root.iter(f"{SVG}text") if "date-label" in t.get("class")]
    gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert min(gaps) >= 70  # a label is about 63 units wide even with the phone font


@pytest.mark.parametrize("count", range(2, 40))
def test_date_labels_never_crowd(count):
    root = _parse(pain_chart(_points(count)))
    xs = [float(t.get("x")) for t in root.iter(f"{SVG}text") if "date-label" in t.get("class")]
    assert len(xs) == count if count <= 8 else 5 <= len(xs) <= 8
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 70


def test_legend_and_band_labels_are_text():
    root = _parse(pain_chart(_points(3)))
    assert _texts(root, "legend-label") == ["Pain before", "Pain after", "Next morning"]
    assert _texts(root, "band-label") == ["green", "amber", "red"]
    legend = root.find(".//svg:g[@class='legend']", NS)
    assert [e.tag for e in legend if e.tag != f"{SVG}text"] == [
        f"{SVG}{tag}" for tag in ("line", "circle", "line", "rect", "line", "polygon")
    ]


def test_bands_follow_the_traffic_light_cut_offs():
    root = _parse(pain_chart(_points(3)))
    bands = {
        b.get("class").split()[1].removeprefix("band-"): (
            float(b.get("y")),
            float(b.get("y")) + float(b.get("height")),
        )
        for b in root.findall(".//svg:g[@class='bands']/svg:rect", NS)
    }
    (zero,) = [t for t in root.iter(f"{SVG}text") if _text(t) == "0"]
    (ten,) = [t for t in root.iter(f"{SVG}text") if _text(t) == "10"]
    y0, y10 = float(zero.get("y")) - 4, float(ten.get("y")) - 4

    def score(y):
        return (y0 - y) / (y0 - y10) * 10

    assert [round(score(y), 2) for y in bands["green"]] == [3.5, 0]
    assert [round(score(y), 2) for y in bands["amber"]] == [5.5, 3.5]
    assert [round(score(y), 2) for y in bands["red"]] == [10, 5.5]


def test_scores_out_of_range_stay_inside_the_plot_but_keep_their_value():
    root = _parse(pain_chart([PainPoint(START, -3, 14, None)]))
    (circle,) = _markers(root, "before")
    (zero,) = [t for t in root.iter(f"{SVG}text") if _text(t) == "0"]
    assert float(circle.get("cy")) == pytest.approx(float(zero.get("y")) - 4)
    assert _markers(root, "after")[0].find("svg:title", NS).text == "3 Nov: pain after 14/10"


def test_two_hundred_points_are_all_drawn():
    # How long they take is measured by bench/charts.py.
    root = _parse(pain_chart(_points(200)))
    assert len(_markers(root, "before")) == 200
    assert len(_markers(root, "next-morning")) == 200


# --- Adherence chart -------------------------------------------------------------------------


def test_empty_adherence_chart_says_so():
    root = _parse(adherence_chart([]))
    assert _title(root) == "No weeks to show yet."
    assert [_text(t) for t in root.iter(f"{SVG}text")] == ["No weeks to show yet."]


def test_labels_show_true_fraction_and_percentage():
    root = _parse(adherence_chart(_weeks((9, 14), (2, 3), (16, 14), (14, 14))))
    assert _texts(root, "bar-label") == [
        "9/14 · 64 %",
        "2/3 · 66 %",
        "16/14 · 114 %",
        "14/14 · 100 %",
    ]
    assert _texts(root, "week-label") == ["w/c 3 Nov", "w/c 10 Nov", "w/c 17 Nov", "w/c 24 Nov"]


def test_bar_height_is_capped_at_one_hundred_percent():
    root = _parse(adherence_chart(_weeks((16, 14), (14, 14), (7, 14))))
    heights = [float(bar.get("height")) for bar in _bars(root)]
    full = ADH_BOTTOM - ADH_TOP
    assert heights == pytest.approx([full, full, full / 2])
    assert all(float(bar.get("y")) >= ADH_TOP for bar in _bars(root))


def test_week_without_prescription_shows_a_dash_and_no_bar():
    root = _parse(adherence_chart(_weeks((3, 0), (5, 10))))
    assert len(_bars(root)) == 1
    assert _texts(root, "bar-label") == ["—", "5/10 · 50 %"]


@pytest.mark.parametrize(
    ("logged", "prescribed", "colour"),
    [
        (8, 10, MET_COLOUR),
        (7, 10, BELOW_COLOUR),
        (12, 15, MET_COLOUR),
        (11, 15, BELOW_COLOUR),
        (399, 500, BELOW_COLOUR),  # 79.8 %: shown as 79 %, not a rounded-up 80 %
        (20, 10, MET_COLOUR),
        (0, 10, BELOW_COLOUR),
    ],
)
def test_fill_switches_at_exactly_the_goal(logged, prescribed, colour):
    (bar,) = _bars(_parse(adherence_chart(_weeks((logged, prescribed)))))
    assert bar.get("fill") == colour
    percent = int(bar.get("data-percent"))
    assert (percent >= 80) == (colour == MET_COLOUR)


def test_colours_are_the_documented_ones():
    assert (MET_COLOUR, BELOW_COLOUR) == ("#15803d", "#b45309")


def test_goal_line_is_dashed_at_eighty_percent_and_labelled():
    root = _parse(adherence_chart(_weeks((8, 10))))
    goal = root.find(".//svg:g[@class='goal']", NS)
    line = goal.find("svg:line", NS)
    assert line.get("stroke-dasharray")
    assert _texts(goal, "goal-label") == ["80 % goal"]
    (bar,) = _bars(root)
    assert float(line.get("y1")) == pytest.approx(float(bar.get("y")))  # 8/10 sits on it


def test_every_bar_has_a_percentage_label_even_when_crowded():
    weeks = _weeks(*[(i % 12, 10) for i in range(52)])
    root = _parse(adherence_chart(weeks))
    labels = _texts(root, "bar-label")
    assert len(labels) == len(_bars(root)) == 52
    assert labels[:3] == ["0 %", "10 %", "20 %"]
    assert len(_texts(root, "week-label")) <= 8


def test_bar_tooltips_give_week_and_counts():
    root = _parse(adherence_chart(_weeks((9, 14))))
    (bar,) = _bars(root)
    assert bar.find("svg:title", NS).text == "w/c 3 Nov: 9 of 14 sessions logged (64 %)"


def test_adherence_desc_summarises_latest_week():
    root = _parse(adherence_chart(_weeks((12, 14), (14, 14), (16, 14), (9, 14))))
    assert _desc(root).startswith(
        "Weekly adherence for 4 weeks; latest week 64 % (9 of 14 sessions)."
    )
    assert "3 of 4 at or above the 80 % goal" in _desc(root)
    single = _desc(_parse(adherence_chart(_weeks((3, 0)))))
    assert single.startswith("Weekly adherence for 1 week; latest week had no sessions prescribed")


def test_weeks_are_drawn_in_date_order():
    weeks = _weeks((1, 10), (2, 10), (3, 10))
    root = _parse(adherence_chart([weeks[2], weeks[0], weeks[1]]))
    assert _texts(root, "bar-label") == ["1/10 · 10 %", "2/10 · 20 %", "3/10 · 30 %"]


def test_text_is_escaped(monkeypatch):
    # Only dates and numbers reach the SVG today; markup in them must still come out as text:
    # the templates auto-escape, and nothing in them is marked safe.
    hostile = '<b onload="x()">&amp;'
    monkeypatch.setattr(geometry, "MONTHS", (hostile,) * 12)
    pain_svg = _draw(pain_chart(_points(2)))
    assert "<b " not in pain_svg
    pain = _parse(pain_svg)
    assert _texts(pain, "date-label") == [f"3 {hostile}", f"4 {hostile}"]
    assert pain.find(".//svg:b", NS) is None
    assert _markers(pain, "after")[0].find("svg:title", NS).text == f"3 {hostile}: pain after 0/10"
    adherence = _parse(adherence_chart(_weeks((9, 14), (3, 0))))
    assert _texts(adherence, "week-label") == [f"w/c 3 {hostile}", f"w/c 10 {hostile}"]
    assert _bars(adherence)[0].find("svg:title", NS).text.startswith(f"w/c 3 {hostile}: 9 of 14")
    (dash,) = [t for t in adherence.iter(f"{SVG}text") if "no-prescription" in t.get("class")]
    assert dash.find("svg:title", NS).text.startswith(f"w/c 10 {hostile}: no sessions")
    assert hostile in _desc(_parse(pain_chart(_points(1))))


def test_chart_templates_mark_nothing_safe():
    templates = Path(__file__).resolve().parents[2] / "templates"
    pages = [templates / "followup/_patient_sessions.html", templates / "portal/history.html"]
    for path in [*(templates / "followup/charts").glob("*.html"), *pages]:
        text = path.read_text()
        assert "|safe" not in text and "autoescape off" not in text, path


def test_numbers_are_written_the_svg_way_in_every_locale(settings):
    # A decimal comma or a thousands separator in a coordinate would break the drawing.
    settings.USE_THOUSAND_SEPARATOR = True
    charts = [pain_chart(_points(7)), adherence_chart(_weeks((2000, 1), (9, 14)))]
    english = [_draw(chart) for chart in charts]
    with translation.override("de"):
        assert [_draw(chart) for chart in charts] == english
    (big, _) = _bars(_parse(english[1]))
    assert big.get("data-percent") == "200000"


def test_templates_write_the_font_sizes_the_layout_plans_for():
    # Label spacing is computed for these sizes (geometry.FONT_SIZE, PHONE_FONT_SIZE and the
    # upward labels' size); the templates write them as literals.
    pain = _parse(pain_chart(_points(3)))
    adherence = _parse(adherence_chart(_weeks(*[(i % 12, 10) for i in range(30)])))
    for root in (pain, adherence):
        scaled = [t for t in root.iter(f"{SVG}text") if "scaled" in t.get("class", "").split()]
        sizes = {t.get("font-size") for t in scaled if "legend-label" not in t.get("class")}
        assert sizes == {str(geometry.FONT_SIZE)}
        style = root.find("svg:style", NS).text
        assert re.search(rf"\.scaled {{ font-size: {geometry.PHONE_FONT_SIZE}px }}", style)
    upward = [t for t in adherence.iter(f"{SVG}text") if t.get("transform")]
    assert upward and {t.get("font-size") for t in upward} == {str(UPWARD_FONT_SIZE)}


@pytest.mark.parametrize(
    ("value", "written"),
    [(48.0, "48"), (48, "48"), (1 / 3, "0.3"), (239.96, "240"), (109.25, "109.2")],
)
def test_coordinates_are_compact(value, written):
    assert coord(value) == written


def test_points_are_written_as_pairs():
    assert points([geometry.Point(48.0, 240.0), geometry.Point(50.55, 1 / 3)]) == "48,240 50.5,0.3"
