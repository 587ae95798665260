"""Failures answer as their audience expects: JSON for every API error (5xx included), a plain
503 with Retry-After while the database is unreachable, and a form error for any login input."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import TEST_PASSWORD, api_token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(clinician) -> APIClient:
    # Errors are answered, not re-raised into the test: the client sees what a user would.
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_token_for(clinician.user)}")
    return client


def _break_patient_list(monkeypatch, exception: Exception) -> None:
    def broken(**kwargs):
        raise exception

    monkeypatch.setattr("patients.api.views.patients_of", broken)


def test_an_unexpected_api_error_answers_json_500(api, monkeypatch):
    _break_patient_list(monkeypatch, RuntimeError("a bug"))
    response = api.get("/api/v1/patients/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "logged" in response.json()["detail"]


@pytest.mark.parametrize(
    "exception",
    [
        OperationalError("connection to server at 127.0.0.1 failed: Connection refused"),
        InterfaceError("connection already closed"),
    ],
)
def test_the_api_answers_503_json_with_retry_after_while_the_database_is_down(
    api, monkeypatch, exception
):
    _break_patient_list(monkeypatch, exception)
    response = api.get("/api/v1/patients/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30"
    assert "unavailable" in response.json()["detail"]


def test_pages_answer_a_plain_503_page_while_the_database_is_down(clinician_client, monkeypatch):
    def broken(**kwargs):
        raise OperationalError("the database system is starting up")

    monkeypatch.setattr("patients.views.patients_of", broken)
    clinician_client.raise_request_exception = False
    response = clinician_client.get("/patients/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "briefly unavailable" in body and "Nothing you saved earlier is lost" in body


def test_a_page_error_is_still_the_html_500_page(clinician_client, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("patients.views.patients_of", broken)
    clinician_client.raise_request_exception = False
    response = clinician_client.get("/patients/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_unknown_paths_under_api_answer_json_404():
    response = Client().get("/api/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("length", [254, 255, 256, 1000, 100_000])
def test_any_login_input_answers_the_form_with_an_error(length, clinician):
    client = Client(raise_request_exception=False)
    response = client.post(
        "/accounts/login/", {"username": "a" * length + "@x.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors


def test_failed_logins_count_under_the_normalised_email(clinician, settings):
    from axes.models import AccessAttempt

    email = clinician.user.email
    client = Client()
    for variant in (email.upper(), f"  {email} "):
        client.post("/accounts/login/", {"username": variant, "password": "wrong"})
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [
        (email.lower(), 2)
    ]
    # The right password still works once the failures are under the limit.
    response = client.post("/accounts/login/", {"username": email, "password": TEST_PASSWORD})
    assert response.status_code == 302
