"""Who an API request acts as, and for which clinic: every API read and write starts here."""

from dataclasses import dataclass
from typing import cast

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from rest_framework.request import Request

from clinic.models import ApiKey, ApiToken, AuditLog, Clinic
from clinic.selectors import clinician_for, clinician_needs_code
from clinic.services import Actor

_UNRESOLVED = object()


@dataclass(frozen=True)
class ApiScope:
    """The clinic a request may see, the audit identity it acts as, and whether it may write."""

    clinic: Clinic
    actor: Actor
    can_write: bool


def client_ip(request: Request) -> str | None:
    """The client's address: behind N trusted proxies, the N-th address from the right of
    X-Forwarded-For (the same proxy count django-axes uses); otherwise REMOTE_ADDR."""
    proxies = settings.AXES_IPWARE_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def api_scope_for(request: Request) -> ApiScope | None:
    """The request's scope, or None when its credentials give no access to clinic data
    (anonymous, or a user who is not a clinician, such as a portal patient)."""
    cached = getattr(request, "_backstrong_scope", _UNRESOLVED)
    if cached is not _UNRESOLVED:
        return cast(ApiScope | None, cached)
    scope = _resolve(request)
    setattr(request, "_backstrong_scope", scope)  # noqa: B010 - remembered for this request
    return scope


def _resolve(request: Request) -> ApiScope | None:
    credential = request.auth
    ip_address = client_ip(request)
    if isinstance(credential, ApiKey):
        actor = Actor(
            clinic=credential.clinic,
            user=None,
            channel=AuditLog.Channel.API,
            ip_address=ip_address,
            api_key=credential,
        )
        return ApiScope(clinic=credential.clinic, actor=actor, can_write=credential.can_write)
    user = request.user
    if not user.is_authenticated:
        return None
    if isinstance(credential, ApiToken):
        # The token lookup already joined the clinician and the clinic.
        try:
            clinician = user.clinician
        except ObjectDoesNotExist:
            clinician = None
    else:
        clinician = clinician_for(user=user)
        # A browser session of a two-factor account counts only once it passed the code step.
        verified = getattr(request._request.user, "is_verified", None)
        if clinician is not None and clinician_needs_code(clinician):
            if not (verified and verified()):
                return None
    if clinician is None:
        return None
    actor = Actor(
        clinic=clinician.clinic, user=user, channel=AuditLog.Channel.API, ip_address=ip_address
    )
    return ApiScope(clinic=clinician.clinic, actor=actor, can_write=True)
