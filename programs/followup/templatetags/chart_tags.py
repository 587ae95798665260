"""Numbers as SVG writes them, for the chart templates (templates/followup/charts/)."""

from collections.abc import Iterable

from django import template

from programs.followup.charts.geometry import Point

register = template.Library()


@register.filter
def coord(value: float) -> str:
    """A compact coordinate: at most one decimal, no trailing ".0", never localised."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@register.filter
def points(value: Iterable[Point]) -> str:
    """The value of a `points` attribute: "x,y x,y ..."."""
    return " ".join(f"{coord(point.x)},{coord(point.y)}" for point in value)
