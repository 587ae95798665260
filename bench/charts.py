"""Benchmark: server-side SVG charts of the portal's history page at their largest.

    .venv/bin/python bench/charts.py [--rounds 50]

Builds the pain chart from 200 daily scores (before, after and next morning) and the
adherence chart from 52 weeks, as a patient's history page does after a long program, and
prints the mean time of each. They are pure functions: no database, no Django request.

Measured on the 2-core development machine (2026-11-24):
    pain chart, 200 days 7.7 ms; adherence chart, 52 weeks 1.4 ms
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from programs.followup.charts import AdherenceWeek, PainPoint, adherence_chart, pain_chart  # noqa: E402

START = datetime.date(2026, 1, 5)


def _timed(build, rounds: int) -> float:
    build()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        build()
        times.append(time.perf_counter() - started)
    return statistics.mean(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    days = [
        PainPoint(
            when=START + datetime.timedelta(days=i),
            pain_before=i % 11,
            pain_after=(i * 3) % 11,
            pain_next_morning=(i * 7) % 11,
        )
        for i in range(200)
    ]
    weeks = [
        AdherenceWeek(week_start=START + datetime.timedelta(weeks=i), logged=i % 8, prescribed=7)
        for i in range(52)
    ]
    print(f"mean of {args.rounds}:")
    for name, build in (
        ("pain chart, 200 days", lambda: pain_chart(days)),
        ("adherence chart, 52 weeks", lambda: adherence_chart(weeks)),
    ):
        print(f"  {name:<28}{_timed(build, args.rounds):6.2f} ms")


if __name__ == "__main__":
    main()
