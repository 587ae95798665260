"""Sending a batch: each email's "sent" mark goes to the database as soon as the email is
handed over (programs.reminders.services.sending.SentMarks), prepared or not."""

import pytest
from django.core import mail
from django.db import DatabaseError, connection

from programs.reminders.models import Reminder
from programs.reminders.services import reminder_batch_send, sending
from tests.reminders.test_reminders import EVENING, dispatch, make_patient

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(clinic, django_capture_on_commit_callbacks):
    for _ in range(3):
        make_patient(clinic)
    [batch] = dispatch(capture=django_capture_on_commit_callbacks)
    return batch


@pytest.mark.parametrize("prepared", [True, False])
def test_every_email_of_a_batch_is_marked_sent(batch, monkeypatch, prepared):
    options = {**connection.settings_dict.get("OPTIONS", {}), "server_side_binding": prepared}
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)
    assert reminder_batch_send(reminder_ids=batch, task_id="t1") == (3, [])
    assert len(mail.outbox) == 3
    rows = Reminder.objects.filter(pk__in=batch)
    assert rows.filter(status="sent", sent_at__isnull=False, last_error="").count() == 3
    # The connection is free again, and a sent row is never taken twice.
    assert reminder_batch_send(reminder_ids=batch, task_id="t2") == (0, [])


@pytest.mark.django_db(transaction=True)  # each mark commits on its own, as in a worker
def test_a_failed_mark_stops_the_batch(clinic, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the marks go to PostgreSQL without waiting only there")
    patients = [make_patient(clinic) for _ in range(3)]
    batch = [
        Reminder.objects.create(patient=patient, slot=EVENING, status="queued").pk
        for patient in patients
    ]
    monkeypatch.setattr(sending, "MARK_SENT_PG", b"UPDATE no_such_table SET x = $1, y = $2, z = $3")
    # Unprepared, so that the statement fails where a mark does (a prepared one fails first).
    options = {**connection.settings_dict.get("OPTIONS", {}), "server_side_binding": False}
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)
    with pytest.raises(DatabaseError, match="no_such_table"):
        reminder_batch_send(reminder_ids=batch, task_id="t1")
    # The first mark failed: the second email had gone already, the third did not. None is
    # marked sent; the task's retry sends all three again.
    assert len(mail.outbox) == 2
    assert not Reminder.objects.filter(status="sent").exists()
