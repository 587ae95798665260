"""`GET /healthz` for load balancers and monitoring: which backing services answer.

Only the database is vital: without it nothing can be served, so the answer is 503 and the load
balancer takes the instance out. The broker and the cache can be down while the app keeps
serving (emails wait in the outbox, rate limiting fails open), so their outage answers 200 with
`"status": "degraded"` and names the part that is down, for monitoring to alert on.
"""

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "down" to a load balancer
        return False


def _broker_ok() -> bool:
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        folders: dict[str, Any] = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        return all(Path(folders[key]).is_dir() for key in ("data_folder_in", "control_folder"))
    try:
        # A connection of its own: the app's pool would keep serving a stale broker.
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


def _cache_ok() -> bool:
    # A value of this request's own: a stale one left by another probe proves nothing.
    probe = uuid.uuid4().hex
    try:
        cache.set("healthz", probe, timeout=10)
        return cache.get("healthz") == probe
    except Exception:
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok(), "broker": _broker_ok(), "cache": _cache_ok()}
    if not checks["database"]:
        state = "unavailable"
    elif all(checks.values()):
        state = "ok"
    else:
        state = "degraded"
    return JsonResponse(
        {"status": state, **{name: "ok" if ok else "down" for name, ok in checks.items()}},
        status=503 if state == "unavailable" else 200,
    )
