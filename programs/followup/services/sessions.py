"""Writes of what patients report: session logs, next-morning pain, and what follows from
them (suggestions, alerts, the emergency pause)."""

import datetime
import uuid
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.clinical import EMERGENCY_FLAGS, NRS_MAX, NRS_MIN, RedFlag
from patients.models import Patient
from programs.followup.models import Alert, SessionItemLog, SessionLog, Suggestion
from programs.followup.progression import (
    PROGRESS_WINDOW_DAYS,
    prescribed_sessions_per_week,
    progress_reason,
    red_reason,
    spike_reason,
)
from programs.followup.services.alerts import alert_raise
from programs.followup.services.attention import attention_refresh
from programs.followup.services.safety import (
    emergency_symptom_alert,
    program_pause_for_emergency,
)
from programs.followup.services.suggestions import suggest
from programs.prescribing.models import Program
from programs.prescribing.services import ProgramConflict

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


def _check_pain(errors: dict[str, str], field: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not NRS_MIN <= value <= NRS_MAX:
        errors[field] = _("Choose a number from %(min)s (no pain) to %(max)s (worst pain).") % {
            "min": NRS_MIN,
            "max": NRS_MAX,
        }


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
    program_id: int | None = None,
    made_for_program_id: int | None = None,
) -> tuple[SessionLog, bool]:
    """Record a session against the active program; returns (session, created).

    `program_id`, when given, must name that active program (a client that logs against the
    program it showed learns when that program is no longer the one in force).

    `made_for_program_id` is the program a portal page was showing when the patient logged,
    perhaps offline hours ago: the session is kept against it even if a clinician has since
    paused or replaced it (what was done is a fact), as long as it is one of the patient's
    programs that the patient could see (not a draft).

    Submitting the same form twice (same client_token) returns the first session and creates
    nothing, also when two requests race. An emergency symptom pauses the program in the same
    transaction and alerts the clinician.
    """
    patient = _lock(patient)
    if client_token is not None:
        existing = _by_token(patient, client_token)
        if existing:
            return existing, False
    program: Program | None
    if made_for_program_id is not None:
        program = _program_made_for(patient, made_for_program_id)
    else:
        program = Program.objects.filter(patient=patient, status=Program.Status.ACTIVE).first()
    if program_id is not None and (program is None or program.pk != program_id):
        raise ValidationError(
            {
                "program": _("Program %(number)s is not this patient's active program.")
                % {"number": program_id}
            }
        )
    if program is None:
        raise ProgramConflict(
            _(
                "There is no active program to log against. If your program was paused, "
                "contact your clinician."
            )
        )
    now = timezone.now()
    performed_at = performed_at or now
    errors: dict[str, str] = {}
    _check_pain(errors, "pain_before", pain_before)
    _check_pain(errors, "pain_after", pain_after)
    if performed_at > now + CLOCK_SKEW:
        errors["performed_at"] = _("A session cannot be logged in the future.")
    elif performed_at < now - MAX_BACKDATE:
        errors["performed_at"] = _("Sessions older than 7 days cannot be logged.")
    unknown = set(symptoms) - EMERGENCY_FLAGS
    if unknown:
        errors["symptoms"] = _("Unknown symptom codes: %(codes)s.") % {
            "codes": ", ".join(sorted(unknown))
        }
    program_items = {item.pk: item for item in program.items.select_related("exercise")}
    seen = set()
    for report in items:
        if report.item_id not in program_items or report.item_id in seen:
            errors["items"] = _("Each exercise of your program may be reported once.")
        seen.add(report.item_id)
        if not (0 <= report.sets_done <= 20 and 0 <= report.reps_done <= 200):
            errors["items"] = _("Sets must be 0 to 20 and repetitions 0 to 200.")
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
    session.full_clean(exclude=["patient", "program", "client_token"])
    try:
        # A savepoint: a racing request that stored the same token first leaves this
        # transaction usable, and the patient gets the row that won.
        with transaction.atomic():
            session.save()
    except IntegrityError:
        existing = _by_token(patient, session.client_token)
        if existing is None:
            raise
        return existing, False
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
    if session.symptoms and program.status == Program.Status.ACTIVE:
        program_pause_for_emergency(actor=actor, program=program, session=session)
    elif session.symptoms:
        # Logged offline against a program stopped meanwhile: nothing to pause, but the
        # clinician must hear of an emergency symptom all the same.
        emergency_symptom_alert(session=session, paused=False)
    elif program.status == Program.Status.ACTIVE:
        reason = red_reason(session.outcome)
        _follow_up(program, session, reason=reason, alert_kind=Alert.Kind.RED_SESSION)
    attention_refresh(patient=patient)
    return session, True


def _by_token(patient: Patient, client_token: uuid.UUID) -> SessionLog | None:
    return SessionLog.objects.filter(patient=patient, client_token=client_token).first()


def _program_made_for(patient: Patient, program_id: int) -> Program:
    """The patient's program a log was made for; another patient's or a draft is refused."""
    program = (
        Program.objects.filter(patient=patient, pk=program_id)
        .exclude(status=Program.Status.DRAFT)
        .first()
    )
    if program is None:
        raise ValidationError(
            {
                "program": _(
                    "This session was made for a program that is not yours. Nothing was saved."
                )
            }
        )
    return program


def _follow_up(program: Program, session: SessionLog, *, reason: str, alert_kind: str) -> None:
    """Alert and suggest a step back for `reason`, or look for progress when there is none."""
    if not reason:
        _maybe_progress(program, session)
        return
    alert_raise(
        patient=program.patient,
        kind=alert_kind,
        message=f"{reason[0].upper()}{reason[1:]}.",
        session=session,
    )
    if not session.suggestions.filter(kind=Suggestion.Kind.REGRESS).exists():
        suggest(
            program=program,
            kind=Suggestion.Kind.REGRESS,
            reason=f"Step back: {reason}.",
            session=session,
        )


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
        suggest(
            program=program,
            kind=Suggestion.Kind.PROGRESS,
            reason=f"Ready to progress: {reason}.",
            session=session,
        )


@transaction.atomic
def session_morning_record(
    *, actor: Actor, session: SessionLog, pain_next_morning: int, repeat_ok: bool = False
) -> SessionLog:
    """Store next-morning pain once, and raise a regress suggestion on a 2-point rise.

    With `repeat_ok` (a device resending a check it queued offline), the same answer again
    returns the session unchanged instead of a conflict; a different answer still conflicts.
    """
    errors: dict[str, str] = {}
    _check_pain(errors, "pain_next_morning", pain_next_morning)
    if errors:
        raise ValidationError(errors)
    _lock(session.patient)
    session = SessionLog.objects.select_related("program", "patient").get(pk=session.pk)
    if repeat_ok and session.pain_next_morning == pain_next_morning:
        return session
    if session.pain_next_morning is not None:
        raise ProgramConflict(_("Next-morning pain was already recorded for this session."))
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
    attention_refresh(patient=session.patient)
    return session
