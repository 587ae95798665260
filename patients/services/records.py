"""Writes for patient records and assessments; each one is audited."""

import datetime
from collections.abc import Sequence
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.errors import StateConflict
from clinic.hooks import Hook
from clinic.models import AuditLog, Clinician, User
from clinic.services import Actor, audit_record, field_changes
from patients.clinical import red_flag_names, referral_for, tier_for
from patients.models import Assessment, Patient, default_language

# What a clinician may change on the record itself; severity, pain and red flags change only
# through a new assessment, so that history is never overwritten.
PATIENT_EDITABLE_FIELDS = (
    "external_id",
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "timezone",
    "language",
    "clinician",
    "condition",
    "region",
    "prone_tolerant",
)


# What other apps must do when an assessment is recorded, inside the same transaction: the
# programs app registers here (from its AppConfig.ready) to pause an active program on a red
# flag, so patients never imports programs and the pause cannot be lost to a crash between.
# Handlers are called as `handler(actor=, patient=, assessment=)`.
assessment_recorded = Hook()
assessment_handler_register = assessment_recorded.register

# Likewise for changes to the record itself (an update, the archiving): the dashboard's kept
# rows follow the patient's status and clinician in the same transaction. Handlers are called
# as `handler(actor=, patient=, changed=[field names])`.
record_changed = Hook()
record_handler_register = record_changed.register


class RecordArchived(StateConflict):
    """The patient is archived, so nothing of theirs may change (the API answers 409)."""


def ensure_changeable(patient: Patient) -> None:
    if patient.is_archived:
        raise RecordArchived(_("This patient is archived; archived records cannot be changed."))


@transaction.atomic
def patient_create(
    *,
    actor: Actor,
    first_name: str,
    last_name: str,
    date_of_birth: datetime.date,
    condition: str,
    region: str,
    injury_severity: str,
    pain_level: int,
    external_id: str = "",
    email: str = "",
    phone: str = "",
    timezone_name: str = "",
    language: str = "",
    clinician: User | None | Literal["actor"] = "actor",
    prone_tolerant: bool = True,
    red_flags: list[str] | tuple[str, ...] = (),
    notes: str = "",
) -> Patient:
    """Create a patient in the actor's clinic together with their first assessment.

    The responsible clinician is the acting clinician unless another (or None) is given.
    """
    if clinician == "actor":
        acting = actor.user
        in_clinic = (
            acting is not None
            and Clinician.objects.filter(user=acting, clinic=actor.clinic).exists()
        )
        clinician = acting if in_clinic else None
    patient = Patient(
        clinic=actor.clinic,
        external_id=external_id.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        date_of_birth=date_of_birth,
        email=email.strip().lower(),
        phone=phone.strip(),
        timezone=timezone_name or actor.clinic.timezone,
        language=language or default_language(),
        clinician=clinician,
        condition=condition,
        region=region,
        prone_tolerant=prone_tolerant,
    )
    # Every field's error at once: the record's and the first assessment's together.
    errors: dict[str, list[ValidationError]] = {}
    try:
        _validate_external_id_free(patient)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    try:
        # A taken external ID is reported above; its UNIQUE constraint would only repeat it.
        patient.full_clean(exclude=["latest_assessment"], validate_constraints=not errors)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    try:
        _assessment_build(actor, patient, injury_severity, pain_level, red_flags, notes).full_clean(
            exclude=["tier", "patient"]
        )
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    patient.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=patient,
        patient=patient,
        summary="Patient record created",
    )
    patient.latest_assessment = assessment_record(
        actor=actor,
        patient=patient,
        injury_severity=injury_severity,
        pain_level=pain_level,
        red_flags=red_flags,
        notes=notes,
    )
    return patient


def _validate_external_id_free(patient: Patient) -> None:
    # Checked here, not only by the UNIQUE constraint, so the message lands on the field.
    if not patient.external_id:
        return
    taken = Patient.objects.filter(
        clinic_id=patient.clinic_id, external_id__iexact=patient.external_id
    )
    if taken.exclude(pk=patient.pk).exists():
        raise ValidationError(
            {"external_id": "Another patient of this clinic already has this external ID."}
        )


@transaction.atomic
def patient_update(*, actor: Actor, patient: Patient, **changes: Any) -> Patient:
    """Change the record's own fields (not its clinical grading) and audit what changed."""
    unknown = set(changes) - set(PATIENT_EDITABLE_FIELDS)
    if unknown:
        names = ", ".join(sorted(unknown))
        raise ValidationError(_("These fields cannot be changed here: %s.") % names)
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    ensure_changeable(patient)
    before = {name: getattr(patient, name) for name in changes}
    # A related row (the clinician) is recorded by its id.
    audited = [
        (name, getattr(old, "pk", old), getattr(new, "pk", new))
        for name, old, new in field_changes(before, changes)
    ]
    changed = [name for name, _, _ in audited]
    if not changed:
        return patient
    for name in changed:
        setattr(patient, name, changes[name])
    _validate_external_id_free(patient)
    patient.full_clean()
    patient.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=patient,
        patient=patient,
        summary=f"Changed {', '.join(changed)}",
        changes=audited,
    )
    record_changed(actor=actor, patient=patient, changed=changed)
    return patient


