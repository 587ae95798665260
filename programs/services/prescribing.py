"""Writes for exercises, programs, items, the prescription history and templates."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.clinical import TIER_LABELS
from patients.models import Assessment, Patient
from patients.services import RecordArchived
from programs.dosage import (
    BOUNDS,
    MIN_ELBOWS_HOLD_SECONDS,
    Dosage,
    PatientProfile,
    dosage_for,
    exclusion_reason,
    out_of_bounds,
    rescale,
    select_exercises,
)
from programs.models import (
    CATEGORY_ORDER,
    DosageChange,
    Exercise,
    Program,
    ProgramItem,
    ProgramTemplate,
    TemplateItem,
)
from programs.services.status import Cause, status_change_record


class ProgramConflict(ValidationError):
    """The request conflicts with the program's or the patient's state (HTTP 409)."""


class ReferralRequired(ProgramConflict):
    """Red flags forbid generating or activating any program (SPEC 2.2)."""

    def __init__(self, assessment: Assessment):
        referral = assessment.referral
        self.flags = list(referral.emergency + referral.urgent)
        super().__init__(
            f"Referral required: {', '.join(referral.named)}. No program can be generated or "
            "activated until a new assessment clears the red flags."
        )


def patient_profile(patient: Patient) -> PatientProfile:
    """What the dosage engine needs to know of a patient."""
    return PatientProfile(condition=patient.condition, prone_tolerant=patient.prone_tolerant)


def _program_order(exercise: Exercise) -> tuple[int, int, str]:
    return (CATEGORY_ORDER.index(exercise.category), exercise.progression_order, exercise.name)


def _current_assessment(patient: Patient) -> Assessment:
    if patient.is_archived:
        raise ProgramConflict("This patient is archived; archived records cannot be changed.")
    assessment = patient.latest_assessment
    if assessment is None:
        raise ProgramConflict("Record an assessment before prescribing a program.")
    if assessment.referral_required:
        raise ReferralRequired(assessment)
    return assessment


def _lock_patient(patient_id: int) -> Patient:
    # Serialises program changes per patient: the one-active rule is checked, then kept.
    return (
        Patient.objects.select_related("latest_assessment")
        .select_for_update(of=("self",))
        .get(pk=patient_id)
    )


def _ensure_editable(program: Program) -> None:
    if not program.is_editable:
        raise ProgramConflict("This program is completed; completed programs cannot be changed.")


def _audit(actor: Actor, action: str, program: Program, summary: str) -> None:
    audit_record(actor=actor, action=action, obj=program, patient=program.patient, summary=summary)


def _with_elbows_floor(exercise: Exercise, dosage: Dosage) -> Dosage:
    if exercise.slug == "prone-on-elbows" and dosage.hold_seconds < MIN_ELBOWS_HOLD_SECONDS:
        return Dosage(**(dosage.as_dict() | {"hold_seconds": MIN_ELBOWS_HOLD_SECONDS}))
    return dosage


def _create_items(program: Program, rows: list[tuple[Exercise, Dosage, str]]) -> None:
    items = [
        ProgramItem(program=program, exercise=exercise, order=n, notes=notes, **dosage.as_dict())
        for n, (exercise, dosage, notes) in enumerate(rows, start=1)
    ]
    for item in items:
        item.full_clean(exclude=["program", "exercise"])
    ProgramItem.objects.bulk_create(items)


@transaction.atomic
def program_generate(*, actor: Actor, patient: Patient) -> Program:
    """Build a draft from the latest assessment with the engine's default dosages."""
    patient = _lock_patient(patient.pk)
    assessment = _current_assessment(patient)
    library = {e.slug: e for e in Exercise.objects.filter(clinic__isnull=True)}
    ordered = sorted(library.values(), key=_program_order)
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
    _create_items(program, rows)
    _audit(
        actor,
        AuditLog.Action.CREATE,
        program,
        f"Draft generated at tier {TIER_LABELS[assessment.tier]} with {len(rows)} exercises",
    )
    return program


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
    _lock_patient(program.patient_id)
    program.refresh_from_db()
    _ensure_editable(program)
    if exercise.clinic_id not in (None, actor.clinic.pk):
        raise ValidationError({"exercise": "Choose an exercise from your library."})
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
    _audit(actor, AuditLog.Action.CHANGE, program, f"Added {exercise.name}")
    return item


