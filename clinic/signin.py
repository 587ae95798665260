"""Sign-in helpers shared by the web login and the API's token endpoint."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from redis.exceptions import RedisError

# Emails are at most 254 characters (RFC 5321); nothing longer can name an account.
USERNAME_MAX_LENGTH = 254


def normalise_username(value: object) -> str:
    """An email as accounts store it: trimmed, lower-case, never longer than an email can be."""
    return str(value or "").strip().lower()[:USERNAME_MAX_LENGTH]


def lockout_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The name django-axes counts failures under (AXES_USERNAME_CALLABLE).

    Normalised like the account's email, so "Ann@x.org" and "ann@x.org" share one lockout,
    and cut to the email limit, so a 300-character input is refused by the form instead of
    overflowing axes' 255-character column.
    """
    field = get_user_model().USERNAME_FIELD
    source = credentials if credentials else getattr(request, "POST", {})
    return normalise_username(source.get("username") or source.get(field))


def client_address(request: HttpRequest) -> str:
    """The client's address as django-axes resolved it (behind the configured proxies)."""
    return str(getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR") or "")


@dataclass(frozen=True)
class AddressLimit:
    """At most `limit` events of one kind per client address in a window of `seconds`, counted
    in the cache (fails open while the cache is down, like the API's throttles)."""

    kind: str
    limit: int
    seconds: int

    def _key(self, ident: str) -> str:
        window = int(time.time() // self.seconds)
        return f"address-limit:{self.kind}:{ident}:{window}"

    def reached(self, ident: str) -> bool:
        """Whether `ident` (an address, an email) used up its budget in this window."""
        from django.core.cache import cache

        try:
            count = cache.get(self._key(ident), 0)
        except (RedisError, OSError):
            return False
        return int(count or 0) >= self.limit

    def count(self, ident: str) -> None:
        """Count one event of `ident`."""
        from clinic.api.throttling import window_count

        window_count(self._key(ident), self.seconds + 1)


def signin_failures_per_address() -> AddressLimit:
    """Wrong passwords or codes from one address, whatever the accounts (on top of axes'
    per-account lockout): enough for a clinic behind one address, not for guessing."""
    return AddressLimit("signin-failure", settings.SIGNIN_ADDRESS_FAILURE_LIMIT, 15 * 60)


def password_resets_per_address() -> AddressLimit:
    return AddressLimit("password-reset", settings.PASSWORD_RESET_ADDRESS_LIMIT, 60 * 60)


def password_resets_per_account() -> AddressLimit:
    # Keyed by the email instead of an address: at most this many reset emails an hour.
    return AddressLimit("password-reset-account", settings.PASSWORD_RESET_ACCOUNT_LIMIT, 60 * 60)
