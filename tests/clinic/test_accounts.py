"""Sign-in, throttling, idle expiry, password reset and the create_clinician command."""

import datetime
import re
import time
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from clinic.models import AuditLog, Clinic, Clinician, User
from config.sessions import REFRESH_SECONDS, REFRESHED_KEY
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def _login(client: Client, email: str, password: str):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_clinician_signs_in_with_email(clinician):
    client = Client()
    response = _login(client, clinician.user.email, TEST_PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("home")).url == reverse("followup:dashboard")


def test_wrong_password_is_reported(clinician):
    response = _login(Client(), clinician.user.email, "wrong")
    assert response.status_code == 200
    assert "Please enter a correct email and password" in response.content.decode()


def test_login_is_throttled_after_repeated_failures(clinician):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, clinician.user.email, "wrong")
    locked = _login(client, clinician.user.email, TEST_PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_throttling_is_per_account(clinician, clinic):
    from tests.factories import ClinicianFactory

    other = ClinicianFactory(clinic=clinic)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, clinician.user.email, "wrong")
    assert _login(client, other.user.email, TEST_PASSWORD).status_code == 302


def _session_row(client: Client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_session_expires_after_thirty_idle_minutes(clinician):
    client = Client()
    _login(client, clinician.user.email, TEST_PASSWORD)
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert client.session.get_expiry_age() == 30 * 60
    # Thirty idle minutes later the row has expired: the next request is signed out.
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(reverse("followup:dashboard")).status_code == 302


def test_a_request_restarts_the_idle_clock_without_saving_the_session_every_time(clinician):
    client = Client()
    _login(client, clinician.user.email, TEST_PASSWORD)
    first_expiry = _session_row(client).expire_date
    # Within the minute: the row is not written again.
    client.get(reverse("clinic:account"))
    assert _session_row(client).expire_date == first_expiry
    # A minute after the last save, a request saves it: 30 minutes from now.
    session = client.session
    session[REFRESHED_KEY] = int(time.time()) - REFRESH_SECONDS
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=5)
    )
    client.get(reverse("clinic:account"))
    remaining = _session_row(client).expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < remaining <= datetime.timedelta(minutes=30)


def test_an_anonymous_visit_creates_no_session():
    Client().get(reverse("login"))
    assert not Session.objects.exists()


def test_password_reset_sends_a_working_link(clinician):
    client = Client()
    client.post(reverse("password_reset"), {"email": clinician.user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    response = client.post(
        form_url, {"new_password1": "a-new-long-pass-1", "new_password2": "a-new-long-pass-1"}
    )
    assert response.status_code == 302
    assert _login(Client(), clinician.user.email, "a-new-long-pass-1").status_code == 302


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_hashed_with_argon2():
    call_command(
        "create_clinician", "--clinic", "A", "--email", "a@example.com", "--password", "pw-x-12345a"
    )
    assert identify_hasher(User.objects.get().password).algorithm == "argon2"
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_create_clinician_creates_clinic_and_admin():
    out = StringIO()
    call_command(
        "create_clinician",
        "--clinic",
        "North Clinic",
        "--email",
        "Boss@Example.com",
        "--password",
        "long-enough-pass-1",
        "--admin",
        stdout=out,
    )
    clinician = Clinician.objects.select_related("user", "clinic").get()
    assert clinician.user.email == "boss@example.com"
    assert clinician.clinic.name == "North Clinic"
    assert clinician.is_clinic_admin
    assert "clinic admin" in out.getvalue()
    assert _login(Client(), "boss@example.com", "long-enough-pass-1").status_code == 302


def test_create_clinician_reuses_an_existing_clinic():
    for email in ("one@example.com", "two@example.com"):
        call_command(
            "create_clinician", "--clinic", "Same", "--email", email, "--password", "pw-long-123a"
        )
    assert Clinic.objects.count() == 1
    assert Clinician.objects.filter(is_clinic_admin=False).count() == 2


def test_create_clinician_refuses_a_duplicate_email_clearly(clinician):
    with pytest.raises(CommandError, match="already exists"):
        call_command(
            "create_clinician",
            "--clinic",
            "X",
            "--email",
            clinician.user.email.upper(),
            "--password",
            "pw-long-123a",
        )
    assert User.objects.count() == 1


def test_create_clinician_refuses_a_weak_password():
    with pytest.raises(CommandError, match="too short"):
        call_command("create_clinician", "--clinic", "X", "--email", "w@x.com", "--password", "a1")
    assert not User.objects.exists() and not Clinic.objects.exists()


def test_audit_log_is_append_only_in_the_database(actor, patient):
    from clinic.services import audit_record

    row = audit_record(actor=actor, action="view", obj=patient, patient=patient)
    if settings.TEST_DATABASE_BACKEND != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's")
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        AuditLog.objects.filter(pk=row.pk).update(summary="tampered")
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        AuditLog.objects.filter(pk=row.pk).delete()


def test_audit_action_is_checked_by_the_database(actor, patient):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditLog.objects.create(
            clinic=actor.clinic, action="delete", channel="ui", object_type="x", patient=patient
        )
