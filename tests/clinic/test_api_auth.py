"""API authentication: tokens, clinic API keys, browser sessions, deny by default, throttling."""

import datetime

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from clinic.models import ApiKey, ApiToken, AuditLog, secret_hash
from patients.models import Patient
from tests.conftest import bearer
from tests.factories import (
    TEST_PASSWORD,
    ClinicFactory,
    PatientFactory,
    api_key_for,
    api_token_for,
    portal_client_for,
)

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
PATIENTS_URL = "/api/v1/patients/"
NEW_PATIENT = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "date_of_birth": "1985-12-10",
    "condition": "muscle_strain",
    "region": "lower_back",
    "injury_severity": "mild",
    "pain_level": 3,
}


def _ask_token(email, password, client=None):
    return (client or APIClient()).post(TOKEN_URL, {"email": email, "password": password})


def test_token_for_email_and_password(clinician, patient):
    response = _ask_token(clinician.user.email, TEST_PASSWORD)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "expires_at"}
    assert body["token"].startswith("bst_")
    expires = datetime.datetime.fromisoformat(body["expires_at"])
    assert datetime.timedelta(hours=11) < expires - timezone.now() <= datetime.timedelta(hours=12)
    # Only the hash is stored.
    stored = ApiToken.objects.get(user=clinician.user)
    assert stored.key_hash == secret_hash(body["token"]) != body["token"]
    listed = bearer(body["token"]).get(PATIENTS_URL)
    assert listed.status_code == 200
    assert listed.json()["results"][0]["id"] == patient.pk


def test_token_email_is_case_insensitive(clinician):
    assert _ask_token(clinician.user.email.upper(), TEST_PASSWORD).status_code == 201


@pytest.mark.parametrize(
    ("email", "password"), [("nobody@example.com", TEST_PASSWORD), (None, "wrong-password")]
)
def test_bad_credentials_are_400_with_a_clear_message(clinician, email, password):
    response = _ask_token(email or clinician.user.email, password)
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Unable to sign in with this email and password."]
    }
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": TEST_PASSWORD}, "email"),
        ({"email": "a@example.com"}, "password"),
        ({"email": "not-an-email", "password": "x"}, "email"),
        ({"email": "a@example.com", "password": "x", "remember": True}, "remember"),
    ],
)
def test_token_request_validation(clinician, body, field):
    response = APIClient().post(TOKEN_URL, body)
    assert response.status_code == 400
    assert field in response.json()


def test_token_request_ignores_a_stale_authorization_header(clinician):
    response = _ask_token(clinician.user.email, TEST_PASSWORD, client=bearer("bst_expired"))
    assert response.status_code == 201


def test_portal_patient_gets_no_token(patient):
    portal_client_for(patient)
    response = _ask_token(patient.user.email, TEST_PASSWORD)
    assert response.status_code == 403
    assert "clinicians" in response.json()["detail"]


