"""Writes for programs: generate a draft, activate, pause, complete, change dates or status."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, audit_record, field_changes
from patients.clinical import tier_label_untranslated
from patients.models import Patient
from patients.services import RecordArchived
from programs.library.dosage import dosage_for, exclusion_reason, select_exercises
from programs.library.models import Exercise
from programs.prescribing.models import Program
from programs.prescribing.services.base import (
    ProgramConflict,
    audit_program,
    create_items,
    current_assessment,
    lock_patient,
    patient_profile,
    program_order,
)
from programs.prescribing.services.status import Cause, status_change_record


@transaction.atomic
def program_generate(*, actor: Actor, patient: Patient) -> Program:
    """Build a draft from the latest assessment with the engine's default dosages."""
    patient = lock_patient(patient.pk)
    assessment = current_assessment(patient)
    library = {e.slug: e for e in Exercise.objects.filter(clinic__isnull=True)}
    ordered = sorted(library.values(), key=program_order)
    chosen = select_exercises(
        tier=assessment.tier, patient=patient_profile(patient), library=[e.spec for e in ordered]
    )
    program = Program(
        patient=patient, tier=assessment.tier, assessment=assessment, created_by=actor.user
    )
    program.full_clean()
    program.save()
    rows = []
    for spec in chosen:
        exercise = library[spec.slug]
        dosage = dosage_for(tier=assessment.tier, exercise=spec, patient=patient_profile(patient))
        rows.append((exercise, dosage, ""))
    create_items(program, rows)
    tier = tier_label_untranslated(assessment.tier)
    audit_program(
        actor,
        AuditLog.Action.CREATE,
        program,
        f"Draft generated at tier {tier} with {len(rows)} exercises",
    )
    return program


@transaction.atomic
def program_activate(
    *, actor: Actor, program: Program, start_date: datetime.date | None = None
) -> Program:
    """Activate a draft or resume a paused program; the patient's other active one completes."""
    patient = lock_patient(program.patient_id)
    program = Program.objects.select_related("patient").get(pk=program.pk)
    if program.status not in (Program.Status.DRAFT, Program.Status.PAUSED):
        raise ProgramConflict(
            _("A %(status)s program cannot be activated.")
            % {"status": program.get_status_display().lower()}
        )
    assessment = current_assessment(patient)
    items = list(program.items.select_related("exercise"))
    if not items:
        raise ProgramConflict(_("Add at least one exercise before activating the program."))
    # The patient may have been reassessed since the draft was made: re-check every exercise.
    unsafe = [
        f"{item.exercise.name} ({reason})"
        for item in items
        if (
            reason := exclusion_reason(
                tier=assessment.tier, exercise=item.exercise.spec, patient=patient_profile(patient)
            )
        )
    ]
    if unsafe:
        raise ProgramConflict(
            _(
                "The latest assessment rules out: %(exercises)s. Remove them or generate a new "
                "program."
            )
            % {"exercises": "; ".join(unsafe)}
        )
    today = timezone.localdate()
    for other in Program.objects.filter(patient=patient, status=Program.Status.ACTIVE):
        _finish(other, today)
        status_change_record(
            actor=actor,
            program=other,
            from_status=Program.Status.ACTIVE,
            cause=Cause.REPLACED,
            reason=f"Program {program.pk} was activated",
        )
        audit_program(
            actor,
            AuditLog.Action.CHANGE,
            other,
            f"Completed because program {program.pk} was activated",
            changes=[("status", Program.Status.ACTIVE, other.status)],
        )
    previous = program.status
    resumed = previous == Program.Status.PAUSED
    program.status = Program.Status.ACTIVE
    program.activated_at = timezone.now()
    if not resumed:
        program.start_date = start_date or today
    program.full_clean()
    program.save()
    status_change_record(
        actor=actor,
        program=program,
        from_status=previous,
        reason="Resumed by the clinician" if resumed else "Activated by the clinician",
    )
    audit_program(
        actor,
        AuditLog.Action.CHANGE,
        program,
        "Resumed" if resumed else "Activated",
        changes=[("status", previous, program.status)],
    )
    return program


def _finish(program: Program, today: datetime.date) -> None:
    program.status = Program.Status.COMPLETED
    program.completed_at = timezone.now()
    if program.end_date is None or program.end_date > today:
        program.end_date = max(today, program.start_date)
    program.full_clean()
    program.save()


@transaction.atomic
def program_pause(*, actor: Actor, program: Program, reason: str = "") -> Program:
    """Pause an active program (no reminders; the patient sees it paused)."""
    lock_patient(program.patient_id)
    program = Program.objects.select_related("patient").get(pk=program.pk)
    if program.status != Program.Status.ACTIVE:
        raise ProgramConflict(_("Only an active program can be paused."))
    program.status = Program.Status.PAUSED
    program.full_clean()
    program.save()
    status_change_record(
        actor=actor, program=program, from_status=Program.Status.ACTIVE, reason=reason
    )
    audit_program(
        actor,
        AuditLog.Action.CHANGE,
        program,
        f"Paused{': ' + reason if reason else ''}",
        changes=[("status", Program.Status.ACTIVE, program.status)],
    )
    return program


@transaction.atomic
def program_complete(*, actor: Actor, program: Program) -> Program:
    """Mark an active or paused program completed."""
    lock_patient(program.patient_id)
    program = Program.objects.select_related("patient").get(pk=program.pk)
    if program.status not in (Program.Status.ACTIVE, Program.Status.PAUSED):
        raise ProgramConflict(_("Only an active or paused program can be completed."))
    previous = program.status
    _finish(program, timezone.localdate())
    status_change_record(actor=actor, program=program, from_status=previous)
    audit_program(
        actor,
        AuditLog.Action.CHANGE,
        program,
        "Completed",
        changes=[("status", previous, program.status)],
    )
    return program


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
        raise RecordArchived(_("This patient is archived; archived records cannot be changed."))
    if not program.is_editable:
        raise ProgramConflict(_("This program is completed; completed programs cannot be changed."))
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
        raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
    program.full_clean()
    program.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=program,
        patient=patient,
        summary="Dates changed: "
        + ", ".join(f"{name} {before[name]}→{value}" for name, value in changed.items()),
        changes=field_changes(before, changed),
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
    raise ValidationError(
        {"status": _("A program cannot change to %(status)s.") % {"status": status}}
    )


@transaction.atomic
def program_change(*, actor: Actor, program: Program, **changes: Any) -> Program:
    """Change a program's dates and then its status (active, paused or completed) at once."""
    status = changes.pop("status", None)
    if changes:
        program = program_schedule_change(actor=actor, program=program, **changes)
    if status is not None and status != program.status:
        program = _status_change(
            actor=actor, program=program, status=status, start_date=changes.get("start_date")
        )
    return program


def program_record_view(*, actor: Actor, program: Program, summary: str = "") -> None:
    """Audit that the actor opened a program, or its handout (a view of clinical data)."""
    audit_program(actor, AuditLog.Action.VIEW, program, summary)


def program_record_handout(*, actor: Actor, program: Program, pdf: bool) -> None:
    """Audit that the actor opened the handout (a view) or downloaded its PDF (an export)."""
    if pdf:
        audit_program(actor, AuditLog.Action.EXPORT, program, "Handout downloaded as PDF")
    else:
        audit_program(actor, AuditLog.Action.VIEW, program, "Handout")
