"""Reads about the signed-in user's place in a clinic and about API credentials."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clinic.models import ApiKey, ApiToken, Clinic, Clinician, User, secret_hash


def clinician_for(*, user: User) -> Clinician | None:
    """The user's clinician membership (with its clinic), or None for patients and staff."""
    if not user.is_authenticated:
        return None
    try:
        return Clinician.objects.select_related("clinic").get(user=user)
    except Clinician.DoesNotExist:
        return None


def api_credential_for(*, secret: str) -> ApiToken | ApiKey | None:
    """The usable (not revoked, not expired) token or key of a bearer secret, or None.

    A token comes with its user's clinician membership and clinic, a key with its clinic, so a
    request needs this one query to know who it is and for which clinic it acts.
    """
    # key_hash is unique: no ordering needed (it would only cost a sort on every request).
    if secret.startswith(ApiToken.PREFIX):
        credentials = ApiToken.objects.select_related("user__clinician__clinic").filter(
            key_hash=secret_hash(secret),
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
    elif secret.startswith(ApiKey.PREFIX):
        credentials = ApiKey.objects.select_related("clinic").filter(
            key_hash=secret_hash(secret), revoked_at__isnull=True
        )
    else:
        return None
    return next(iter(credentials.order_by()[:1]), None)


def api_keys_for(*, clinic: Clinic) -> QuerySet[ApiKey]:
    """A clinic's API keys, usable ones first, with who created them."""
    return ApiKey.objects.filter(clinic=clinic).select_related("created_by")


def api_key_get_for(*, clinic: Clinic, key_id: int) -> ApiKey:
    """One API key of the clinic; another clinic's key is a 404, like a missing one."""
    return get_object_or_404(ApiKey, clinic=clinic, pk=key_id)
