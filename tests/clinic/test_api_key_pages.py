"""The clinic admin's API key pages: create (shown once, stored hashed), list, revoke."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from clinic.models import ApiKey, AuditLog, secret_hash
from tests.conftest import bearer
from tests.factories import ClinicFactory, api_key_for

pytestmark = pytest.mark.django_db

KEYS = "/clinic/api-keys/"


@pytest.fixture
def admin_client(clinic_admin) -> Client:
    client = Client()
    client.force_login(clinic_admin.user)
    return client


def test_admin_creates_a_key_shown_once(admin_client, clinic, clinic_admin, patient):
    response = admin_client.post(KEYS, {"name": "Practice EHR", "role": "read"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = re.search(r'value="(bsk_[^"]+)"', response.content.decode()).group(1)
    key = ApiKey.objects.get()
    assert (key.clinic, key.name, key.role, key.created_by) == (
        clinic,
        "Practice EHR",
        "read",
        clinic_admin.user,
    )
    assert key.key_hash == secret_hash(secret) and secret not in key.key_hash
    assert key.prefix == secret[:8]
    assert AuditLog.objects.filter(action="create", object_type="ApiKey").exists()
    listing = admin_client.get(KEYS).content.decode()
    assert "Practice EHR" in listing and key.prefix in listing and secret not in listing
    assert bearer(secret).get("/api/v1/patients/").status_code == 200


def test_create_form_errors(admin_client):
    response = admin_client.post(KEYS, {"name": "", "role": "admin"})
    assert response.status_code == 200
    assert "no key was created" in response.content.decode()
    assert not ApiKey.objects.exists()


def test_admin_revokes_a_key(admin_client, clinic):
    key, secret = api_key_for(clinic)
    response = admin_client.post(reverse("clinic:api_key_revoke", args=[key.pk]))
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert bearer(secret).get("/api/v1/patients/").status_code == 401
    assert "Revoked" in admin_client.get(KEYS).content.decode()
    assert AuditLog.objects.filter(action="change", object_type="ApiKey").exists()


def test_another_clinics_key_is_404(admin_client):
    key, _ = api_key_for(ClinicFactory())
    response = admin_client.post(reverse("clinic:api_key_revoke", args=[key.pk]))
    assert response.status_code == 404
    key.refresh_from_db()
    assert key.revoked_at is None


def test_only_clinic_admins_manage_keys(clinician_client, clinic):
    key, _ = api_key_for(clinic)
    assert clinician_client.get(KEYS).status_code == 404
    assert clinician_client.post(KEYS, {"name": "x", "role": "read_write"}).status_code == 404
    assert clinician_client.post(reverse("clinic:api_key_revoke", args=[key.pk])).status_code == 404
    assert ApiKey.objects.count() == 1 and ApiKey.objects.get().revoked_at is None
    assert Client().get(KEYS).status_code == 302  # to the login page


def test_nav_link_is_for_clinic_admins_only(admin_client, clinician_client):
    assert 'href="/clinic/api-keys/"' in admin_client.get(reverse("patients:list")).content.decode()
    assert (
        'href="/clinic/api-keys/"'
        not in clinician_client.get(reverse("patients:list")).content.decode()
    )


def test_revoke_asks_for_confirmation_first(admin_client, clinic):
    key, _ = api_key_for(clinic)
    listing = admin_client.get(reverse("clinic:api_keys")).content.decode()
    assert f'href="{reverse("clinic:api_key_revoke", args=[key.pk])}"' in listing
    page = admin_client.get(reverse("clinic:api_key_revoke", args=[key.pk]))
    assert page.status_code == 200
    assert "cannot be undone" in page.content.decode()
    key.refresh_from_db()
    assert key.revoked_at is None  # asking changes nothing


def test_created_key_has_a_copy_button_without_inline_script(admin_client):
    page = admin_client.post(reverse("clinic:api_keys"), {"name": "EHR", "role": "read"})
    body = page.content.decode()
    assert 'data-copy="#secret"' in body and "js/actions.js" in body
    assert "onfocus" not in body and "onclick" not in body
