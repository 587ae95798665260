"""`GET /healthz` for load balancers: is the database answering, is the broker reachable?"""

from pathlib import Path

from django.conf import settings
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
        folders = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        return all(Path(folders[key]).is_dir() for key in ("data_folder_in", "control_folder"))
    try:
        # A connection of its own: the app's pool would keep serving a stale broker.
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            **{name: "ok" if ok else "down" for name, ok in checks.items()},
        },
        status=200 if healthy else 503,
    )
