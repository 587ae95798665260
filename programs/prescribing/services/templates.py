"""Writes for clinic templates: save a program as a template, apply one to another patient."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.clinical import tier_label_untranslated
from patients.models import Patient
from programs.library.dosage import exclusion_reason, rescale, with_min_hold
from programs.prescribing.models import Program, ProgramTemplate, TemplateItem
from programs.prescribing.services.base import (
    ProgramConflict,
    audit_program,
    create_items,
    current_assessment,
    lock_patient,
    patient_profile,
)


@transaction.atomic
def program_template_save(*, actor: Actor, program: Program, name: str) -> ProgramTemplate:
    """Save a program's exercises and dosages as a clinic template."""
    name = name.strip()
    if ProgramTemplate.objects.filter(clinic=actor.clinic, name__iexact=name).exists():
        raise ValidationError({"name": _("Your clinic already has a template with this name.")})
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
    # A new clinic template made from the program: a creation, linked to the patient whose
    # program it copies (the template itself holds no patient data).
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=template,
        patient=program.patient,
        summary=f"Template “{name}” made from program {program.pk}",
        changes=[("name", None, name), ("tier", None, template.tier)],
    )
    return template


@transaction.atomic
def program_template_apply(
    *, actor: Actor, template: ProgramTemplate, patient: Patient
) -> tuple[Program, list[str]]:
    """Draft a program from a template, re-scaling dosages to the patient's tier.

    Returns the draft and the template's exercises left out for this patient, with why.
    """
    patient = lock_patient(patient.pk)
    assessment = current_assessment(patient)
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
        rows.append((exercise, with_min_hold(dosage, exercise.spec), item.notes))
    if not rows:
        raise ProgramConflict(
            _("None of the template's exercises suits this patient: %(exercises)s")
            % {"exercises": "; ".join(skipped)}
        )
    program = Program(
        patient=patient, tier=assessment.tier, assessment=assessment, created_by=actor.user
    )
    program.full_clean()
    program.save()
    create_items(program, rows)
    audit_program(
        actor,
        AuditLog.Action.CREATE,
        program,
        f"Draft from template “{template.name}” at tier {tier_label_untranslated(assessment.tier)}",
    )
    return program, skipped
