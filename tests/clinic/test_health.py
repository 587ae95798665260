"""`/healthz` tells a load balancer whether the app can serve (the database answers), and
monitoring which backing service is down (broker, cache)."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_healthy_when_database_broker_and_cache_answer():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok", "cache": "ok"}


def test_degraded_but_serving_when_the_broker_is_down():
    # Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    with override_settings(CELERY_BROKER_URL="redis://127.0.0.1:9/0"):
        response = Client().get("/healthz")
    # The outbox keeps emails until the broker is back: the instance still serves.
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "broker": "down",
        "cache": "ok",
    }


def test_degraded_but_serving_when_the_cache_is_down():
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    with override_settings(CACHES=unreachable):
        response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "down"


def test_unavailable_when_the_database_is_down(monkeypatch):
    from config import health

    monkeypatch.setattr(health, "_database_ok", lambda: False)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "down"


def test_filesystem_broker_is_healthy_when_its_folders_exist(tmp_path, settings):
    folders = {"data_folder_in": tmp_path / "in", "control_folder": tmp_path / "control"}
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {k: str(v) for k, v in folders.items()}
    assert Client().get("/healthz").json()["broker"] == "down"
    for folder in folders.values():
        folder.mkdir()
    assert Client().get("/healthz").json()["broker"] == "ok"
