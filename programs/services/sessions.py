"""Writes of what patients report: session logs, next-morning pain, and what follows from
them (suggestions, alerts, the emergency pause)."""

import datetime
import uuid
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.clinical import EMERGENCY_FLAGS, NRS_MAX, NRS_MIN, RedFlag
from patients.models import Patient
from programs.models import Alert, Program, SessionItemLog, SessionLog, Suggestion
from programs.progression import (
    PROGRESS_WINDOW_DAYS,
    prescribed_sessions_per_week,
    progress_reason,
    red_reason,
    spike_reason,
    suggested_dosage,
)
from programs.services.prescribing import ProgramConflict, program_item_change_dosage
from programs.services.status import (
    Cause,
    pending_suggestions_withdraw,
    status_change_record,
)

# How far back a session may be logged, and how far ahead a clock may drift.
MAX_BACKDATE = datetime.timedelta(days=7)
CLOCK_SKEW = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class ItemReport:
    """One exercise of a logged session."""

    item_id: int
    completed: bool
    sets_done: int = 0
    reps_done: int = 0


def local_date(patient: Patient, moment: datetime.datetime) -> datetime.date:
    """The patient's own calendar day of a moment."""
    return moment.astimezone(zoneinfo.ZoneInfo(patient.timezone)).date()


def _check_pain(errors: dict, field: str, value) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not NRS_MIN <= value <= NRS_MAX:
        errors[field] = f"Choose a number from {NRS_MIN} (no pain) to {NRS_MAX} (worst pain)."


def _lock(patient: Patient) -> Patient:
    return Patient.objects.select_for_update().get(pk=patient.pk)


@transaction.atomic
def session_log_record(
    *,
    actor: Actor,
    patient: Patient,
    pain_before: int,
    pain_after: int,
    items: list[ItemReport],
    symptoms: list[str] | tuple[str, ...] = (),
    notes: str = "",
    client_token: uuid.UUID | None = None,
    performed_at: datetime.datetime | None = None,
) -> tuple[SessionLog, bool]:
    """Record a session against the active program; returns (session, created).

    Submitting the same form twice (same client_token) returns the first session. An emergency
    symptom pauses the program in the same transaction and alerts the clinician.
    """
    patient = _lock(patient)
    if client_token is not None:
        existing = SessionLog.objects.filter(patient=patient, client_token=client_token).first()
        if existing:
            return existing, False
    program = Program.objects.filter(patient=patient, status=Program.Status.ACTIVE).first()
    if program is None:
        raise ProgramConflict(
            "There is no active program to log against. If your program was paused, "
            "contact your clinician."
        )
    now = timezone.now()
    performed_at = performed_at or now
    errors: dict[str, str] = {}
    _check_pain(errors, "pain_before", pain_before)
    _check_pain(errors, "pain_after", pain_after)
    if performed_at > now + CLOCK_SKEW:
        errors["performed_at"] = "A session cannot be logged in the future."
    elif performed_at < now - MAX_BACKDATE:
        errors["performed_at"] = "Sessions older than 7 days cannot be logged."
    unknown = set(symptoms) - EMERGENCY_FLAGS
    if unknown:
        errors["symptoms"] = f"Unknown symptom codes: {', '.join(sorted(unknown))}."
    program_items = {item.pk: item for item in program.items.select_related("exercise")}
    seen = set()
    for report in items:
        if report.item_id not in program_items or report.item_id in seen:
            errors["items"] = "Each exercise of your program may be reported once."
        seen.add(report.item_id)
        if not (0 <= report.sets_done <= 20 and 0 <= report.reps_done <= 200):
            errors["items"] = "Sets must be 0 to 20 and repetitions 0 to 200."
    if errors:
        raise ValidationError(errors)
    session = SessionLog(
        patient=patient,
        program=program,
        performed_at=performed_at,
        local_date=local_date(patient, performed_at),
        pain_before=pain_before,
        pain_after=pain_after,
        symptoms=[code for code in RedFlag.values if code in symptoms],
        notes=notes.strip(),
        client_token=client_token or uuid.uuid4(),
        recorded_by=actor.user,
    )
    session.full_clean(exclude=["patient", "program"])
    session.save()
    SessionItemLog.objects.bulk_create(
        SessionItemLog(
            session=session,
            item=program_items[r.item_id],
            exercise=program_items[r.item_id].exercise,
            completed=r.completed,
            sets_done=r.sets_done if r.completed else 0,
            reps_done=r.reps_done if r.completed else 0,
        )
        for r in items
    )
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=session,
        patient=patient,
        summary=f"Session logged: pain {pain_before}→{pain_after} ({session.traffic_light})",
    )
    if session.symptoms:
        _emergency_pause(actor, program, session)
    else:
        reason = red_reason(session.outcome)
        _follow_up(program, session, reason=reason, alert_kind=Alert.Kind.RED_SESSION)
    return session, True