def test_portal_patient_session_gets_403_not_data(patient):
    client = portal_client_for(patient)
    for url in (PATIENTS_URL, f"/api/v1/patients/{patient.pk}/", "/api/v1/exercises/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert patient.last_name not in response.content.decode()


def test_token_requests_respect_the_account_lockout(clinician):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _ask_token(clinician.user.email, "wrong").status_code == 400
    locked = _ask_token(clinician.user.email, "wrong")
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert int(locked["Retry-After"]) == 15 * 60
    again = _ask_token(clinician.user.email, TEST_PASSWORD)
    assert again.status_code == 429
    assert not ApiToken.objects.exists()


def test_a_token_request_is_a_sign_in(clinician):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _ask_token(clinician.user.email, "wrong")
    assert _ask_token(clinician.user.email, TEST_PASSWORD).status_code == 201
    clinician.user.refresh_from_db()
    assert clinician.user.last_login is not None
    # The success cleared the failures: one more does not lock the account.
    assert _ask_token(clinician.user.email, "wrong").status_code == 400


def test_revoking_the_presented_token(clinician):
    secret = api_token_for(clinician.user)
    client = bearer(secret)
    assert client.delete(TOKEN_URL).status_code == 204
    assert ApiToken.objects.get().revoked_at is not None
    refused = client.get(PATIENTS_URL)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "The token or API key is invalid, expired or revoked."


def test_revoking_needs_a_token(clinic, write_key_api):
    assert APIClient().delete(TOKEN_URL).status_code == 401
    response = write_key_api.delete(TOKEN_URL)
    assert response.status_code == 403
    assert ApiKey.objects.get().revoked_at is None


def test_expired_token_is_401(clinician):
    secret = api_token_for(clinician.user)
    now = timezone.now()
    ApiToken.objects.update(
        created_at=now - datetime.timedelta(hours=13), expires_at=now - datetime.timedelta(hours=1)
    )
    assert bearer(secret).get(PATIENTS_URL).status_code == 401


def test_inactive_user_token_is_401(clinician):
    secret = api_token_for(clinician.user)
    clinician.user.is_active = False
    clinician.user.save()
    assert bearer(secret).get(PATIENTS_URL).status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer a b",
        "Bearer bst_nothing",
        "Bearer bsk_nothing",
        "Bearer xyz",
        "Basic eA==",
    ],
)
def test_bad_credentials_are_401_with_bearer_challenge(clinic, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get(PATIENTS_URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_no_credentials_is_401_with_bearer_challenge(db):
    response = APIClient().get(PATIENTS_URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_last_used_is_written_at_most_once_a_minute(clinician):
    secret = api_token_for(clinician.user)
    client = bearer(secret)
    client.get(PATIENTS_URL)
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    client.get(PATIENTS_URL)
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=timezone.now() - datetime.timedelta(minutes=2))
    client.get(PATIENTS_URL)
    assert ApiToken.objects.get().last_used_at > first


def test_api_key_reads_and_writes_in_its_clinic_only(clinic, patient, write_key, write_key_api):
    key, _ = write_key
    assert write_key_api.get(f"/api/v1/patients/{patient.pk}/").status_code == 200
    created = write_key_api.post(PATIENTS_URL, NEW_PATIENT)
    assert created.status_code == 201
    assert Patient.objects.get(pk=created.json()["id"]).clinic == clinic
    rows = AuditLog.objects.filter(api_key=key)
    assert {row.action for row in rows} == {"view", "create"}
    assert all(row.actor is None and row.channel == "api" for row in rows)
    assert all(row.who.startswith("API key “Practice EHR”") for row in rows)
    theirs = PatientFactory(clinic=ClinicFactory())
    assert write_key_api.get(f"/api/v1/patients/{theirs.pk}/").status_code == 404
    ApiKey.objects.update(last_used_at=None)


def test_read_key_cannot_write(clinic, patient, read_key_api):
    assert read_key_api.get(PATIENTS_URL).status_code == 200
    refused = read_key_api.post(PATIENTS_URL, NEW_PATIENT)
    assert refused.status_code == 403
    assert "read" in refused.json()["detail"]
    assert read_key_api.delete(f"/api/v1/patients/{patient.pk}/").status_code == 403
    assert Patient.objects.count() == 1 and Patient.objects.get().status == "active"


def test_revoked_key_is_401(clinic, write_key, write_key_api):
    ApiKey.objects.update(revoked_at=timezone.now())
    assert write_key_api.get(PATIENTS_URL).status_code == 401


def test_clinician_token_writes_are_audited_as_api(api, clinician):
    created = api.post(PATIENTS_URL, NEW_PATIENT)
    assert created.status_code == 201
    row = AuditLog.objects.filter(action="create", object_type="Patient").get()
    assert (row.actor, row.channel, row.api_key) == (clinician.user, "api", None)
    assert row.ip_address == "127.0.0.1"


def test_browser_session_works_with_csrf(clinician):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clinician.user)
    assert client.get(PATIENTS_URL).status_code == 200
    refused = client.post(PATIENTS_URL, NEW_PATIENT, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    client.get(reverse("login"))  # sets the CSRF cookie
    created = client.post(
        PATIENTS_URL,
        NEW_PATIENT,
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )
    assert created.status_code == 201


def _rates(**rates):
    return override_settings(
        REST_FRAMEWORK={
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {
                **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
                **rates,
            },
        }
    )


def test_requests_are_throttled_with_retry_after(api):
    with _rates(api="2/min"):
        assert api.get(PATIENTS_URL).status_code == 200
        assert api.get(PATIENTS_URL).status_code == 200
        throttled = api.get(PATIENTS_URL)
    assert throttled.status_code == 429
    assert 0 < int(throttled["Retry-After"]) <= 60
    assert "throttled" in throttled.json()["detail"].lower()


def test_each_credential_has_its_own_budget(api, clinic, write_key_api):
    with _rates(api="1/min"):
        assert api.get(PATIENTS_URL).status_code == 200
        assert api.get(PATIENTS_URL).status_code == 429
        assert write_key_api.get(PATIENTS_URL).status_code == 200


def test_rates_are_counted_in_redis_with_one_round_trip_and_expire(api, clinician):
    from unittest import mock

    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    from clinic.api import throttling

    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        pytest.skip("the cache is not Redis here (CI always has it)")
    with mock.patch.object(throttling, "_redis_client", wraps=throttling._redis_client) as spy:
        assert api.get(PATIENTS_URL).status_code == 200
        assert api.get(PATIENTS_URL).status_code == 200
    assert spy.call_count == 2  # the pipeline, not Django's add() and incr()
    redis = throttling._redis_client(backend)
    (key,) = redis.keys(backend.make_key(f"throttle:api:user-{clinician.user.pk}:*"))
    assert int(redis.get(key)) == 2
    assert 0 < redis.ttl(key) <= 61


def test_token_requests_are_throttled_per_address(clinician):
    with _rates(api_token="2/min"):
        _ask_token("a@example.com", "x")
        _ask_token("b@example.com", "x")
        throttled = _ask_token(clinician.user.email, TEST_PASSWORD)
    assert throttled.status_code == 429
    assert "Retry-After" in throttled


def test_oversized_body_is_413(api):
    body = {**NEW_PATIENT, "first_name": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = api.post(PATIENTS_URL, body)
    assert response.status_code == 413
    assert not Patient.objects.exists()


def test_body_that_is_not_json_is_400_or_415(api):
    assert api.post(PATIENTS_URL, "{not json", content_type="application/json").status_code == 400
    assert api.post(PATIENTS_URL, "[" * 100_000, content_type="application/json").status_code == 400
    assert api.post(PATIENTS_URL, "a=b", content_type="text/plain").status_code == 415
    assert api.post(PATIENTS_URL, [1, 2], format="json").status_code == 400


def test_api_key_made_by_another_clinic_sees_nothing_here(patient):
    _, secret = api_key_for(ClinicFactory(), role="read")
    response = bearer(secret).get(PATIENTS_URL)
    assert response.status_code == 200
    assert response.json()["count"] == 0


class TestCredentialMemory:
    """Verified credentials are remembered for API_CREDENTIAL_CACHE_SECONDS per process."""

    @pytest.fixture(autouse=True)
    def _remember(self, settings):
        from clinic import selectors

        settings.API_CREDENTIAL_CACHE_SECONDS = 10
        selectors._credentials.clear()
        yield
        selectors._credentials.clear()

    def test_revoking_in_this_process_takes_effect_at_once(
        self, write_key, actor, django_capture_on_commit_callbacks
    ):
        from clinic.services import api_key_revoke

        key, secret = write_key
        client = bearer(secret)
        assert client.get("/api/v1/exercises/").status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            api_key_revoke(actor=actor, key=key)
        assert client.get("/api/v1/exercises/").status_code == 401

    def test_another_processs_revocation_reaches_this_one_within_the_ttl(
        self, write_key, monkeypatch
    ):
        import time

        from clinic.models import ApiKey

        key, secret = write_key
        client = bearer(secret)
        assert client.get("/api/v1/exercises/").status_code == 200
        ApiKey.objects.filter(pk=key.pk).update(revoked_at=timezone.now())  # elsewhere
        assert client.get("/api/v1/exercises/").status_code == 200  # still remembered
        later = time.monotonic() + 11
        monkeypatch.setattr("clinic.selectors.time.monotonic", lambda: later)
        assert client.get("/api/v1/exercises/").status_code == 401

    def test_an_expired_token_is_refused_even_when_remembered(self, api, clinician):
        from clinic.models import ApiToken

        assert api.get("/api/v1/exercises/").status_code == 200
        ApiToken.objects.filter(user=clinician.user).update(expires_at=timezone.now())
        from clinic import selectors

        for _, credential in selectors._credentials.values():
            credential.expires_at = timezone.now()
        assert api.get("/api/v1/exercises/").status_code == 401
