"""Emailing the handout: a row and an audit row first, then one email with the PDF attached."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from clinic.models import AuditLog
from programs.prescribing.models import HandoutEmail
from programs.prescribing.services import handout_email_request, handout_email_send
from programs.prescribing.services.base import ProgramConflict
from programs.reminders.outbox import outbox_sweep
from tests.factories import ClinicFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(patient):
    patient.email = "olga@example.com"
    patient.save(update_fields=["email"])
    return program_factory(patient=patient, status="active", slugs=("prone-on-elbows",))


def test_the_clinician_emails_the_handout_with_the_pdf_attached(
    clinician_client, program, django_capture_on_commit_callbacks
):
    url = reverse("prescribing:handout_email", args=[program.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = clinician_client.post(url, follow=True)
    assert f"on its way to {program.patient.email}" in response.content.decode()
    [message] = mail.outbox
    assert message.to == [program.patient.email]
    assert program.patient.clinic.phone in message.body and "/accounts/login/" in message.body
    [(name, pdf, kind)] = message.attachments
    assert (name, kind) == (f"exercise-program-{program.pk}.pdf", "application/pdf")
    assert "Lying on your elbows" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    email = HandoutEmail.objects.get()
    assert email.sent_at is not None
    row = AuditLog.objects.get(patient=program.patient, action="export")
    assert row.summary == f"Handout emailed to {program.patient.email}"


def test_it_is_sent_once_however_many_tasks_run(program, actor):
    email = handout_email_request(actor=actor, program=program)
    assert handout_email_send(email_id=email.pk, owner="task-1")
    assert not handout_email_send(email_id=email.pk, owner="task-2")
    assert len(mail.outbox) == 1


def test_the_outbox_sweep_sends_a_handout_whose_task_was_lost(program, actor, monkeypatch):
    email = handout_email_request(actor=actor, program=program)  # on_commit never runs here
    published = []
    from programs.prescribing import tasks

    monkeypatch.setattr(tasks.send_handout_email_task, "delay", lambda pk: published.append(pk))
    outbox_sweep(now=timezone.now() + datetime.timedelta(minutes=5))
    assert published == [email.pk]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": ""}, "no email address"),
        ({"status": "archived", "archived_at": "now"}, "archived"),
    ],
)
def test_it_refuses_clearly_and_records_nothing(clinician_client, program, change, message):
    patient = program.patient
    for field, value in change.items():
        setattr(patient, field, timezone.now() if value == "now" else value)
    patient.save()
    url = reverse("prescribing:handout_email", args=[program.pk])
    response = clinician_client.post(url, follow=True)
    assert message in response.content.decode()
    assert not HandoutEmail.objects.exists()
    assert not AuditLog.objects.filter(patient=patient, action="export").exists()


def test_a_draft_is_not_sent(actor, patient):
    draft = program_factory(patient=patient, status="draft")
    with pytest.raises(ProgramConflict, match="Activate the program"):
        handout_email_request(actor=actor, program=draft)


def test_another_clinics_program_is_a_404(clinician_client):
    other = program_factory(patient=PatientFactory(clinic=ClinicFactory()), status="active")
    url = reverse("prescribing:handout_email", args=[other.pk])
    assert clinician_client.post(url).status_code == 404
    assert clinician_client.get(url).status_code == 405
    assert not HandoutEmail.objects.exists()
