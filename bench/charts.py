"""Benchmark: the charts of the portal's history page at their largest.

    .venv/bin/python bench/charts.py [--rounds 50]

Lays out the pain chart from 200 daily scores (before, after and next morning) and the
adherence chart from 52 weeks, as a patient's history page does after a long program, then
renders each with its template, and prints the mean and the fastest time of the geometry, of
the template and of both; then the same at the sizes the pages draw at most. No database and
no request: Django is set up only for its template engine.

Measured on the 2-core development machine (2026-11-24):
    pain chart, 200 days 7.7 ms; adherence chart, 52 weeks 1.4 ms (one string built in Python)
Measured again on 2026-12-03, with other test runs sharing the machine, so the means swung
by half; these are the fastest of 300 rounds, old strings and new templates back to back:
    pain chart, 200 days 7.3 ms, now 14.8 (geometry 1.7, template the rest)
    adherence chart, 52 weeks 1.4 ms, now 3.5
    pain chart, 60 days 2.5 ms, now 5.3; adherence chart, 8 weeks 0.34 ms, now 0.80
Django's template engine costs about twice the hand-built string, mostly variable lookups
on the dataclasses: six or so for each of up to 3 x 60 markers on a page.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402

from programs.followup.charts import AdherenceWeek, PainPoint, adherence_chart, pain_chart  # noqa: E402

START = datetime.date(2026, 1, 5)


def _timed(build, rounds: int) -> str:
    """ "mean / fastest" in ms: on a shared machine the fastest round is the steadier figure."""
    build()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        build()
        times.append(time.perf_counter() - started)
    return f"{statistics.mean(times) * 1000:6.2f} /{min(times) * 1000:6.2f}"


def _days(count: int) -> list[PainPoint]:
    return [
        PainPoint(
            when=START + datetime.timedelta(days=i),
            pain_before=i % 11,
            pain_after=(i * 3) % 11,
            pain_next_morning=(i * 7) % 11,
        )
        for i in range(count)
    ]


def _weeks(count: int) -> list[AdherenceWeek]:
    return [
        AdherenceWeek(week_start=START + datetime.timedelta(weeks=i), logged=i % 8, prescribed=7)
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    pain_template = "followup/charts/pain.svg.html"
    adherence_template = "followup/charts/adherence.svg.html"
    cases = (
        ("pain chart, 200 days", pain_chart, _days(200), pain_template),
        ("adherence chart, 52 weeks", adherence_chart, _weeks(52), adherence_template),
        # What the pages draw at most: pain_points_for and weekly_adherence_for's defaults.
        ("pain chart, 60 days", pain_chart, _days(60), pain_template),
        ("adherence chart, 8 weeks", adherence_chart, _weeks(8), adherence_template),
    )
    print(f"{'ms, mean / fastest of ' + str(args.rounds):<30}{'geometry':<17}{'template':<17}both")
    for name, layout, data, template in cases:
        chart = layout(data)
        geometry = _timed(lambda: layout(data), args.rounds)  # noqa: B023 (timed at once)
        drawing = _timed(lambda: render_to_string(template, {"chart": chart}), args.rounds)  # noqa: B023
        both = _timed(
            lambda: render_to_string(template, {"chart": layout(data)}),  # noqa: B023
            args.rounds,
        )
        print(f"  {name:<28}{geometry}   {drawing}   {both}")


if __name__ == "__main__":
    main()
