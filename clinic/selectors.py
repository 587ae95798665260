"""Reads about the signed-in user's place in a clinic and about API credentials."""

import datetime
import time
import zoneinfo
from typing import cast

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.models import (
    ApiKey,
    ApiToken,
    AuditLog,
    Clinic,
    Clinician,
    StaffInvitation,
    User,
    secret_hash,
)


def clinician_for(*, user: User) -> Clinician | None:
    """The user's clinician membership (with its clinic), or None for patients and staff.

    `two_factor_on` says whether they have a confirmed authenticator app, in the same query, so
    every page can enforce the code step without one more.
    """
    if not user.is_authenticated:
        return None
    confirmed_app = TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)
    try:
        return (
            Clinician.objects.select_related("clinic")
            .annotate(two_factor_on=Exists(confirmed_app))
            .get(user=user)
        )
    except Clinician.DoesNotExist:
        return None


def clinician_needs_code(clinician: Clinician) -> bool:
    """Whether a session of this clinician (from `clinician_for`) must have passed the code step."""
    return clinician.clinic.require_two_factor or bool(getattr(clinician, "two_factor_on", False))


# Bearer secret hash -> (monotonic deadline, credential). Per process: a revocation made in
# this process forgets the entry at once, other processes within API_CREDENTIAL_CACHE_SECONDS.
_credentials: dict[str, tuple[float, ApiToken | ApiKey]] = {}
_MAX_CACHED = 10_000


def api_credential_for(*, secret: str) -> ApiToken | ApiKey | None:
    """The usable (not revoked, not expired) token or key of a bearer secret, or None.

    A token comes with its user's clinician membership and clinic, a key with its clinic, so a
    request needs this one query to know who it is and for which clinic it acts. Found
    credentials are remembered for a few seconds: the lookup was a quarter of an API list
    request's cost (bench/api.py).
    """
    ttl = settings.API_CREDENTIAL_CACHE_SECONDS
    digest = secret_hash(secret)
    cached = _credentials.get(digest) if ttl else None
    if cached and cached[0] > time.monotonic() and _unexpired(cached[1]):
        return cached[1]
    credential = _credential_lookup(secret, digest)
    if ttl and credential is not None:
        if len(_credentials) >= _MAX_CACHED:
            _credentials.clear()
        _credentials[digest] = (time.monotonic() + ttl, credential)
    return credential


def api_credential_forget(*, key_hash: str) -> None:
    """Drop a revoked credential from this process's memory of recent ones."""
    _credentials.pop(key_hash, None)


def _unexpired(credential: ApiToken | ApiKey) -> bool:
    expires_at = getattr(credential, "expires_at", None)
    return expires_at is None or expires_at > timezone.now()


def _credential_lookup(secret: str, digest: str) -> ApiToken | ApiKey | None:
    # key_hash is unique: no ordering needed (it would only cost a sort on every request).
    credentials: QuerySet[ApiToken] | QuerySet[ApiKey]
    if secret.startswith(ApiToken.PREFIX):
        credentials = ApiToken.objects.select_related("user__clinician__clinic").filter(
            key_hash=digest,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
    elif secret.startswith(ApiKey.PREFIX):
        credentials = ApiKey.objects.select_related("clinic").filter(
            key_hash=digest, revoked_at__isnull=True
        )
    else:
        return None
    return cast(ApiToken | ApiKey | None, next(iter(credentials.order_by()[:1]), None))


def api_keys_for(*, clinic: Clinic) -> QuerySet[ApiKey]:
    """A clinic's API keys, usable ones first, with who created them."""
    return ApiKey.objects.filter(clinic=clinic).select_related("created_by")


def api_key_get_for(*, clinic: Clinic, key_id: int) -> ApiKey:
    """One API key of the clinic; another clinic's key is a 404, like a missing one."""
    return get_object_or_404(ApiKey, clinic=clinic, pk=key_id)


def api_tokens_for(*, user: User) -> QuerySet[ApiToken]:
    """The user's usable API tokens, newest first."""
    now = timezone.now()
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now)


def api_token_get_for(*, user: User, token_id: int) -> ApiToken:
    """One of the user's own API tokens; anyone else's is a 404, like a missing one."""
    return get_object_or_404(ApiToken, pk=token_id, user=user)


def backup_codes_left(*, user: User) -> int:
    """How many unused two-factor backup codes the user has."""
    from django_otp.plugins.otp_static.models import StaticToken

    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


def staff_for(*, clinic: Clinic) -> QuerySet[Clinician]:
    """The clinic's clinicians with their accounts and two-factor status, active ones first."""
    confirmed_app = TOTPDevice.objects.filter(user=OuterRef("user"), confirmed=True)
    return (
        Clinician.objects.filter(clinic=clinic)
        .select_related("user")
        .annotate(two_factor_on=Exists(confirmed_app))
        .order_by("-user__is_active", "user__full_name", "user__email")
    )


def staff_member_get_for(*, clinic: Clinic, clinician_id: int) -> Clinician:
    """One clinician of the clinic; another clinic's is a 404, like a missing one."""
    return get_object_or_404(
        Clinician.objects.select_related("user"), clinic=clinic, pk=clinician_id
    )


def staff_invitations_open_for(*, clinic: Clinic) -> QuerySet[StaffInvitation]:
    """The clinic's invitations not yet accepted, cancelled or expired."""
    return StaffInvitation.objects.filter(
        clinic=clinic, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def staff_invitation_get_for(*, clinic: Clinic, invitation_id: int) -> StaffInvitation:
    return get_object_or_404(StaffInvitation, clinic=clinic, pk=invitation_id)


def clinic_audit_rows_for(
    *,
    clinic: Clinic,
    actor_id: int | None = None,
    api_key_id: int | None = None,
    patient_id: int | None = None,
    action: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[AuditLog]:
    """The clinic's audit trail, newest first, narrowed by person or key, patient, action and
    dates (inclusive, in the clinic's time zone)."""
    rows = AuditLog.objects.filter(clinic=clinic).select_related("actor", "api_key", "patient")
    if actor_id is not None:
        rows = rows.filter(actor_id=actor_id)
    if api_key_id is not None:
        rows = rows.filter(api_key_id=api_key_id)
    if patient_id is not None:
        rows = rows.filter(patient_id=patient_id)
    if action:
        rows = rows.filter(action=action)
    zone = zoneinfo.ZoneInfo(clinic.timezone)
    if date_from is not None:
        start = datetime.datetime.combine(date_from, datetime.time.min, tzinfo=zone)
        rows = rows.filter(at__gte=start)
    if date_to is not None:
        end = datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min)
        rows = rows.filter(at__lt=end.replace(tzinfo=zone))
    return rows


def clinician_users_for(*, clinic: Clinic) -> QuerySet[User]:
    """The clinic's active clinicians as users, by name: whom a patient may be assigned to."""
    return User.objects.filter(clinician__clinic=clinic, is_active=True).order_by(
        "full_name", "email"
    )
