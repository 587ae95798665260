"""Request rates: per credential for clinic data, per client address for anonymous requests and,
more tightly, for token requests (on top of django-axes' per-account lockout).

Fixed one-minute (or one-second, -hour, -day) windows counted in the cache: one Redis round trip
per request whatever the rate, where DRF's sliding log reads and writes the whole list of recent
request times on every request.
"""

import logging
import time
from typing import Any

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from clinic.api.scope import client_ip
from clinic.models import ApiKey

DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# While the cache is down, requests are let through (throttling fails open: an outage of the
# counter must not become an outage of the API) and the cache is tried again after this long,
# so each process logs the outage once per pause instead of once per request.
CACHE_RETRY_SECONDS = 5.0

logger = logging.getLogger(__name__)
_cache_down_until = 0.0


def _redis_client(backend: RedisCache) -> Any:
    """The backend's Redis client, kept on the backend: building one per request costs more
    than the round trip it serves."""
    client = getattr(backend, "_throttle_client", None)
    if client is None:
        client = backend._cache.get_client(write=True)
        setattr(backend, "_throttle_client", client)  # noqa: B010 - our own slot on the backend
    return client


def _count(key: str, timeout: int) -> int:
    """Add one to a counter that expires with its window; returns the new count."""
    # `cache` is a proxy to this thread's backend; the test must be made on the backend itself.
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        # INCR and EXPIRE in one round trip; Django's add() and incr() would take three.
        full_key = backend.make_key(key)
        pipeline = _redis_client(backend).pipeline(transaction=False)
        pipeline.incr(full_key)
        pipeline.expire(full_key, timeout, nx=True)
        return pipeline.execute()[0]
    backend.add(key, 0, timeout)
    try:
        return backend.incr(key)
    except ValueError:  # expired between add and incr: a new window
        backend.add(key, 1, timeout)
        return 1


def window_count(key: str, timeout: int) -> int | None:
    """Add one to a counter that expires after `timeout` seconds; None while the cache is
    down (callers let the request through)."""
    return _count_or_none(key, timeout)


def _count_or_none(key: str, timeout: int) -> int | None:
    """`_count`, or None while the cache cannot be reached (the request is let through)."""
    global _cache_down_until
    now = time.monotonic()
    if now < _cache_down_until:
        return None
    try:
        return _count(key, timeout)
    except (RedisError, OSError) as exc:
        _cache_down_until = now + CACHE_RETRY_SECONDS
        logger.warning(
            "Rate limiting is off: the cache is unreachable (%s: %s); retrying in %.0f s.",
            type(exc).__name__,
            exc,
            CACHE_RETRY_SECONDS,
        )
        return None


class _WindowThrottle(BaseThrottle):
    scope = ""

    def ident(self, request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request, view) -> bool:
        # Read on each request, not at import time, so that overriding the settings takes effect.
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        ident = self.ident(request)
        if rate is None or ident is None:
            return True
        number, period = str(rate).split("/")
        duration = DURATIONS[period[0]]
        now = time.time()
        window = int(now // duration)
        count = _count_or_none(f"throttle:{self.scope}:{ident}:{window}", duration + 1)
        self._wait = (window + 1) * duration - now
        return count is None or count <= int(number)

    def wait(self) -> float:
        return self._wait


class CredentialRateThrottle(_WindowThrottle):
    """Each API key and each user (token or browser session) has its own budget."""

    scope = "api"

    def ident(self, request) -> str | None:
        if isinstance(request.auth, ApiKey):
            return f"key-{request.auth.pk}"
        if request.user.is_authenticated:
            return f"user-{request.user.pk}"
        return None


class AnonymousRateThrottle(_WindowThrottle):
    """Requests without credentials (schema, docs, token requests), per client address."""

    scope = "api_anonymous"

    def ident(self, request) -> str | None:
        if request.auth is not None or request.user.is_authenticated:
            return None
        return client_ip(request)


class TokenRequestRateThrottle(_WindowThrottle):
    """Token requests per client address, whatever the account: password guessing is slow."""

    scope = "api_token"

    def ident(self, request) -> str | None:
        return client_ip(request)
