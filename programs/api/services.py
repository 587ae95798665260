"""Program changes the API offers that the web pages make with separate buttons.

`program_schedule_change` belongs with the other program services in
programs/services/prescribing.py; it lives here until that module can take it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.models import Patient
from patients.services import RecordArchived
from programs.models import Program
from programs.services import (
    ProgramConflict,
    program_activate,
    program_complete,
    program_pause,
)

UNSET = object()


@transaction.atomic
def program_schedule_change(
    *,
    actor: Actor,
    program: Program,
    start_date: datetime.date | object = UNSET,
    end_date: datetime.date | None | object = UNSET,
) -> Program:
    """Move a program's start or end date; completed programs and archived patients refuse."""
    # Lock the patient first, like every program service, so that they serialise alike.
    patient = Patient.objects.select_for_update().get(pk=program.patient_id)
    program = Program.objects.select_for_update().get(pk=program.pk)
    if patient.is_archived:
        raise RecordArchived("This patient is archived; archived records cannot be changed.")
    if not program.is_editable:
        raise ProgramConflict("This program is completed; completed programs cannot be changed.")
    wanted = {"start_date": start_date, "end_date": end_date}
    changed = {
        name: value
        for name, value in wanted.items()
        if value is not UNSET and getattr(program, name) != value
    }
    if not changed:
        return program
    before = {name: getattr(program, name) for name in changed}
    for name, value in changed.items():
        setattr(program, name, value)
    if program.end_date is not None and program.end_date < program.start_date:
        raise ValidationError({"end_date": "The end date cannot be before the start date."})
    program.full_clean()
    program.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=program,
        patient=patient,
        summary="Dates changed: "
        + ", ".join(f"{name} {before[name]}→{value}" for name, value in changed.items()),
    )
    return program


def _status_change(
    *, actor: Actor, program: Program, status: str, start_date: datetime.date | None
) -> Program:
    if status == Program.Status.ACTIVE:
        return program_activate(actor=actor, program=program, start_date=start_date)
    if status == Program.Status.PAUSED:
        return program_pause(actor=actor, program=program)
    if status == Program.Status.COMPLETED:
        return program_complete(actor=actor, program=program)
    raise ValidationError({"status": f"A program cannot change to {status}."})


@transaction.atomic
def program_change(*, actor: Actor, program: Program, **changes) -> Program:
    """Change a program's dates and then its status (active, paused or completed) at once."""
    status = changes.pop("status", None)
    if changes:
        program = program_schedule_change(actor=actor, program=program, **changes)
    if status is not None and status != program.status:
        program = _status_change(
            actor=actor, program=program, status=status, start_date=changes.get("start_date")
        )
    return program
