"""Staff management by clinic admins: invitations, the admin role, deactivation, the last-admin
guard, and the clinic-wide audit page with its CSV export."""

import csv
import io
import re

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

from clinic.models import ApiToken, AuditLog, Clinician, StaffInvitation
from clinic.services import Actor, audit_record
from tests.conftest import bearer
from tests.factories import TEST_PASSWORD, ClinicFactory, ClinicianFactory, api_token_for

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-new-long-pass-1"


@pytest.fixture
def admin_client(clinic_admin) -> Client:
    client = Client()
    client.force_login(clinic_admin.user)
    return client


def invite(client: Client, email: str = "new.doc@example.com", **extra):
    # The email is published after commit, which the test's transaction never reaches.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("clinic:staff"), {"email": email, "full_name": "Dr New", **extra}
        )


def link_in_last_email() -> str:
    return re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", mail.outbox[-1].body).group(1)


def test_staff_page_is_for_admins_only(clinician_client, admin_client):
    assert clinician_client.get(reverse("clinic:staff")).status_code == 404
    page = admin_client.get(reverse("clinic:staff"))
    assert page.status_code == 200
    assert "Last sign-in" in page.content.decode() and "Two-factor" in page.content.decode()


def test_invitation_makes_a_clinician_of_the_clinic(admin_client, clinic_admin):
    response = invite(admin_client, email="New.Doc@Example.com")
    assert response.url == reverse("clinic:staff")
    assert mail.outbox[-1].to == ["new.doc@example.com"]
    link = link_in_last_email()
    newcomer = Client()
    assert newcomer.get(link).status_code == 200
    done = newcomer.post(
        link, {"full_name": "Dr Ada New", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert done.url == reverse("home")
    clinician = Clinician.objects.get(user__email="new.doc@example.com")
    assert clinician.clinic == clinic_admin.clinic and not clinician.is_clinic_admin
    assert clinician.user.full_name == "Dr Ada New"
    assert newcomer.get(reverse("patients:list")).status_code == 200
    # Single use.
    again = Client().get(link)
    assert again.status_code == 400 and "used" in again.content.decode()
    actions = set(AuditLog.objects.values_list("object_type", "action"))
    assert {("StaffInvitation", "create"), ("Clinician", "create")} <= actions


def test_invitation_links_expire_and_are_replaced(admin_client):
    invite(admin_client)
    first = link_in_last_email()
    invite(admin_client)
    assert "replaced" in Client().get(first).content.decode()
    StaffInvitation.objects.update(expires_at="2000-01-02T00:00Z", created_at="2000-01-01T00:00Z")
    response = Client().get(link_in_last_email())
    assert response.status_code == 400


def test_invitation_refuses_an_existing_account(admin_client, clinician):
    response = invite(admin_client, email=clinician.user.email.upper())
    assert response.status_code == 400
    assert "already has an account" in response.content.decode()
    assert not StaffInvitation.objects.exists() and not mail.outbox


def test_admin_role_can_be_given_and_taken(admin_client, clinician):
    url = reverse("clinic:staff_admin", args=[clinician.pk])
    admin_client.post(url, {"is_clinic_admin": "true"})
    clinician.refresh_from_db()
    assert clinician.is_clinic_admin
    admin_client.post(url, {"is_clinic_admin": "false"})
    clinician.refresh_from_db()
    assert not clinician.is_clinic_admin
    changes = [row.changes for row in AuditLog.objects.filter(object_type="Clinician")]
    assert [{"field": "is_clinic_admin", "old": True, "new": False}] in changes


def test_the_last_admin_cannot_be_demoted_or_deactivated(admin_client, clinic_admin):
    admin_client.post(
        reverse("clinic:staff_admin", args=[clinic_admin.pk]), {"is_clinic_admin": "false"}
    )
    admin_client.post(
        reverse("clinic:staff_active", args=[clinic_admin.pk]), {"is_active": "false"}
    )
    clinic_admin.refresh_from_db()
    clinic_admin.user.refresh_from_db()
    assert clinic_admin.is_clinic_admin and clinic_admin.user.is_active
    page = admin_client.get(reverse("clinic:staff"))
    assert "at least one active admin" in page.content.decode()


def test_deactivation_ends_sessions_and_tokens_at_once(admin_client, clinician):
    secret = api_token_for(clinician.user)
    session = Client()
    session.force_login(clinician.user)
    assert session.get(reverse("patients:list")).status_code == 200
    admin_client.post(reverse("clinic:staff_active", args=[clinician.pk]), {"is_active": "false"})
    assert session.get(reverse("patients:list")).status_code == 302
    assert bearer(secret).get("/api/v1/patients/").status_code == 401
    assert ApiToken.objects.get(user=clinician.user).revoked_at is not None
    login = Client().post(
        reverse("login"), {"username": clinician.user.email, "password": TEST_PASSWORD}
    )
    assert login.status_code == 200  # refused
    # Reactivated: they sign in again, but the old session stays ended.
    admin_client.post(reverse("clinic:staff_active", args=[clinician.pk]), {"is_active": "true"})
    assert session.get(reverse("patients:list")).status_code == 302
    login = Client().post(
        reverse("login"), {"username": clinician.user.email, "password": TEST_PASSWORD}
    )
    assert login.status_code == 302


def test_another_clinics_clinician_is_a_404(admin_client):
    stranger = ClinicianFactory(clinic=ClinicFactory())
    response = admin_client.post(
        reverse("clinic:staff_active", args=[stranger.pk]), {"is_active": "false"}
    )
    assert response.status_code == 404
    stranger.user.refresh_from_db()
    assert stranger.user.is_active


# The clinic-wide audit page
def test_audit_page_filters_and_exports_csv(admin_client, clinic_admin, clinician, patient):
    actor = Actor(clinic=clinician.clinic, user=clinician.user)
    audit_record(actor=actor, action="view", obj=patient, patient=patient)
    audit_record(actor=actor, action="change", obj=patient, patient=patient, summary="=cmd()")
    page = admin_client.get(
        reverse("clinic:audit"), {"who": f"user:{clinician.user_id}", "action": "view"}
    )
    assert page.status_code == 200
    assert [row.action for row in page.context["page"].object_list] == ["view"]
    export = admin_client.get(
        reverse("clinic:audit"), {"who": f"user:{clinician.user_id}", "format": "csv"}
    )
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][0] == "at_utc" and len(rows) == 3
    assert "'=cmd()" in [row[6] for row in rows]  # no spreadsheet formulas
    exported = AuditLog.objects.get(action="export")
    assert exported.actor == clinic_admin.user and "2 rows" in exported.summary


def test_audit_page_refuses_bad_filters(admin_client):
    response = admin_client.get(
        reverse("clinic:audit"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert response.status_code == 400
    assert "before the start date" in response.content.decode()
    assert admin_client.get(reverse("clinic:audit"), {"who": "user:x"}).status_code == 400


def test_audit_page_is_for_admins_only(clinician_client):
    assert clinician_client.get(reverse("clinic:audit")).status_code == 404
