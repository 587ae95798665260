"""Safety pauses (SPEC 2.2, 2.6): a red flag or an emergency symptom stops the program at once,
its pending suggestions are withdrawn, and the reason stays in the program's history."""

from django.utils import timezone

from clinic.models import AuditLog
from clinic.outbox import enqueue_on_commit
from clinic.services import Actor, audit_record
from patients.clinical import RedFlag
from patients.models import Assessment, Patient
from programs.followup.models import Alert, SessionLog, Suggestion
from programs.followup.services.alerts import alert_raise
from programs.prescribing.models import Program
from programs.prescribing.services.status import Cause, status_change_record


def program_pause_for_red_flags(*, actor: Actor, patient: Patient, assessment: Assessment) -> None:
    """Pause the patient's active program when an assessment records a red flag.

    Registered with patients.services, so it runs in the assessment's transaction with the
    patient row already locked: the flag and the pause commit together or not at all. A
    program the clinician had paused already stays paused and gains the red flag as its
    reason, so the patient is told to seek care rather than only to wait.
    """
    if not assessment.referral_required:
        return
    program = (
        Program.objects.select_for_update()
        .filter(patient=patient, status__in=[Program.Status.ACTIVE, Program.Status.PAUSED])
        .order_by("status")  # an active one first, should both exist
        .first()
    )
    if program is None:
        return
    emergency = bool(assessment.referral.emergency)
    cause = Cause.EMERGENCY_FLAG if emergency else Cause.RED_FLAG
    reason = f"Red flag recorded: {', '.join(assessment.referral.named)}"
    previous = program.status
    if previous == Program.Status.ACTIVE:
        program.status = Program.Status.PAUSED
        program.save(update_fields=["status", "updated_at"])
    status_change_record(
        actor=actor, program=program, from_status=previous, cause=cause, reason=reason
    )
    pending_suggestions_withdraw(program=program, reason=reason)
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=program,
        patient=patient,
        summary=f"Paused: {reason[0].lower()}{reason[1:]}",
    )


def pending_suggestions_withdraw(*, program: Program, reason: str) -> None:
    """Withdraw the program's pending suggestion when a safety pause stops it.

    A step up or down no longer applies to a program stopped for referral; leaving it would
    invite a clinician to progress a patient who needs a doctor first.
    """
    program.suggestions.filter(status=Suggestion.Status.PENDING).update(
        status=Suggestion.Status.DECLINED,
        decided_at=timezone.now(),
        decision_reason=f"Withdrawn: the program was paused ({reason[0].lower()}{reason[1:]}).",
    )


def program_pause_for_emergency(*, actor: Actor, program: Program, session: SessionLog) -> None:
    """Pause the program at once for an emergency symptom in a session log, and email the
    clinic (through the outbox: a broker outage delays the email, never the advice)."""
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
    emergency_symptom_alert(session=session, paused=True)


def emergency_symptom_alert(*, session: SessionLog, paused: bool) -> None:
    """Alert the clinician of a session's emergency symptom and email the clinic at once
    (through the outbox: a broker outage delays the email, never the advice)."""
    named = ", ".join(RedFlag(code).label.lower() for code in session.symptoms)
    done = "The program was paused; the" if paused else "The"
    alert = alert_raise(
        patient=session.patient,
        kind=Alert.Kind.EMERGENCY_SYMPTOM,
        message=f"Emergency symptom reported: {named}. {done} patient was "
        "told to seek emergency care.",
        session=session,
    )
    from programs.followup.tasks import send_alert_email_task

    # Emergencies are emailed at once; other alerts wait for the daily digest.
    enqueue_on_commit(send_alert_email_task, alert.pk)