@transaction.atomic
def program_item_remove(*, actor: Actor, item: ProgramItem) -> None:
    """Remove an exercise; its dosage history stays with the program."""
    _lock_patient(item.program.patient_id)
    program = Program.objects.get(pk=item.program_id)
    _ensure_editable(program)
    if program.status == Program.Status.ACTIVE and program.items.count() == 1:
        raise ProgramConflict("An active program needs at least one exercise.")
    name = item.exercise.name
    item.delete()
    _audit(actor, AuditLog.Action.CHANGE, program, f"Removed {name}")


@transaction.atomic
def program_item_move(*, actor: Actor, item: ProgramItem, direction: str) -> None:
    """Swap an item with its neighbour above ('up') or below ('down')."""
    if direction not in ("up", "down"):
        raise ValidationError({"direction": "Choose up or down."})
    _lock_patient(item.program.patient_id)
    program = Program.objects.get(pk=item.program_id)
    _ensure_editable(program)
    items = list(program.items.all())
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    neighbour = index - 1 if direction == "up" else index + 1
    if not 0 <= neighbour < len(items):
        return
    items[index], items[neighbour] = items[neighbour], items[index]
    for n, other in enumerate(items, start=1):
        other.order = n
    ProgramItem.objects.bulk_update(items, ["order"])
    _audit(actor, AuditLog.Action.CHANGE, program, f"Moved {item.exercise.name} {direction}")


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
        errors["reason"] = "Say why the dosage changes; the reason is kept in the history."
    if (
        item.exercise.slug == "prone-on-elbows"
        and "hold_seconds" not in errors
        and hold_seconds < MIN_ELBOWS_HOLD_SECONDS
    ):
        errors["hold_seconds"] = (
            f"Prone on elbows is held at least {MIN_ELBOWS_HOLD_SECONDS} seconds."
        )
    if errors:
        raise ValidationError(errors)
    _lock_patient(item.program.patient_id)
    item = ProgramItem.objects.select_related("program__patient", "exercise").get(pk=item.pk)
    _ensure_editable(item.program)
    old = item.dosage.as_dict()
    notes_changed = notes is not None and notes.strip() != item.notes
    if old == new and not notes_changed:
        raise ValidationError("Nothing changed: the dosage is already this.")
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
    summary = ", ".join(f"{k} {old[k]}→{new[k]}" for k in BOUNDS if old[k] != new[k])
    _audit(
        actor,
        AuditLog.Action.CHANGE,
        item.program,
        f"{item.exercise.name}: {summary or 'notes'} ({reason})",
    )
    return item


