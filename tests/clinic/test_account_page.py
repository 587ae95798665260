"""The account page: password change and reset revoke API tokens and end other sessions; one's
own tokens are listed and revocable; emails compare case-insensitively."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from clinic.models import ApiToken
from tests.conftest import bearer
from tests.factories import TEST_PASSWORD, ClinicianFactory, UserFactory, api_token_for

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-new-long-pass-1"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_account_page_shows_name_email_two_factor_and_tokens(clinician):
    api_token_for(clinician.user)
    page = signed_in(clinician.user).get(reverse("clinic:account"))
    body = page.content.decode()
    assert page.status_code == 200
    assert clinician.user.email in body and "Two-factor sign-in" in body
    assert len(page.context["tokens"]) == 1
    assert "no-store" in page["Cache-Control"]


def test_navbar_links_to_the_account_page(clinician_client):
    page = clinician_client.get(reverse("patients:list"))
    assert reverse("clinic:account") in page.content.decode()


def test_password_change_revokes_tokens_and_ends_other_sessions(clinician):
    secret = api_token_for(clinician.user)
    other_session = signed_in(clinician.user)
    client = signed_in(clinician.user)
    response = client.post(
        reverse("clinic:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.url == reverse("clinic:account")
    assert client.get(reverse("clinic:account")).status_code == 200  # this session goes on
    assert other_session.get(reverse("clinic:account")).status_code == 302
    assert bearer(secret).get("/api/v1/patients/").status_code == 401
    assert not ApiToken.objects.filter(user=clinician.user, revoked_at__isnull=True).exists()


def test_password_change_refuses_a_wrong_old_password(clinician):
    secret = api_token_for(clinician.user)
    response = signed_in(clinician.user).post(
        reverse("clinic:password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert bearer(secret).get("/api/v1/patients/").status_code == 200


def test_password_reset_revokes_tokens_and_sessions(clinician):
    secret = api_token_for(clinician.user)
    other_session = signed_in(clinician.user)
    client = Client()
    client.post(reverse("password_reset"), {"email": clinician.user.email})
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert bearer(secret).get("/api/v1/patients/").status_code == 401
    assert other_session.get(reverse("clinic:account")).status_code == 302


def test_own_tokens_are_revocable_and_others_are_not(clinician, clinic):
    secret = api_token_for(clinician.user)
    token = ApiToken.objects.get(user=clinician.user)
    colleague = ClinicianFactory(clinic=clinic)
    response = signed_in(colleague.user).post(reverse("clinic:api_token_revoke", args=[token.pk]))
    assert response.status_code == 404
    assert bearer(secret).get("/api/v1/patients/").status_code == 200
    signed_in(clinician.user).post(reverse("clinic:api_token_revoke", args=[token.pk]))
    assert bearer(secret).get("/api/v1/patients/").status_code == 401


def test_web_sign_in_ignores_the_case_of_the_email(clinician):
    response = Client().post(
        reverse("login"), {"username": clinician.user.email.upper(), "password": TEST_PASSWORD}
    )
    assert response.status_code == 302


def test_emails_are_unique_ignoring_case(db):
    from django.db import IntegrityError, transaction

    UserFactory(email="ann@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(email="Ann@Example.com")


def test_sign_in_is_limited_per_address_across_accounts(clinic, settings):
    settings.SIGNIN_ADDRESS_FAILURE_LIMIT = 5
    others = ClinicianFactory.create_batch(6, clinic=clinic)
    client = Client(REMOTE_ADDR="198.51.100.9")
    answers = [
        client.post(reverse("login"), {"username": c.user.email, "password": "wrong"}).status_code
        for c in others
    ]
    assert answers == [200] * 5 + [429]
    # Even the right password of an untouched account waits, from that address only.
    fresh = ClinicianFactory(clinic=clinic)
    right = {"username": fresh.user.email, "password": TEST_PASSWORD}
    assert client.post(reverse("login"), right).status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.10").post(reverse("login"), right).status_code == 302


def test_password_reset_is_limited_per_address_and_per_account(clinic, settings):
    settings.PASSWORD_RESET_ADDRESS_LIMIT = 4
    settings.PASSWORD_RESET_ACCOUNT_LIMIT = 2
    clinician = ClinicianFactory(clinic=clinic)
    client = Client(REMOTE_ADDR="198.51.100.20")
    answers = [
        client.post(reverse("password_reset"), {"email": clinician.user.email}).status_code
        for _ in range(5)
    ]
    assert answers == [302, 302, 302, 302, 429]
    assert len(mail.outbox) == 2  # the account's limit: the rest answered alike, sent nothing
