"""The program's status history: every activation, pause, resume and completion, and why."""

from clinic.services import Actor
from programs.prescribing.models import Program, ProgramStatusChange

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