def _emergency_pause(actor: Actor, program: Program, session: SessionLog) -> None:
    previous = program.status
    program.status = Program.Status.PAUSED
    program.save(update_fields=["status", "updated_at"])
    named = ", ".join(RedFlag(code).label.lower() for code in session.symptoms)
    status_change_record(
        actor=actor,
        program=program,
        from_status=previous,
        cause=Cause.EMERGENCY_SYMPTOM,
        reason=f"Emergency symptom reported by the patient: {named}",
    )
    pending_suggestions_withdraw(program=program, reason=f"emergency symptom reported: {named}")
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=program,
        patient=program.patient,
        summary=f"Paused at once: emergency symptom reported ({named})",
    )
    alert = _alert(
        program.patient,
        Alert.Kind.EMERGENCY_SYMPTOM,
        f"Emergency symptom reported: {named}. The program was paused; the patient was told "
        "to seek emergency care.",
        session,
    )
    from clinic.outbox import enqueue_on_commit
    from programs.tasks import send_alert_email_task

    # Emergencies are emailed at once; other alerts wait for the daily digest. A broker outage
    # must not fail the report (the patient needs the advice): the outbox sweep sends it later.
    enqueue_on_commit(send_alert_email_task, alert.pk)


def _alert(patient: Patient, kind: str, message: str, session: SessionLog | None) -> Alert:
    alert, _ = Alert.objects.get_or_create(
        clinic_id=patient.clinic_id,
        patient=patient,
        kind=kind,
        session=session,
        defaults={"message": message[:500]},
    )
    return alert


def _suggest(program: Program, kind: str, reason: str, session: SessionLog) -> Suggestion | None:
    pending = Suggestion.objects.filter(program=program, status=Suggestion.Status.PENDING).first()
    if pending and pending.kind == kind:
        return None
    if pending:
        # Fresh pain outranks an older invitation to progress, and vice versa never happens:
        # a progress suggestion is not made while a regress one waits.
        if kind == Suggestion.Kind.PROGRESS:
            return None
        pending.status = Suggestion.Status.DECLINED
        pending.decided_at = timezone.now()
        pending.decision_reason = "Superseded by a regress suggestion."
        pending.save(update_fields=["status", "decided_at", "decision_reason"])
    suggestion = Suggestion(
        program=program, patient=program.patient, kind=kind, reason=reason[:500], session=session
    )
    suggestion.full_clean(exclude=["program", "patient", "session"])
    suggestion.save()
    return suggestion


def _follow_up(program: Program, session: SessionLog, *, reason: str, alert_kind: str) -> None:
    """Alert and suggest a step back for `reason`, or look for progress when there is none."""
    if not reason:
        _maybe_progress(program, session)
        return
    _alert(program.patient, alert_kind, f"{reason[0].upper()}{reason[1:]}.", session)
    if not session.suggestions.filter(kind=Suggestion.Kind.REGRESS).exists():
        _suggest(program, Suggestion.Kind.REGRESS, f"Step back: {reason}.", session)


def _maybe_progress(program: Program, session: SessionLog) -> None:
    # Judged on the patient's today, not the session's day: a session may be logged late.
    today = local_date(program.patient, timezone.now())
    window_start = today - datetime.timedelta(days=PROGRESS_WINDOW_DAYS - 1)
    if program.suggestions.filter(created_at__date__gte=window_start).exists():
        return  # one suggestion a week at most, whatever its fate
    sessions = [s.outcome for s in program.sessions.filter(local_date__gte=window_start)]
    prescribed = prescribed_sessions_per_week([item.dosage for item in program.items.all()])
    reason = progress_reason(
        sessions=sessions,
        prescribed_sessions=prescribed,
        days_active=(today - program.start_date).days + 1,
    )
    if reason:
        _suggest(program, Suggestion.Kind.PROGRESS, f"Ready to progress: {reason}.", session)


