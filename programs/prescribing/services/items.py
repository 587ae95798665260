"""Writes for a program's exercises: add, remove, reorder, and change a dosage with its reason
(the prescription history)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, field_changes
from programs.library.dosage import (
    dosage_for,
    exclusion_reason,
    out_of_bounds,
)
from programs.library.models import Exercise
from programs.prescribing.models import DosageChange, Program, ProgramItem
from programs.prescribing.services.base import (
    ProgramConflict,
    audit_program,
    ensure_editable,
    lock_patient,
    patient_profile,
)


def _ensure_allowed(program: Program, exercise: Exercise) -> None:
    reason = exclusion_reason(
        tier=program.tier, exercise=exercise.spec, patient=patient_profile(program.patient)
    )
    if reason:
        raise ValidationError({"exercise": f"{exercise.name} cannot be prescribed: {reason}."})


@transaction.atomic
def program_item_add(
    *, actor: Actor, program: Program, exercise: Exercise, notes: str = ""
) -> ProgramItem:
    """Add an exercise with its default dosage for the program's tier."""
    lock_patient(program.patient_id)
    program.refresh_from_db()
    ensure_editable(program)
    if exercise.clinic_id not in (None, actor.clinic.pk):
        raise ValidationError({"exercise": _("Choose an exercise from your library.")})
    if program.items.filter(exercise=exercise).exists():
        raise ValidationError({"exercise": f"{exercise.name} is already in this program."})
    _ensure_allowed(program, exercise)
    dosage = dosage_for(
        tier=program.tier, exercise=exercise.spec, patient=patient_profile(program.patient)
    )
    last = program.items.aggregate(last=Max("order"))["last"] or 0
    item = ProgramItem(
        program=program, exercise=exercise, order=last + 1, notes=notes.strip(), **dosage.as_dict()
    )
    item.full_clean()
    item.save()
    audit_program(
        actor,
        AuditLog.Action.CHANGE,
        program,
        f"Added {exercise.name}",
        changes=[("exercises", None, exercise.slug)],
    )
    return item


@transaction.atomic
def program_item_remove(*, actor: Actor, item: ProgramItem) -> None:
    """Remove an exercise; its dosage history stays with the program."""
    lock_patient(item.program.patient_id)
    program = Program.objects.get(pk=item.program_id)
    ensure_editable(program)
    if program.status == Program.Status.ACTIVE and program.items.count() == 1:
        raise ProgramConflict(_("An active program needs at least one exercise."))
    name, slug = item.exercise.name, item.exercise.slug
    item.delete()
    audit_program(
        actor,
        AuditLog.Action.CHANGE,
        program,
        f"Removed {name}",
        changes=[("exercises", slug, None)],
    )


@transaction.atomic
def program_item_move(*, actor: Actor, item: ProgramItem, direction: str) -> None:
    """Swap an item with its neighbour above ('up') or below ('down')."""
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Choose up or down.")})
    lock_patient(item.program.patient_id)
    program = Program.objects.get(pk=item.program_id)
    ensure_editable(program)
    items = list(program.items.select_related("exercise"))
    before = [other.exercise.slug for other in items]
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    neighbour = index - 1 if direction == "up" else index + 1
    if not 0 <= neighbour < len(items):
        return
    items[index], items[neighbour] = items[neighbour], items[index]
    for n, other in enumerate(items, start=1):
        other.order = n
    ProgramItem.objects.bulk_update(items, ["order"])
    audit_program(
        actor,
        AuditLog.Action.CHANGE,
        program,
        f"Moved {item.exercise.name} {direction}",
        changes=[("order", before, [other.exercise.slug for other in items])],
    )


@transaction.atomic
def program_item_change_dosage(
    *,
    actor: Actor,
    item: ProgramItem,
    reason: str,
    sets: int,
    reps: int,
    hold_seconds: int,
    sessions_per_day: int,
    days_per_week: int,
    notes: str | None = None,
) -> ProgramItem:
    """Change an item's dosage, recording who, when, old → new and the required reason."""
    new = {
        "sets": sets,
        "reps": reps,
        "hold_seconds": hold_seconds,
        "sessions_per_day": sessions_per_day,
        "days_per_week": days_per_week,
    }
    errors = out_of_bounds(new)
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Say why the dosage changes; the reason is kept in the history.")
    minimum = item.exercise.min_hold_seconds
    if "hold_seconds" not in errors and hold_seconds < minimum:
        errors["hold_seconds"] = f"{item.exercise.name} is held at least {minimum} seconds."
    if errors:
        raise ValidationError(errors)
    lock_patient(item.program.patient_id)
    item = ProgramItem.objects.select_related("program__patient", "exercise").get(pk=item.pk)
    ensure_editable(item.program)
    old = item.dosage.as_dict()
    old_notes = item.notes
    notes_changed = notes is not None and notes.strip() != item.notes
    if old == new and not notes_changed:
        raise ValidationError(_("Nothing changed: the dosage is already this."))
    for name, value in new.items():
        setattr(item, name, value)
    if notes is not None:
        item.notes = notes.strip()
    item.full_clean()
    item.save()
    if old != new:
        change = DosageChange(
            program=item.program,
            item=item,
            exercise=item.exercise,
            old=old,
            new=new,
            reason=reason[:500],
            changed_by=actor.user,
        )
        change.full_clean()
        change.save()
    audited = field_changes(old, new)
    if notes_changed:
        audited.append(("notes", old_notes, item.notes))
    summary = ", ".join(f"{field} {before}→{after}" for field, before, after in audited)
    audit_program(
        actor,
        AuditLog.Action.CHANGE,
        item.program,
        f"{item.exercise.name}: {summary} ({reason})",
        changes=audited,
    )
    return item