@transaction.atomic
def patient_archive(*, actor: Actor, patient: Patient) -> Patient:
    """Archive a patient: hidden from lists and reminders, every row kept."""
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    ensure_changeable(patient)
    previous = patient.status
    patient.status = Patient.Status.ARCHIVED
    patient.archived_at = timezone.now()
    patient.full_clean()
    patient.save(update_fields=["status", "archived_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.ARCHIVE,
        obj=patient,
        patient=patient,
        summary="Patient archived",
        changes=[("status", previous, patient.status)],
    )
    record_changed(actor=actor, patient=patient, changed=["status", "archived_at"])
    return patient


def _assessment_build(
    actor: Actor,
    patient: Patient,
    injury_severity: str,
    pain_level: int,
    red_flags: Sequence[str],
    notes: str,
) -> Assessment:
    try:
        referral = referral_for(list(red_flags))
    except ValueError as exc:
        raise ValidationError({"red_flags": str(exc)}) from exc
    return Assessment(
        patient=patient,
        injury_severity=injury_severity,
        pain_level=pain_level,
        red_flags=list(referral.emergency + referral.urgent),
        notes=notes.strip(),
        assessed_by=actor.user,
    )


@transaction.atomic
def assessment_record(
    *,
    actor: Actor,
    patient: Patient,
    injury_severity: str,
    pain_level: int,
    red_flags: list[str] | tuple[str, ...] = (),
    notes: str = "",
) -> Assessment:
    """Record a (re)assessment and make it the patient's current grading."""
    # The row lock orders concurrent assessments, so `latest_assessment` is really the latest.
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    ensure_changeable(patient)
    previous = patient.latest_assessment
    assessment = _assessment_build(actor, patient, injury_severity, pain_level, red_flags, notes)
    assessment.full_clean(exclude=["tier"])
    referral = assessment.referral
    assessment.tier = tier_for(injury_severity, pain_level)
    assessment.referral_required = referral.required
    assessment.save()
    patient.latest_assessment = assessment
    patient.save(update_fields=["latest_assessment", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=assessment,
        patient=patient,
        summary=f"Assessment: {assessment.tier_reason}"
        + (f"; red flags: {red_flag_names(assessment.red_flags)}" if referral.required else ""),
        # Against the previous assessment: what the reassessment changed in the grading.
        changes=field_changes(
            {name: getattr(previous, name) for name in GRADING} if previous else {},
            {name: getattr(assessment, name) for name in GRADING},
        ),
    )
    assessment_recorded(actor=actor, patient=patient, assessment=assessment)
    return assessment


def patient_record_view(*, actor: Actor, patient: Patient, summary: str = "") -> None:
    """Audit that the actor opened a patient's record (or, per `summary`, a page of it)."""
    audit_record(
        actor=actor, action=AuditLog.Action.VIEW, obj=patient, patient=patient, summary=summary
    )


# The clinical grading: changing any of these records a new assessment.
ASSESSMENT_FIELDS = ("injury_severity", "pain_level", "red_flags")
# What an assessment's audit row lists as changed: the grading and what follows from it.
GRADING = (*ASSESSMENT_FIELDS, "tier", "referral_required")


@transaction.atomic
def patient_change(*, actor: Actor, patient: Patient, **changes: Any) -> Patient:
    """Change a record and, when severity, pain or red flags are given, reassess the patient.

    Record fields go through `patient_update`; the clinical ones make a new assessment with the
    others carried over from the latest one (history is never overwritten). All or nothing.
    """
    grading = {name: changes.pop(name) for name in ASSESSMENT_FIELDS if name in changes}
    ensure_changeable(patient)
    if changes:
        patient = patient_update(actor=actor, patient=patient, **changes)
    if grading:
        latest = patient.latest_assessment
        carried = {name: getattr(latest, name) for name in ASSESSMENT_FIELDS} if latest else {}
        missing = [name for name in ("injury_severity", "pain_level") if name not in carried]
        missing = [name for name in missing if name not in grading]
        if missing:
            raise ValidationError({name: "This field is required." for name in missing})
        patient.latest_assessment = assessment_record(
            actor=actor, patient=patient, **(carried | grading)
        )
    return patient


def patient_record_export(*, actor: Actor, patient: Patient, summary: str) -> None:
    """Audit that the actor exported a patient's record (e.g. as a FHIR bundle)."""
    audit_record(
        actor=actor, action=AuditLog.Action.EXPORT, obj=patient, patient=patient, summary=summary
    )
