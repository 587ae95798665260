"""Writes for clinics, clinicians, accounts, API credentials and the audit log."""

from clinic.services.base import (
    API_TOKEN_LIFETIME,
    LAST_USED_RESOLUTION,
    Actor,
    FieldChange,
    api_credential_touch,
    api_key_create,
    api_key_revoke,
    api_token_create,
    api_token_revoke,
    audit_patients_shown,
    audit_record,
    clinician_create,
    field_changes,
)
from clinic.services.details import clinic_details_update
from clinic.services.sessions import api_tokens_revoke_all, user_password_set, user_sessions_end

__all__ = [
    "API_TOKEN_LIFETIME",
    "LAST_USED_RESOLUTION",
    "Actor",
    "FieldChange",
    "api_credential_touch",
    "api_key_create",
    "api_key_revoke",
    "api_token_create",
    "api_token_revoke",
    "api_tokens_revoke_all",
    "audit_patients_shown",
    "audit_record",
    "clinic_details_update",
    "clinician_create",
    "field_changes",
    "user_password_set",
    "user_sessions_end",
]
