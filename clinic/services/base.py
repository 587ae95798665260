"""Writes for clinics, clinicians, API credentials and the audit log."""

import datetime
import functools
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.models import ApiKey, ApiToken, AuditLog, Clinic, Clinician, User, secret_hash
from clinic.selectors import api_credential_forget

API_TOKEN_LIFETIME = datetime.timedelta(hours=12)
# last_used_at is written at most this often per credential, not on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class Actor:
    """Who is acting, for which clinic, through which channel and from where: the audit's 'who'.

    An integration acts as its API key (`api_key`, no `user`), always through the API channel.
    """

    clinic: Clinic
    user: User | None
    channel: str = AuditLog.Channel.UI
    ip_address: str | None = None
    api_key: ApiKey | None = None

    @classmethod
    def from_request(cls, request: HttpRequest, *, clinic: Clinic) -> "Actor":
        # Behind the TLS proxy REMOTE_ADDR is the proxy; django-axes already resolved the
        # client's address with the configured proxy count.
        ip = getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR")
        user = request.user if isinstance(request.user, User) else None
        return cls(clinic=clinic, user=user, channel=AuditLog.Channel.UI, ip_address=ip)


# One changed value for the audit: (field, old, new).
FieldChange = tuple[str, Any, Any]


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldChange]:
    """(field, old, new) for each field of `after` whose value differs from `before`."""
    return [
        (name, before.get(name), value)
        for name, value in after.items()
        if before.get(name) != value
    ]


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    patient: Any = None,  # a patients.Patient: the ground floor does not import it
    summary: str = "",
    changes: Sequence[FieldChange] = (),
) -> AuditLog:
    """Append one audit row; callers run inside the transaction of the change they record.

    `summary` says what happened in words; `changes` lists each changed field with its old and
    new value, so the trail can be read, filtered and exported field by field.
    """
    row = AuditLog(
        clinic=actor.clinic,
        actor=actor.user,
        api_key=actor.api_key,
        channel=actor.channel,
        action=action,
        patient=patient,
        # The model's name alone ("Program"): it reads well and survives moving the model to
        # another app. Rows written before the apps were split carry "programs.Program".
        object_type=obj._meta.object_name or "",
        object_id=str(obj.pk),
        summary=summary[:255],
        changes=[{"field": field, "old": old, "new": new} for field, old, new in changes],
        ip_address=actor.ip_address,
    )
    # The related objects are ones the caller holds, and the action CHECK lives in the database:
    # skipping those lookups keeps an audited page view at one extra query.
    row.full_clean(exclude=["clinic", "actor", "patient", "api_key"], validate_constraints=False)
    row.save()
    return row


def audit_patients_shown(
    *, actor: Actor, patient_ids: Iterable[int], object_type: str, summary: str
) -> None:
    """Record that a list, a search or a dashboard showed these patients' data: one "view" row
    per patient, so that each patient's trail names the page (with its query in `summary`), in
    one INSERT; a page that showed nobody still leaves one row, without a patient."""
    shown = list(dict.fromkeys(patient_ids))  # each patient once, in the order shown
    common = {
        "clinic_id": actor.clinic.pk,
        "actor_id": actor.user.pk if actor.user else None,
        "api_key_id": actor.api_key.pk if actor.api_key else None,
        "channel": actor.channel,
        "action": AuditLog.Action.VIEW,
        "object_type": object_type[:64],
        "summary": summary[:255],
        "ip_address": actor.ip_address,
    }
    if shown and connection.vendor == "postgresql":
        _audit_rows_insert_pg(common, shown)
        return
    rows = [AuditLog(patient_id=pk, object_id=str(pk), **common) for pk in shown]
    AuditLog.objects.bulk_create(rows or [AuditLog(**common)])


