"""Writes for patient records, assessments and portal invitations; each one is audited."""

from patients.services.invitations import (
    INVITATION_SALT,
    portal_invitation_accept,
    portal_invitation_for_token,
    portal_invitation_send,
    portal_invitation_token,
)
from patients.services.records import (
    ASSESSMENT_FIELDS,
    GRADING,
    PATIENT_EDITABLE_FIELDS,
    RecordArchived,
    assessment_handler_register,
    assessment_record,
    patient_archive,
    patient_change,
    patient_create,
    patient_record_export,
    patient_record_view,
    patient_update,
    record_handler_register,
)

__all__ = [
    "ASSESSMENT_FIELDS",
    "GRADING",
    "INVITATION_SALT",
    "PATIENT_EDITABLE_FIELDS",
    "RecordArchived",
    "assessment_handler_register",
    "assessment_record",
    "patient_archive",
    "patient_change",
    "patient_create",
    "patient_record_export",
    "patient_record_view",
    "patient_update",
    "portal_invitation_accept",
    "portal_invitation_for_token",
    "portal_invitation_send",
    "portal_invitation_token",
    "record_handler_register",
]
