"""Reads of exercises, programs, templates and sessions, always starting from the caller's
scope (a clinic, or a portal patient)."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404

from clinic.models import Clinic
from patients.models import Patient
from programs.charts import AdherenceWeek, PainPoint
from programs.dosage import FIELD_LABELS
from programs.models import (
    CATEGORY_ORDER,
    Alert,
    DosageChange,
    Exercise,
    Program,
    ProgramItem,
    ProgramStatusChange,
    ProgramTemplate,
    Reminder,
    SessionItemLog,
    SessionLog,
    Suggestion,
)
from programs.progression import (
    dosage_difference,
    prescribed_sessions_per_week,
    suggested_dosage,
)


def exercise_list_for(*, clinic: Clinic, category: str = "", position: str = "") -> QuerySet:
    """The standard library plus the clinic's own exercises."""
    category_rank = Case(
        *(When(category=name, then=Value(rank)) for rank, name in enumerate(CATEGORY_ORDER))
    )
    exercises = Exercise.objects.filter(Q(clinic__isnull=True) | Q(clinic=clinic)).order_by(
        category_rank, "progression_order", "name"
    )
    if category:
        exercises = exercises.filter(category=category)
    if position:
        exercises = exercises.filter(position=position)
    return exercises


def _items() -> Prefetch:
    return Prefetch("items", queryset=ProgramItem.objects.select_related("exercise"))


def program_list_for_patient(*, patient: Patient) -> QuerySet[Program]:
    """A patient's programs, newest first, with how many exercises each has."""
    return patient.programs.annotate(item_count=Count("items"))


def program_get_for(*, clinic: Clinic, program_id: int) -> Program:
    """One program of the clinic with its patient and items; otherwise a 404."""
    return get_object_or_404(
        Program.objects.select_related(
            "patient__latest_assessment", "patient__clinic"
        ).prefetch_related(_items()),
        patient__clinic=clinic,
        pk=program_id,
    )


def program_item_get_for(*, clinic: Clinic, program_id: int, item_id: int) -> ProgramItem:
    return get_object_or_404(
        ProgramItem.objects.select_related("program__patient", "exercise"),
        program__patient__clinic=clinic,
        program_id=program_id,
        pk=item_id,
    )


def dosage_history_for(*, program: Program) -> QuerySet[DosageChange]:
    return program.dosage_changes.select_related("exercise", "changed_by")


def status_history_for(*, program: Program) -> QuerySet[ProgramStatusChange]:
    """The program's activations, pauses, resumes and completion, newest first."""
    return program.status_changes.select_related("changed_by")


def pause_for(*, program: Program) -> ProgramStatusChange | None:
    """Why a paused program is paused: the history line that paused it (None when not paused)."""
    if program.status != Program.Status.PAUSED:
        return None
    return program.status_changes.filter(to_status=Program.Status.PAUSED).first()


def template_list_for(*, clinic: Clinic) -> QuerySet[ProgramTemplate]:
    return ProgramTemplate.objects.filter(clinic=clinic).annotate(item_count=Count("items"))


def template_get_for(*, clinic: Clinic, template_id: int) -> ProgramTemplate:
    return get_object_or_404(
        ProgramTemplate.objects.filter(clinic=clinic).prefetch_related("items__exercise"),
        pk=template_id,
    )


def current_program_for(*, patient: Patient) -> Program | None:
    """The program a patient follows: the active one, else a paused one, with its items."""
    return (
        Program.objects.filter(
            patient=patient, status__in=[Program.Status.ACTIVE, Program.Status.PAUSED]
        )
        .prefetch_related(_items())
        .order_by("status", "-activated_at")  # "active" sorts before "paused"
        .first()
    )


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
    week_days: dict[int, set] = {}
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


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


LOW_ADHERENCE = 0.5  # below half of the prescribed sessions in the last 7 days


@dataclass(frozen=True)
class AttentionRow:
    """One reason a patient needs a clinician's look, for the dashboard."""

    patient: Patient
    rank: int
    label: str
    detail: str
    when: datetime.datetime | datetime.date | None