def _audit_rows_insert_pg(common: dict[str, Any], patient_ids: list[int]) -> None:
    """The rows of audit_patients_shown as one INSERT ... SELECT over an array of ids.

    A list page audits up to 100 patients on every request: building model instances and a
    VALUES list of ~1,000 parameters took most of the API list's time (bench/api.py). Here the
    statement has a dozen parameters whatever the page size, and the ids keep their order.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _audit_rows_sql(tuple(common)), [*common.values(), timezone.now(), "[]", patient_ids]
        )


@functools.cache
def _audit_rows_sql(given_columns: tuple[str, ...]) -> str:
    """The statement of _audit_rows_insert_pg for these columns, built once per process: its
    text depends only on the model (building it took a third of the audit's time)."""
    given = [*given_columns, "at", "changes"]
    # Each value cast to its column's type: in a SELECT list PostgreSQL would read it as text.
    fields = {field.column: field for field in AuditLog._meta.concrete_fields}
    values = ", ".join(f"%s::{fields[column].db_type(connection)}" for column in given)
    # Table, columns and types come from the model, never from input; values are parameters.
    table, columns = AuditLog._meta.db_table, ", ".join(given)
    return (
        f"INSERT INTO {table} ({columns}, patient_id, object_id) "  # noqa: S608
        f"SELECT {values}, shown.id, shown.id::text "
        "FROM unnest(%s::bigint[]) WITH ORDINALITY AS shown(id, n) ORDER BY shown.n"
    )


@transaction.atomic
def clinician_create(
    *,
    clinic_name: str,
    email: str,
    password: str,
    full_name: str = "",
    is_clinic_admin: bool = False,
) -> Clinician:
    """Create a clinician (and the clinic, if no clinic has that name yet)."""
    email = User.objects.normalize_email(email.strip()).lower()
    clinic_name = clinic_name.strip()
    if not clinic_name:
        raise ValidationError({"clinic": _("A clinic name is required.")})
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": f"A user with the email {email} already exists."})
    user = User(email=email, full_name=full_name.strip())
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    clinic = Clinic.objects.filter(name__iexact=clinic_name).first()
    if clinic is None:
        clinic = Clinic(name=clinic_name)
        clinic.full_clean()
        clinic.save()
    clinician = Clinician(user=user, clinic=clinic, is_clinic_admin=is_clinic_admin)
    clinician.full_clean()
    clinician.save()
    return clinician


def _new_secret(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


@transaction.atomic
def api_token_create(*, user: User) -> tuple[ApiToken, str]:
    """Issue an expiring API token to a user; returns the row and the secret (never stored)."""
    secret = _new_secret(ApiToken.PREFIX)
    now = timezone.now()
    token = ApiToken(
        user=user,
        key_hash=secret_hash(secret),
        created_at=now,
        expires_at=now + API_TOKEN_LIFETIME,
    )
    token.full_clean(exclude=["user"])
    token.save()
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token at once; revoking twice changes nothing."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    api_credential_forget(key_hash=token.key_hash)
    return token


@transaction.atomic
def api_key_create(*, actor: Actor, name: str, role: str) -> tuple[ApiKey, str]:
    """Create a clinic API key; returns the row and the secret, which is shown once only."""
    secret = _new_secret(ApiKey.PREFIX)
    key = ApiKey(
        clinic=actor.clinic,
        name=name.strip(),
        role=role,
        prefix=secret[: ApiKey.SHOWN_PREFIX_LENGTH],
        key_hash=secret_hash(secret),
        created_by=actor.user,
    )
    key.full_clean(exclude=["clinic", "created_by"])
    key.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=key,
        summary=f"API key “{key.name}” ({key.prefix}…) created with role {key.role}",
    )
    return key, secret


@transaction.atomic
def api_key_revoke(*, actor: Actor, key: ApiKey) -> ApiKey:
    """Revoke a clinic API key: requests with it are refused from now on."""
    key = ApiKey.objects.select_for_update().get(pk=key.pk, clinic=actor.clinic)
    if key.revoked_at is not None:
        return key
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    transaction.on_commit(lambda: api_credential_forget(key_hash=key.key_hash))
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=key,
        summary=f"API key “{key.name}” ({key.prefix}…) revoked",
        changes=[("revoked_at", None, key.revoked_at)],
    )
    return key


def api_credential_touch(*, credential: ApiToken | ApiKey) -> None:
    """Record that a token or key was used, at most once a minute (not a write per request)."""
    now = timezone.now()
    if credential.last_used_at and now - credential.last_used_at < LAST_USED_RESOLUTION:
        return
    type(credential).objects.filter(pk=credential.pk).update(last_used_at=now)
    credential.last_used_at = now