@transaction.atomic
def program_activate(
    *, actor: Actor, program: Program, start_date: datetime.date | None = None
) -> Program:
    """Activate a draft or resume a paused program; the patient's other active one completes."""
    patient = _lock_patient(program.patient_id)
    program = Program.objects.select_related("patient").get(pk=program.pk)
    if program.status not in (Program.Status.DRAFT, Program.Status.PAUSED):
        raise ProgramConflict(f"A {program.status} program cannot be activated.")
    assessment = _current_assessment(patient)
    items = list(program.items.select_related("exercise"))
    if not items:
        raise ProgramConflict("Add at least one exercise before activating the program.")
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
            "The latest assessment rules out: " + "; ".join(unsafe) + ". Remove them or "
            "generate a new program."
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
        _audit(
            actor,
            AuditLog.Action.CHANGE,
            other,
            f"Completed because program {program.pk} was activated",
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
    _audit(actor, AuditLog.Action.CHANGE, program, "Resumed" if resumed else "Activated")
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
    _lock_patient(program.patient_id)
    program = Program.objects.select_related("patient").get(pk=program.pk)
    if program.status != Program.Status.ACTIVE:
        raise ProgramConflict("Only an active program can be paused.")
    program.status = Program.Status.PAUSED
    program.full_clean()
    program.save()
    status_change_record(
        actor=actor, program=program, from_status=Program.Status.ACTIVE, reason=reason
    )
    _audit(actor, AuditLog.Action.CHANGE, program, f"Paused{': ' + reason if reason else ''}")
    return program


@transaction.atomic
def program_complete(*, actor: Actor, program: Program) -> Program:
    """Mark an active or paused program completed."""
    _lock_patient(program.patient_id)
    program = Program.objects.select_related("patient").get(pk=program.pk)
    if program.status not in (Program.Status.ACTIVE, Program.Status.PAUSED):
        raise ProgramConflict("Only an active or paused program can be completed.")
    previous = program.status
    _finish(program, timezone.localdate())
    status_change_record(actor=actor, program=program, from_status=previous)
    _audit(actor, AuditLog.Action.CHANGE, program, "Completed")
    return program


@transaction.atomic
def program_template_save(*, actor: Actor, program: Program, name: str) -> ProgramTemplate:
    """Save a program's exercises and dosages as a clinic template."""
    name = name.strip()
    if ProgramTemplate.objects.filter(clinic=actor.clinic, name__iexact=name).exists():
        raise ValidationError({"name": "Your clinic already has a template with this name."})
    template = ProgramTemplate(
        clinic=actor.clinic, name=name, tier=program.tier, created_by=actor.user
    )
    template.full_clean()
    template.save()
    items = [
        TemplateItem(
            template=template,
            exercise=item.exercise,
            order=item.order,
            notes=item.notes,
            **item.dosage.as_dict(),
        )
        for item in program.items.select_related("exercise")
    ]
    TemplateItem.objects.bulk_create(items)
    _audit(actor, AuditLog.Action.EXPORT, program, f"Saved as template “{name}”")
    return template


@transaction.atomic
def program_template_apply(
    *, actor: Actor, template: ProgramTemplate, patient: Patient
) -> tuple[Program, list[str]]:
    """Draft a program from a template, re-scaling dosages to the patient's tier.

    Returns the draft and the template's exercises left out for this patient, with why.
    """
    patient = _lock_patient(patient.pk)
    assessment = _current_assessment(patient)
    profile = patient_profile(patient)
    rows, skipped = [], []
    for item in template.items.select_related("exercise"):
        exercise = item.exercise
        reason = exclusion_reason(tier=assessment.tier, exercise=exercise.spec, patient=profile)
        if reason:
            skipped.append(f"{exercise.name}: {reason}")
            continue
        dosage = rescale(
            dosage=item.dosage,
            profile=exercise.dosage_profile,
            from_tier=template.tier,
            to_tier=assessment.tier,
        )
        rows.append((exercise, _with_elbows_floor(exercise, dosage), item.notes))
    if not rows:
        raise ProgramConflict(
            "None of the template's exercises suits this patient: " + "; ".join(skipped)
        )
    program = Program(
        patient=patient, tier=assessment.tier, assessment=assessment, created_by=actor.user
    )
    program.full_clean()
    program.save()
    _create_items(program, rows)
    _audit(
        actor,
        AuditLog.Action.CREATE,
        program,
        f"Draft from template “{template.name}” at tier {TIER_LABELS[assessment.tier]}",
    )
    return program, skipped


@transaction.atomic
def exercise_create(
    *,
    actor: Actor,
    name: str,
    instructions: str,
    category: str,
    position: str,
    progression_order: int,
    dosage_profile: str,
    max_tier: str,
    summary: str = "",
    cautions: str = "",
    loads_flexion: bool = False,
    illustration: str = "",
) -> Exercise:
    """Add an exercise to the actor's clinic library (visible to that clinic only)."""
    slug = slugify(name)[:80]
    if not slug:
        raise ValidationError({"name": "Give the exercise a name with letters or digits."})
    taken = Exercise.objects.filter(slug=slug, clinic__isnull=True).exists() or (
        Exercise.objects.filter(slug=slug, clinic=actor.clinic).exists()
    )
    if taken:
        raise ValidationError({"name": "An exercise with this name is already in your library."})
    exercise = Exercise(
        clinic=actor.clinic,
        slug=slug,
        name=name.strip(),
        summary=summary.strip(),
        instructions=instructions.strip(),
        cautions=cautions.strip(),
        category=category,
        position=position,
        progression_order=progression_order,
        dosage_profile=dosage_profile,
        max_tier=max_tier,
        loads_flexion=loads_flexion,
        illustration=illustration,
    )
    exercise.full_clean()
    exercise.save()
    # Not a patient's record, so no patient on the audit row.
    audit_record(actor=actor, action=AuditLog.Action.CREATE, obj=exercise, summary=exercise.name)
    return exercise


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
