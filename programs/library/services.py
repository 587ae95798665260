"""Writes for the exercise library: a clinic adds its own exercises."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from programs.library.models import Exercise


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
    min_hold_seconds: int = 0,
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
        min_hold_seconds=min_hold_seconds,
        illustration=illustration,
    )
    exercise.full_clean()
    exercise.save()
    # Not a patient's record, so no patient on the audit row.
    audit_record(actor=actor, action=AuditLog.Action.CREATE, obj=exercise, summary=exercise.name)
    return exercise
