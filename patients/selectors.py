"""Reads of patient records, always starting from the caller's clinic."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from clinic.models import AuditLog, Clinic
from patients.models import Assessment, Patient


def patient_list_for(
    *,
    clinic: Clinic,
    q: str = "",
    tier: str = "",
    condition: str = "",
    status: str = Patient.Status.ACTIVE,
    referral_required: bool | None = None,
) -> QuerySet[Patient]:
    """Patients of one clinic, filtered; archived ones only when asked for."""
    patients = Patient.objects.filter(clinic=clinic).select_related("latest_assessment")
    if status:
        patients = patients.filter(status=status)
    for term in q.split():
        patients = patients.filter(
            Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(external_id__iexact=term)
        )
    if tier:
        patients = patients.filter(latest_assessment__tier=tier)
    if condition:
        patients = patients.filter(condition=condition)
    if referral_required is not None:
        patients = patients.filter(latest_assessment__referral_required=referral_required)
    return patients


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


def portal_patient_for(*, user) -> Patient | None:
    """The patient record a portal user signs in as, or None for anyone else."""
    if not user.is_authenticated:
        return None
    return (
        Patient.objects.select_related("clinic", "latest_assessment")
        .filter(user=user, status=Patient.Status.ACTIVE)
        .first()
    )
