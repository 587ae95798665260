"""Charts of the follow-up: pain scores over time and weekly adherence.

Python lays them out, templates draw them. The functions here are pure (no ORM, no I/O, no
markup): they take plain dataclasses and return the chart's geometry as plain dataclasses.
``templates/followup/charts/pain.svg.html`` and ``adherence.svg.html`` turn that into one
``<svg>`` element, auto-escaped like any other template:

    {% include "followup/charts/pain.svg.html" with chart=pain_chart %}

Accessible and readable without colour alone:
- ``role="img"`` with a ``<title>`` and a ``<desc>`` that summarises the data in words;
- every pain series has its own marker shape *and* dash pattern, and a legend names it;
- traffic-light bands and bar colours are repeated by text ("green", "9/14 · 64 %", ...);
- each marker and bar has a ``<title>`` child, a tooltip for mouse users;
- responsive without JavaScript: a ``viewBox`` with ``width="100%"`` and no pixel size, and a
  small scoped ``@media`` rule that enlarges the text on phones, where the whole drawing
  shrinks to about 60 %. Label spacing is planned for that larger text.
"""

from programs.followup.charts.adherence import AdherenceChart, AdherenceWeek, adherence_chart
from programs.followup.charts.pain import PainChart, PainPoint, pain_chart

__all__ = [
    "AdherenceChart",
    "AdherenceWeek",
    "PainChart",
    "PainPoint",
    "adherence_chart",
    "pain_chart",
]
