"""Writes of what the clinic tells its patients."""

from django.db import transaction

from clinic.models import AuditLog, Clinic
from clinic.services.base import Actor, audit_record, field_changes


@transaction.atomic
def clinic_details_update(*, actor: Actor, phone: str) -> Clinic:
    """Change what the clinic tells its patients (the phone on handouts); audited field by field."""
    clinic = Clinic.objects.select_for_update().get(pk=actor.clinic.pk)
    changes = field_changes({"phone": clinic.phone}, {"phone": phone.strip()})
    if changes:
        clinic.phone = phone.strip()
        clinic.full_clean()
        clinic.save(update_fields=["phone"])
        audit_record(
            actor=actor,
            action=AuditLog.Action.CHANGE,
            obj=clinic,
            summary="Clinic details",
            changes=changes,
        )
    return clinic
