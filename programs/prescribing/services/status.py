"""The program's status history: every activation, pause, resume and completion, and why."""

from clinic.hooks import Hook
from clinic.services import Actor
from programs.prescribing.models import Program, ProgramStatusChange

Cause = ProgramStatusChange.Cause

# What apps above must do when a program's status changes, in the same transaction: follow-up
# registers here (from its AppConfig.ready) so the dashboard's kept reasons follow the program.
# Handlers are called as `handler(program=)` after every status change is recorded.
status_changed = Hook()
status_change_handler_register = status_changed.register


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
    status_changed(program=program)
    return change
