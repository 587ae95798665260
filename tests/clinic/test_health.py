"""`/healthz` tells a load balancer whether the database and the broker answer."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_healthy_when_database_and_broker_answer():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_unavailable_when_the_broker_is_down():
    # Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    with override_settings(CELERY_BROKER_URL="redis://127.0.0.1:9/0"):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == "down"
    assert response.json()["database"] == "ok"


def test_unavailable_when_the_database_is_down(monkeypatch):
    from config import health

    monkeypatch.setattr(health, "_database_ok", lambda: False)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_filesystem_broker_is_healthy_when_its_folders_exist(tmp_path, settings):
    folders = {"data_folder_in": tmp_path / "in", "control_folder": tmp_path / "control"}
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {k: str(v) for k, v in folders.items()}
    assert Client().get("/healthz").status_code == 503
    for folder in folders.values():
        folder.mkdir()
    assert Client().get("/healthz").status_code == 200