def dashboard_for(*, clinic: Clinic, today: datetime.date) -> list["PatientAttention"]:
    """Patients needing attention, most urgent first: emergency referrals, emergency symptoms,
    urgent referrals, red sessions, pain spikes, regress suggestions, inactivity, low adherence,
    then progress suggestions."""
    rows: list[AttentionRow] = _referral_rows(clinic)
    suggestions = list(
        Suggestion.objects.filter(
            patient__clinic=clinic, status=Suggestion.Status.PENDING, patient__status="active"
        ).select_related("patient__latest_assessment")
    )
    # A red session or pain spike raises an alert and a suggestion: one event, shown once.
    suggested_for = {s.session_id: s for s in suggestions if s.session_id is not None}
    alerts = (
        Alert.objects.filter(clinic=clinic, resolved_at__isnull=True, patient__status="active")
        .select_related("patient__latest_assessment")
        .order_by("-created_at")
    )
    shown_sessions = set()
    for alert in alerts:
        detail = alert.message
        if alert.session_id in suggested_for:
            shown_sessions.add(alert.session_id)
            detail += f" {suggested_for[alert.session_id].get_kind_display()} suggested."
        rows.append(
            AttentionRow(
                alert.patient,
                Alert.PRIORITY.index(alert.kind) * 2,
                alert.get_kind_display(),
                detail,
                alert.created_at,
            )
        )
    for suggestion in suggestions:
        if suggestion.session_id in shown_sessions:
            continue
        regress = suggestion.kind == Suggestion.Kind.REGRESS
        rows.append(
            AttentionRow(
                suggestion.patient,
                5 if regress else 12,
                f"{suggestion.get_kind_display()} suggested",
                suggestion.reason,
                suggestion.created_at,
            )
        )
    window_start = today - datetime.timedelta(days=6)
    active = (
        Program.objects.filter(
            patient__clinic=clinic,
            patient__status="active",
            status=Program.Status.ACTIVE,
            start_date__lte=window_start,
        )
        .select_related("patient__latest_assessment")
        .prefetch_related("items")
        .annotate(recent=Count("sessions", filter=Q(sessions__local_date__gte=window_start)))
    )
    for program in active:
        prescribed = prescribed_sessions_per_week([item.dosage for item in program.items.all()])
        if prescribed and program.recent / prescribed < LOW_ADHERENCE:
            rows.append(
                AttentionRow(
                    program.patient,
                    10,
                    "Low adherence",
                    f"{program.recent} of {prescribed} sessions in the last 7 days",
                    None,
                )
            )
    return _by_patient(rows)


def _referral_rows(clinic: Clinic) -> list[AttentionRow]:
    """Every patient whose latest assessment carries a red flag: emergencies rank first."""
    patients = Patient.objects.filter(
        clinic=clinic, status="active", latest_assessment__referral_required=True
    ).select_related("latest_assessment")
    rows = []
    for patient in patients:
        assessment = patient.latest_assessment
        referral = assessment.referral
        emergency = bool(referral.emergency)
        rows.append(
            AttentionRow(
                patient,
                -1 if emergency else 1,
                "Emergency referral" if emergency else "Urgent referral",
                f"{referral.advice} Red flags: {', '.join(referral.named)}.",
                assessment.assessed_at,
            )
        )
    return rows


@dataclass(frozen=True)
class PatientAttention:
    """A patient on the dashboard with every reason to look at them, most urgent first."""

    patient: Patient
    reasons: list[AttentionRow]

    @property
    def rank(self) -> int:
        return self.reasons[0].rank


def _by_patient(rows: list[AttentionRow]) -> list[PatientAttention]:
    grouped: dict[int, list[AttentionRow]] = {}
    for row in sorted(rows, key=lambda row: row.rank):
        grouped.setdefault(row.patient.pk, []).append(row)
    patients = [PatientAttention(reasons[0].patient, reasons) for reasons in grouped.values()]
    return sorted(patients, key=lambda p: (p.rank, p.patient.last_name, p.patient.pk))


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
        )


def suggestions_with_preview_for(*, patient: Patient, limit: int = 5) -> list[Suggestion]:
    """`suggestions_for`, each pending one carrying `preview`: the exercises accepting changes."""
    suggestions = list(
        suggestions_for(patient=patient).prefetch_related(
            Prefetch("program__items", queryset=ProgramItem.objects.select_related("exercise"))
        )[:limit]
    )
    for suggestion in suggestions:
        suggestion.preview = []
        if suggestion.status != Suggestion.Status.PENDING:
            continue
        for item in suggestion.program.items.all():
            new = suggested_dosage(suggestion.kind, item.dosage, exercise_slug=item.exercise.slug)
            if changes := dosage_difference(item.dosage, new):
                suggestion.preview.append(DosagePreview(item.exercise.name, changes))
    return suggestions


def alert_get_for(*, clinic: Clinic, alert_id: int) -> Alert:
    return get_object_or_404(Alert.objects.select_related("patient"), clinic=clinic, pk=alert_id)


def suggestion_get_for(*, clinic: Clinic, suggestion_id: int) -> Suggestion:
    return get_object_or_404(
        Suggestion.objects.select_related("patient", "program"),
        patient__clinic=clinic,
        pk=suggestion_id,
    )


def reminder_list_for(*, clinic: Clinic, status: str = "") -> QuerySet[Reminder]:
    """The clinic's reminders, newest first, optionally of one status."""
    reminders = Reminder.objects.filter(patient__clinic=clinic).select_related("patient")
    if status in Reminder.Status.values:
        reminders = reminders.filter(status=status)
    return reminders.order_by("-created_at", "-id")
