"""Reads of patient records, always starting from the caller's clinic."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from clinic.models import AuditLog, Clinic, User
from patients.models import Assessment, Patient


def patients_of(*, clinic: Clinic) -> QuerySet[Patient]:
    """Every patient of one clinic, archived ones too, by name: the lists filter this through
    patients.filters.PatientFilterSet, which lists active patients unless asked otherwise."""
    return Patient.objects.filter(clinic=clinic).select_related("latest_assessment")


def patient_get_for(*, clinic: Clinic, patient_id: int) -> Patient:
    """One patient of the clinic; another clinic's patient is a 404, exactly like a missing one."""
    return get_object_or_404(
        Patient.objects.select_related("latest_assessment", "clinic"),
        clinic=clinic,
        pk=patient_id,
    )


def assessment_history_for(*, patient: Patient) -> QuerySet[Assessment]:
    """A patient's assessments, newest first, with who made them."""
    return patient.assessments.select_related("assessed_by")


def audit_rows_for(*, patient: Patient) -> QuerySet[AuditLog]:
    """The audit trail of one patient, newest first."""
    return AuditLog.objects.filter(clinic_id=patient.clinic_id, patient=patient).select_related(
        "actor", "api_key"
    )


def portal_patient_for(*, user: User | AnonymousUser) -> Patient | None:
    """The patient record a portal user signs in as, or None for anyone else."""
    if not user.is_authenticated:
        return None
    return (
        Patient.objects.select_related("clinic", "latest_assessment")
        .filter(user=user, status=Patient.Status.ACTIVE)
        .first()
    )
