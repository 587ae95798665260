"""The cache's Redis goes down: the API keeps answering (rate limiting fails open and says so
in the log), `/healthz` names the cache as down, and counting resumes when Redis is back."""

import logging

import pytest
import redis
from django.test import Client
from rest_framework.test import APIClient

from clinic.api import throttling
from tests.factories import api_token_for
from tests.faults.servers import ThrowawayRedis

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_server(tmp_path, settings, monkeypatch):
    """A throwaway Redis as the cache, and throttling that retries it at once (no pause)."""
    server = ThrowawayRedis(tmp_path).start()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    monkeypatch.setattr(throttling, "CACHE_RETRY_SECONDS", 0)
    monkeypatch.setattr(throttling, "_cache_down_until", 0.0)
    yield server
    server.stop()


def _throttle_keys(server: ThrowawayRedis) -> list[bytes]:
    return redis.Redis.from_url(server.url).keys("*throttle:api:*")


def test_api_answers_while_the_cache_is_down(cache_server, clinician, caplog):
    api = APIClient(raise_request_exception=False)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {api_token_for(clinician.user)}")
    assert api.get("/api/v1/patients/").status_code == 200
    assert len(_throttle_keys(cache_server)) == 1  # the request was counted

    cache_server.stop()
    with caplog.at_level(logging.WARNING, logger="clinic.api.throttling"):
        response = api.get("/api/v1/patients/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert any("Rate limiting is off" in r.getMessage() for r in caplog.records)

    health = Client().get("/healthz")
    assert health.status_code == 200
    assert health.json() == {
        "status": "degraded",
        "database": "ok",
        "broker": "ok",
        "cache": "down",
    }

    cache_server.start()
    assert api.get("/api/v1/patients/").status_code == 200
    assert len(_throttle_keys(cache_server)) == 1  # counting again, in the restarted Redis
    assert Client().get("/healthz").json()["cache"] == "ok"


def test_a_failed_count_pauses_the_cache_instead_of_trying_every_request(
    cache_server, clinician, monkeypatch, caplog
):
    monkeypatch.setattr(throttling, "CACHE_RETRY_SECONDS", 60)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {api_token_for(clinician.user)}")
    cache_server.stop()
    with caplog.at_level(logging.WARNING, logger="clinic.api.throttling"):
        for _ in range(3):
            assert api.get("/api/v1/patients/").status_code == 200
    # Logged once for the outage, not once per request.
    assert sum("Rate limiting is off" in r.getMessage() for r in caplog.records) == 1
