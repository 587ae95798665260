"""The program's status history: every activation, pause, resume and completion, and why."""

from collections.abc import Callable

from clinic.services import Actor
from programs.prescribing.models import Program, ProgramStatusChange

Cause = ProgramStatusChange.Cause

# What apps above must do when a program's status changes, in the same transaction: follow-up
# registers here (from its AppConfig.ready) so the dashboard's kept reasons follow the program.
StatusChangeHandler = Callable[..., None]
_status_change_handlers: list[StatusChangeHandler] = []


def status_change_handler_register(handler: StatusChangeHandler) -> None:
    """Call `handler(program=)` after every status change is recorded."""
    if handler not in _status_change_handlers:
        _status_change_handlers.append(handler)


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
    for handler in _status_change_handlers:
        handler(program=program)
    return change
