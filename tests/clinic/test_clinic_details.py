"""The clinic admin sets the phone printed on handouts; changes are audited field by field."""

import pytest
from django.test import Client
from django.urls import reverse

from clinic.models import AuditLog

pytestmark = pytest.mark.django_db

URL = reverse("clinic:details")


@pytest.fixture
def admin_client(clinic_admin):
    client = Client()
    client.force_login(clinic_admin.user)
    return client


def test_the_admin_sets_the_phone_and_the_change_is_audited(admin_client, clinic):
    assert admin_client.post(URL, {"phone": " +44 20 7946 0321 "}).status_code == 302
    clinic.refresh_from_db()
    assert clinic.phone == "+44 20 7946 0321"
    row = AuditLog.objects.get(object_type="Clinic")
    assert row.changes == [{"field": "phone", "old": "020 7946 0000", "new": "+44 20 7946 0321"}]
    assert admin_client.post(URL, {"phone": "+44 20 7946 0321"}).status_code == 302
    assert AuditLog.objects.filter(object_type="Clinic").count() == 1  # no change, no row


def test_a_bad_phone_is_refused_and_nothing_changes(admin_client, clinic):
    response = admin_client.post(URL, {"phone": "call me <b>maybe</b>"})
    assert response.status_code == 400 and "Use digits, spaces" in response.content.decode()
    clinic.refresh_from_db()
    assert clinic.phone == "020 7946 0000"


def test_only_clinic_admins_reach_it(clinician_client):
    assert clinician_client.get(URL).status_code in (403, 404)
