"""Reads of session logs, pain and adherence, suggestions and alerts, always starting from the
caller's scope (a clinic, or a patient already fetched within it)."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404

from clinic.models import Clinic
from patients.models import Patient
from programs.followup.charts import AdherenceWeek, PainPoint
from programs.followup.models import Alert, SessionItemLog, SessionLog, Suggestion
from programs.followup.progression import (
    dosage_difference,
    prescribed_sessions_per_week,
    suggested_dosage,
)
from programs.library.dosage import FIELD_LABELS
from programs.prescribing.models import Program, ProgramItem


def pending_morning_check_for(*, patient: Patient, today: datetime.date) -> SessionLog | None:
    """The last session, if it was yesterday or the day before and has no next-morning pain."""
    last = patient.sessions.order_by("-performed_at").first()
    if last is None or last.pain_next_morning is not None:
        return None
    if not today - datetime.timedelta(days=2) <= last.local_date < today:
        return None
    return last


def session_history_for(*, patient: Patient) -> QuerySet[SessionLog]:
    """A patient's sessions, newest first, with their exercises."""
    return patient.sessions.prefetch_related(
        Prefetch("items", queryset=SessionItemLog.objects.select_related("exercise"))
    )


def pain_points_for(*, patient: Patient, limit: int = 60) -> list[PainPoint]:
    """The last sessions' pain scores, oldest first, for the pain chart."""
    rows = patient.sessions.order_by("-performed_at").values_list(
        "local_date", "pain_before", "pain_after", "pain_next_morning"
    )[:limit]
    return [PainPoint(*row) for row in reversed(rows)]


def weekly_adherence_for(
    *, patient: Patient, today: datetime.date, weeks: int = 8
) -> list[AdherenceWeek]:
    """Sessions logged against sessions prescribed, per week (Monday first), for the weeks in
    which the patient had an active program, oldest first."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    first_monday = this_monday - datetime.timedelta(weeks=weeks - 1)
    programs = list(
        patient.programs.exclude(status=Program.Status.DRAFT)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first_monday))
        .prefetch_related("items")
    )
    logged = dict(
        patient.sessions.filter(local_date__gte=first_monday)
        .annotate(week=TruncWeek("local_date"))
        .values("week")
        .annotate(n=Count("id"))
        .values_list("week", "n")
    )
    logged = {_as_date(week): n for week, n in logged.items()}
    result = []
    for n in range(weeks):
        monday = first_monday + datetime.timedelta(weeks=n)
        days = [monday + datetime.timedelta(days=d) for d in range(7)]
        prescribed = 0
        for program in programs:
            per_week = prescribed_sessions_per_week([item.dosage for item in program.items.all()])
            end = program.end_date or today
            active_days = sum(1 for d in days if program.start_date <= d <= min(end, today))
            prescribed = max(prescribed, round(per_week * active_days / 7))
        if prescribed or logged.get(monday):
            result.append(AdherenceWeek(monday, logged.get(monday, 0), prescribed))
    return result


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def session_get_for(*, clinic: Clinic, session_id: int) -> SessionLog:
    """One session log of the clinic with its items; another clinic's is a 404."""
    return get_object_or_404(
        SessionLog.objects.select_related("patient").prefetch_related("items"),
        patient__clinic=clinic,
        pk=session_id,
    )


def sessions_for(*, patient: Patient) -> QuerySet[SessionLog]:
    """A patient's session logs, newest first, with their items."""
    return patient.sessions.prefetch_related("items")


def open_alerts_for(*, patient: Patient) -> QuerySet[Alert]:
    return patient.alerts.filter(resolved_at__isnull=True)


def suggestions_for(*, patient: Patient) -> QuerySet[Suggestion]:
    """Pending suggestions first, then the last decided ones, with who decided."""
    return patient.suggestions.select_related("decided_by", "session").order_by(
        Case(When(status="pending", then=Value(0)), default=Value(1)), "-created_at"
    )


@dataclass(frozen=True)
class DosagePreview:
    """What accepting a suggestion changes in one exercise, from the function that applies it."""

    exercise: str
    changes: list[tuple[str, int, int]]

    @property
    def text(self) -> str:
        return f"{self.exercise}: " + ", ".join(
            f"{FIELD_LABELS[name]} {old} → {new}" for name, old, new in self.changes
        )  # FIELD_LABELS are marked for translation where they are defined


def suggestions_with_preview_for(*, patient: Patient, limit: int = 5) -> list[Suggestion]:
    """`suggestions_for`, each pending one carrying `preview`: the exercises accepting changes."""
    suggestions = list(
        suggestions_for(patient=patient).prefetch_related(
            Prefetch("program__items", queryset=ProgramItem.objects.select_related("exercise"))
        )[:limit]
    )
    for suggestion in suggestions:
        preview: list[DosagePreview] = []
        if suggestion.status == Suggestion.Status.PENDING:
            for item in suggestion.program.items.all():
                new = suggested_dosage(suggestion.kind, item.dosage, exercise=item.exercise.spec)
                if changes := dosage_difference(item.dosage, new):
                    preview.append(DosagePreview(item.exercise.name, changes))
        # Carried on the suggestion for the page's template, which reads `suggestion.preview`.
        setattr(suggestion, "preview", preview)  # noqa: B010
    return suggestions


def alert_get_for(*, clinic: Clinic, alert_id: int) -> Alert:
    return get_object_or_404(Alert.objects.select_related("patient"), clinic=clinic, pk=alert_id)


def suggestion_get_for(*, clinic: Clinic, suggestion_id: int) -> Suggestion:
    return get_object_or_404(
        Suggestion.objects.select_related("patient", "program"),
        patient__clinic=clinic,
        pk=suggestion_id,
    )