@transaction.atomic
def session_morning_record(
    *, actor: Actor, session: SessionLog, pain_next_morning: int
) -> SessionLog:
    """Store next-morning pain once, and raise a regress suggestion on a 2-point rise."""
    errors: dict[str, str] = {}
    _check_pain(errors, "pain_next_morning", pain_next_morning)
    if errors:
        raise ValidationError(errors)
    _lock(session.patient)
    session = SessionLog.objects.select_related("program", "patient").get(pk=session.pk)
    if session.pain_next_morning is not None:
        raise ProgramConflict("Next-morning pain was already recorded for this session.")
    session.pain_next_morning = pain_next_morning
    session.save(update_fields=["pain_next_morning"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=session,
        patient=session.patient,
        summary=f"Next-morning pain {pain_next_morning}/10",
    )
    if session.program.status == Program.Status.ACTIVE and not session.symptoms:
        reason = spike_reason(session.outcome)
        _follow_up(session.program, session, reason=reason, alert_kind=Alert.Kind.PAIN_SPIKE)
    return session


def _pending(suggestion: Suggestion, reason: str, verb: str) -> tuple[Suggestion, str]:
    """Lock a still-pending suggestion; a decision needs a reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": f"Say why you {verb} it; the reason is kept."})
    suggestion = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("program", "patient")
        .get(pk=suggestion.pk)
    )
    if suggestion.status != Suggestion.Status.PENDING:
        raise ProgramConflict(f"This suggestion was already {suggestion.status}.")
    return suggestion, reason


@transaction.atomic
def suggestion_accept(*, actor: Actor, suggestion: Suggestion, reason: str) -> Suggestion:
    """Apply a suggestion to the program; every dosage change carries the reason."""
    suggestion, reason = _pending(suggestion, reason, "accept")
    program = suggestion.program
    if not program.is_editable:
        raise ProgramConflict("This program is completed; start a new one instead.")
    for item in program.items.select_related("exercise"):
        # The same function the suggestion's preview shows, so the clinician gets what they read.
        new = suggested_dosage(suggestion.kind, item.dosage, exercise_slug=item.exercise.slug)
        if new != item.dosage:
            program_item_change_dosage(
                actor=actor,
                item=item,
                reason=f"Accepted {suggestion.kind} suggestion: {reason}",
                **new.as_dict(),
            )
    decided = _decide(actor, suggestion, Suggestion.Status.ACCEPTED, reason)
    # The alert raised with the suggestion is about the same event: accepting answers it.
    if suggestion.session_id is not None:
        for alert in Alert.objects.filter(
            session_id=suggestion.session_id, resolved_at__isnull=True
        ).exclude(kind=Alert.Kind.EMERGENCY_SYMPTOM):
            alert_resolve(actor=actor, alert=alert)
    return decided


@transaction.atomic
def suggestion_decline(*, actor: Actor, suggestion: Suggestion, reason: str) -> Suggestion:
    """Decline a suggestion; the program stays as it is and the reason is kept."""
    suggestion, reason = _pending(suggestion, reason, "decline")
    return _decide(actor, suggestion, Suggestion.Status.DECLINED, reason)


def _decide(actor: Actor, suggestion: Suggestion, status: str, reason: str) -> Suggestion:
    suggestion.status = status
    suggestion.decided_by = actor.user
    suggestion.decided_at = timezone.now()
    suggestion.decision_reason = reason[:500]
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=suggestion,
        patient=suggestion.patient,
        summary=f"{suggestion.get_kind_display()} suggestion {status}: {reason}",
    )
    return suggestion


@transaction.atomic
def alert_resolve(*, actor: Actor, alert: Alert) -> Alert:
    """Mark an alert as handled by the actor."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.resolved_at is None:
        alert.resolved_at = timezone.now()
        alert.resolved_by = actor.user
        alert.save(update_fields=["resolved_at", "resolved_by"])
        audit_record(
            actor=actor,
            action=AuditLog.Action.CHANGE,
            obj=alert,
            patient=alert.patient,
            summary=f"Alert resolved: {alert.get_kind_display()}",
        )
    return alert
