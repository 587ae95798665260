"""Portal invitations: single use, 7 days, replaced by a new one, emailed after commit."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from patients.models import PortalInvitation
from patients.services import (
    portal_invitation_accept,
    portal_invitation_for_token,
    portal_invitation_send,
    portal_invitation_token,
)
from tests.factories import PatientFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(actor, clinic, django_capture_on_commit_callbacks):
    patient = PatientFactory(clinic=clinic, email="pat@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = portal_invitation_send(actor=actor, patient=patient)
    return patient, invitation


def _link(message) -> str:
    return re.search(r"http://testserver(/portal/invitation/\S+/)", message.body).group(1)


def test_invitation_email_carries_a_working_link(invited):
    patient, invitation = invited
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pat@example.com"] and patient.first_name in message.body
    client = Client()
    page = client.get(_link(message))
    assert page.status_code == 200
    response = client.post(
        _link(message),
        {"new_password1": "Back-strong-42", "new_password2": "Back-strong-42"},
        follow=True,
    )
    # Signed in, the patient lands on the portal (by way of the start page, which routes them).
    assert response.redirect_chain[-1] == (reverse("portal:today"), 302)
    patient.refresh_from_db()
    assert patient.user.email == "pat@example.com"
    assert client.get(reverse("portal:today")).status_code == 200


def test_link_works_once(invited):
    _, invitation = invited
    token = portal_invitation_token(invitation)
    portal_invitation_accept(token=token, password="Back-strong-42")
    with pytest.raises(ValidationError, match="used"):
        portal_invitation_accept(token=token, password="Other-pass-99")
    page = Client().get(reverse("invitations:accept", args=[token]))
    assert page.status_code == 410 and "already used" in page.content.decode()


def test_link_expires_after_seven_days(invited, monkeypatch):
    _, invitation = invited
    token = portal_invitation_token(invitation)
    later = timezone.now() + datetime.timedelta(days=7, minutes=1)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    assert portal_invitation_for_token(token)[1] == "expired"
    page = Client().get(reverse("invitations:accept", args=[token]))
    assert page.status_code == 410 and "expired" in page.content.decode()


@pytest.mark.parametrize("token", ["nonsense", "eyJpbnZpdGF0aW9uIjoxfQ:1:bad"])
def test_tampered_links_are_invalid(token):
    assert portal_invitation_for_token(token) == (None, "invalid")
    assert Client().get(reverse("invitations:accept", args=[token])).status_code == 404


def test_resending_replaces_the_earlier_link(actor, invited):
    patient, first = invited
    second = portal_invitation_send(actor=actor, patient=patient)
    assert portal_invitation_for_token(portal_invitation_token(first))[1] == "replaced"
    assert portal_invitation_for_token(portal_invitation_token(second))[1] == "open"


def test_weak_password_is_refused_and_the_link_stays_open(invited):
    _, invitation = invited
    token = portal_invitation_token(invitation)
    with pytest.raises(ValidationError):
        portal_invitation_accept(token=token, password="123")
    assert PortalInvitation.objects.get().state == "open"


def test_invitation_needs_an_email_that_no_one_else_uses(actor, clinic):
    with pytest.raises(ValidationError, match="email"):
        portal_invitation_send(actor=actor, patient=PatientFactory(clinic=clinic, email=""))
    UserFactory(email="taken@example.com")
    with pytest.raises(ValidationError, match="Another account"):
        portal_invitation_send(
            actor=actor, patient=PatientFactory(clinic=clinic, email="taken@example.com")
        )


def test_rolled_back_invitation_sends_nothing(actor, clinic, django_capture_on_commit_callbacks):
    patient = PatientFactory(clinic=clinic, email="p@example.com")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        portal_invitation_send(actor=actor, patient=patient)
    assert len(callbacks) == 1  # the email waits for the commit
    assert mail.outbox == []


def test_clinician_invites_from_the_patient_page(
    clinician_client, clinic, django_capture_on_commit_callbacks
):
    patient = PatientFactory(clinic=clinic, email="q@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = clinician_client.post(reverse("patients:invite", args=[patient.pk]), follow=True)
    assert "Invitation sent to q@example.com" in response.content.decode()
    assert len(mail.outbox) == 1


def test_invitation_is_marked_sent_and_a_second_task_sends_nothing(invited):
    from patients.tasks import send_portal_invitation_task

    _, invitation = invited
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    send_portal_invitation_task.apply(args=[invitation.pk])  # e.g. the outbox sweep's copy
    assert len(mail.outbox) == 1
