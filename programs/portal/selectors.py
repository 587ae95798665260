"""Reads of the portal: today's plan of the patient's program."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.http import Http404

from patients.models import Patient
from programs.followup.models import SessionItemLog
from programs.library.models import ExerciseMedia
from programs.prescribing.models import Program, ProgramItem


@dataclass(frozen=True)
class TodayRow:
    """One exercise on the portal's Today page, with what is left of it."""

    item: ProgramItem
    done_today: int
    days_this_week: int
    media: tuple[ExerciseMedia, ...] = ()  # the clinic's own photos and videos of it

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
    items = list(program.items.all())
    media: dict[int, list[ExerciseMedia]] = {}
    for shown in ExerciseMedia.objects.filter(
        clinic__patients=program.patient_id, exercise_id__in=[i.exercise_id for i in items]
    ):
        media.setdefault(shown.exercise_id, []).append(shown)
    return [
        TodayRow(
            item=item,
            done_today=today_counts.get(item.pk, 0),
            days_this_week=len(week_days.get(item.pk, ())),
            media=tuple(media.get(item.exercise_id, ())),
        )
        for item in items
    ]


def exercise_media_get_for_patient(*, patient: Patient, media_id: int) -> ExerciseMedia:
    """A photo or video of the patient's clinic of an exercise in one of the patient's programs
    that the patient has seen (any but a draft); anything else is a 404 like a missing one."""
    in_a_program = ProgramItem.objects.filter(
        program__patient=patient, exercise_id=OuterRef("exercise_id")
    ).exclude(program__status=Program.Status.DRAFT)
    media = (
        ExerciseMedia.objects.filter(pk=media_id, clinic_id=patient.clinic_id)
        .filter(Exists(in_a_program))
        .first()
    )
    if media is None:
        raise Http404("No such photo or video.")
    return media


def program_items_for_log(*, patient: Patient, program_id: int) -> list[ProgramItem]:
    """The items of the patient's program a session form was made for (any but a draft); none
    for another patient's program, which the session service then refuses by name."""
    return list(
        ProgramItem.objects.filter(program__patient=patient, program_id=program_id)
        .exclude(program__status=Program.Status.DRAFT)
        .select_related("exercise")
    )
