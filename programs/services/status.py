"""The program's status history, and the pause a red flag forces on a program (SPEC 2.2)."""

from django.utils import timezone

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.models import Assessment, Patient
from programs.models import Program, ProgramStatusChange, Suggestion

Cause = ProgramStatusChange.Cause


def status_change_record(
    *,
    actor: Actor,
    program: Program,
    from_status: str,
    cause: str = Cause.CLINICIAN,
    reason: str = "",
) -> ProgramStatusChange:
    """Keep one line of the program's history; callers run inside the change's transaction."""
    change = ProgramStatusChange(
        program=program,
        from_status=from_status,
        to_status=program.status,
        cause=cause,
        reason=reason.strip()[:500],
        changed_by=actor.user,
    )
    change.full_clean(exclude=["program", "changed_by"])
    change.save()
    return change


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
