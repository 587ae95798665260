"""Reads of the portal: today's plan of the patient's program."""

import datetime
from dataclasses import dataclass

from django.db.models import Count

from programs.followup.models import SessionItemLog
from programs.prescribing.models import Program, ProgramItem


@dataclass(frozen=True)
class TodayRow:
    """One exercise on the portal's Today page, with what is left of it."""

    item: ProgramItem
    done_today: int
    days_this_week: int

    @property
    def left_today(self) -> int:
        return max(self.item.sessions_per_day - self.done_today, 0)

    @property
    def week_complete(self) -> bool:
        return self.item.days_per_week < 7 and self.days_this_week >= self.item.days_per_week

    @property
    def due_today(self) -> bool:
        return self.left_today > 0 and (self.done_today > 0 or not self.week_complete)


def today_plan_for(*, program: Program, today: datetime.date) -> list[TodayRow]:
    """Each item of the program with how often it was done today and on how many days this
    week (weeks start on Monday), from one query over this week's logs."""
    week_start = today - datetime.timedelta(days=today.weekday())
    done = (
        SessionItemLog.objects.filter(
            session__program=program,
            session__local_date__gte=week_start,
            session__local_date__lte=today,
            completed=True,
        )
        .values("item_id", "session__local_date")
        .annotate(times=Count("id"))
    )
    today_counts: dict[int, int] = {}
    week_days: dict[int, set[datetime.date]] = {}
    for row in done:
        week_days.setdefault(row["item_id"], set()).add(row["session__local_date"])
        if row["session__local_date"] == today:
            today_counts[row["item_id"]] = row["times"]
    return [
        TodayRow(
            item=item,
            done_today=today_counts.get(item.pk, 0),
            days_this_week=len(week_days.get(item.pk, ())),
        )
        for item in program.items.all()
    ]
