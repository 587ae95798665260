"""The reminder dispatcher, sending, nudges, alerts, digests and unsubscribe links."""

import datetime
import smtplib
import threading
from unittest import mock

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse

from clinic.models import AuditLog
from programs.followup.models import Alert
from programs.reminders.emails import patient_for_unsubscribe_token, unsubscribe_token
from programs.reminders.models import ClinicianDigest, Reminder, ReminderPreference
from programs.reminders.services import digests_dispatch, inactivity_check, reminders_dispatch
from tests.factories import (
    ClinicFactory,
    ClinicianFactory,
    PatientFactory,
    program_factory,
    session_factory,
)

UTC = datetime.UTC
EVENING = datetime.datetime(2026, 1, 15, 18, 1, tzinfo=UTC)  # 18:01 in London (GMT)

pytestmark = pytest.mark.django_db


def make_patient(clinic, *, zone="Europe/London", times=("18:00",), weekdays=range(7), **kw):
    patient = PatientFactory(
        clinic=clinic,
        email=f"p{PatientFactory._meta.model.objects.count()}@x.org",
        timezone=zone,
        **kw,
    )
    program = program_factory(patient=patient, status="active")
    program.activated_at = EVENING - datetime.timedelta(days=1)
    program.save()
    ReminderPreference.objects.create(patient=patient, times=list(times), weekdays=list(weekdays))
    return patient


def dispatch(now=EVENING, *, send=False, capture=None):
    if capture is None:
        return reminders_dispatch(now=now)
    with capture(execute=send):
        return reminders_dispatch(now=now)


def test_due_reminder_is_claimed_and_sent(clinic, django_capture_on_commit_callbacks):
    patient = make_patient(clinic, first_name="Ada")
    batches = dispatch(send=True, capture=django_capture_on_commit_callbacks)
    reminder = Reminder.objects.get()
    assert batches == [[reminder.pk]]
    assert reminder.status == "sent" and reminder.sent_at is not None
    assert reminder.slot == datetime.datetime(2026, 1, 15, 18, 0, tzinfo=UTC)
    message = mail.outbox[0]
    assert message.to == [patient.email] and "Hello Ada" in message.body
    assert "Lying on your elbows" in message.body
    assert "http://testserver/portal/" in message.body
    # The token carries the second it was signed at, so it is read back, not made again.
    link = message.extra_headers["List-Unsubscribe"].removeprefix("<").removesuffix(">")
    token = link.removeprefix("http://testserver/unsubscribe/").removesuffix("/")
    assert link == f"http://testserver/unsubscribe/{token}/" and link in message.body
    assert patient_for_unsubscribe_token(token) == patient.pk
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Stop these reminders" in message.alternatives[0][0]


@pytest.mark.parametrize(
    ("zone", "now", "expected"),
    [
        ("America/New_York", datetime.datetime(2026, 1, 15, 23, 2, tzinfo=UTC), 1),
        ("America/New_York", EVENING, 0),  # 13:01 there
        ("Asia/Tokyo", datetime.datetime(2026, 1, 15, 9, 3, tzinfo=UTC), 1),
        ("Europe/London", datetime.datetime(2026, 3, 29, 17, 2, tzinfo=UTC), 1),  # BST day
        ("Europe/London", datetime.datetime(2026, 3, 29, 18, 2, tzinfo=UTC), 0),
    ],
)
def test_dispatch_follows_each_patients_time_zone(clinic, zone, now, expected):
    make_patient(clinic, zone=zone)
    dispatch(now)
    assert Reminder.objects.count() == expected


def test_never_in_quiet_hours_even_if_stored(clinic):
    make_patient(clinic, times=("07:30",))
    make_patient(clinic, times=("21:15",))
    for now in (
        datetime.datetime(2026, 1, 15, 7, 31, tzinfo=UTC),
        datetime.datetime(2026, 1, 15, 21, 16, tzinfo=UTC),
    ):
        dispatch(now)
    assert not Reminder.objects.exists()


def test_skip_rules(clinic, actor):
    from patients.services import patient_archive

    archived = make_patient(clinic)
    patient_archive(actor=actor, patient=archived)
    paused = make_patient(clinic)
    paused.programs.update(status="paused")
    completed = make_patient(clinic)
    completed.programs.update(status="completed")
    opted_out = make_patient(clinic)
    ReminderPreference.objects.filter(patient=opted_out).update(enabled=False)
    no_email = make_patient(clinic)
    no_email.email = ""
    no_email.save()
    make_patient(clinic, weekdays=[0])  # 15 Jan 2026 is a Thursday
    logged = make_patient(clinic)
    session = session_factory(program=logged.programs.get())
    session.performed_at = EVENING - datetime.timedelta(hours=2)
    session.save()
    logged_yesterday = make_patient(clinic)
    old = session_factory(program=logged_yesterday.programs.get())
    old.performed_at = EVENING - datetime.timedelta(days=1)
    old.save()
    due = make_patient(clinic)
    dispatch()
    assert set(Reminder.objects.values_list("patient_id", flat=True)) == {
        logged_yesterday.pk,
        due.pk,
    }


def test_running_twice_creates_each_reminder_once(clinic, django_capture_on_commit_callbacks):
    make_patient(clinic)
    make_patient(clinic)
    first = dispatch(send=True, capture=django_capture_on_commit_callbacks)
    second = dispatch(
        EVENING + datetime.timedelta(minutes=1),
        send=True,
        capture=django_capture_on_commit_callbacks,
    )
    assert len(first[0]) == 2 and second == []
    assert Reminder.objects.count() == 2 and len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_at_once_claim_each_reminder_once(clinic):
    for _ in range(30):
        make_patient(clinic)
    results, errors = [], []
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            results.append(reminders_dispatch(now=EVENING))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    # Patched once around both threads: patching in each thread could leave the mock behind.
    with mock.patch("programs.reminders.tasks.send_reminder_batch_task.delay"):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors
    claimed = [rid for batches in results for batch in batches for rid in batch]
    assert len(claimed) == len(set(claimed)) == 30
    assert Reminder.objects.count() == 30


def test_a_rolled_back_dispatch_sends_nothing(clinic, django_capture_on_commit_callbacks):
    make_patient(clinic)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                reminders_dispatch(now=EVENING)
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == []
    assert not Reminder.objects.exists()


class FlakyBackend:
    """A mail backend whose first `failures` sends raise a transient SMTP error."""

    failures = 0
    sent = []

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        if FlakyBackend.failures:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("connection dropped")
        FlakyBackend.sent.extend(messages)
        return len(messages)


def run_until_settled(batch, *, task_id="task-1", rounds=10):
    """Run a send task as the broker would deliver it and its retries (same task id).

    Celery runs an eager task's retry inside the retry call; here each retry is a new
    delivery instead, as it is with a real broker.
    """
    from celery.exceptions import Retry

    from programs.reminders.tasks import send_reminder_batch_task

    states = []
    with mock.patch.object(send_reminder_batch_task, "retry", side_effect=lambda **kw: Retry()):
        for _ in range(rounds):
            result = send_reminder_batch_task.apply(args=[batch], task_id=task_id, throw=False)
            states.append(result.state)
            if result.state != "RETRY":
                break
    return states


@override_settings(EMAIL_BACKEND="tests.reminders.test_reminders.FlakyBackend")
def test_transient_failures_are_retried_then_sent(clinic):
    FlakyBackend.failures, FlakyBackend.sent = 2, []
    make_patient(clinic)
    [batch] = dispatch()
    assert run_until_settled(batch) == ["RETRY", "RETRY", "SUCCESS"]
    reminder = Reminder.objects.get()
    assert reminder.status == "sent" and reminder.attempts == 3
    assert len(FlakyBackend.sent) == 1


@override_settings(
    EMAIL_BACKEND="tests.reminders.test_reminders.FlakyBackend", REMINDER_MAX_ATTEMPTS=3
)
def test_a_reminder_fails_for_good_after_the_last_attempt(clinic, clinician_client):
    FlakyBackend.failures, FlakyBackend.sent = 99, []
    make_patient(clinic)
    [batch] = dispatch()
    assert run_until_settled(batch)[-1] == "SUCCESS"
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts) == ("failed", 3)
    assert "SMTPServerDisconnected" in reminder.last_error
    page = clinician_client.get(reverse("reminders:reminder_list")).content.decode()
    assert "1 reminder could not be delivered" in page


def test_reminder_page_is_scoped_to_the_clinic(clinic, clinician_client):
    mine = make_patient(clinic, last_name="Mine")
    theirs = make_patient(ClinicFactory(), last_name="Theirs")
    dispatch()
    assert {mine.pk, theirs.pk} == set(Reminder.objects.values_list("patient_id", flat=True))
    page = clinician_client.get(reverse("reminders:reminder_list")).content.decode()
    assert "Mine" in page and "Theirs" not in page


def test_nudge_after_two_idle_days_and_alert_after_five(clinic, django_capture_on_commit_callbacks):
    patient = make_patient(clinic)
    session = session_factory(program=patient.programs.get())
    session.performed_at = EVENING - datetime.timedelta(days=2, minutes=5)
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        inactivity_check(now=EVENING)
        inactivity_check(now=EVENING + datetime.timedelta(hours=1))
    nudge = Reminder.objects.get(kind="nudge")
    assert nudge.status == "sent" and len(mail.outbox) == 1
    assert "We have not seen a session" in mail.outbox[0].subject
    assert not Alert.objects.exists()
    inactivity_check(now=EVENING + datetime.timedelta(days=3))
    inactivity_check(now=EVENING + datetime.timedelta(days=3, hours=1))
    alert = Alert.objects.get()
    assert alert.kind == "inactivity" and "5 days" in alert.message


def test_no_nudge_in_quiet_hours(clinic):
    patient = make_patient(clinic)
    patient.programs.update(activated_at=EVENING - datetime.timedelta(days=3))
    inactivity_check(now=datetime.datetime(2026, 1, 15, 22, 0, tzinfo=UTC))
    assert not Reminder.objects.exists()


def test_emergency_alert_is_emailed_at_once(clinic, actor, django_capture_on_commit_callbacks):
    from programs.followup.services import ItemReport, session_log_record

    other = ClinicianFactory(clinic=clinic)
    patient = make_patient(clinic)
    item = patient.programs.get().items.get()
    with django_capture_on_commit_callbacks(execute=True):
        session_log_record(
            actor=actor,
            patient=patient,
            pain_before=2,
            pain_after=2,
            items=[ItemReport(item.pk, True, 1, 1)],
            symptoms=["saddle_anaesthesia"],
        )
    message = mail.outbox[0]
    assert message.subject.startswith("URGENT: Emergency symptom")
    assert set(message.to) == {actor.user.email, other.user.email}
    assert Alert.objects.get().emailed_at is not None


def test_daily_digest_at_seven_local_once(clinic, clinician, django_capture_on_commit_callbacks):
    patient = make_patient(clinic)
    Alert.objects.create(clinic=clinic, patient=patient, kind="red_session", message="Pain 8/10")
    six = datetime.datetime(2026, 1, 15, 6, 59, tzinfo=UTC)
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_dispatch(now=six) == []
        seven = six + datetime.timedelta(minutes=1)
        assert len(digests_dispatch(now=seven)) == 1
        assert digests_dispatch(now=seven + datetime.timedelta(hours=3)) == []
    assert ClinicianDigest.objects.get().sent_at is not None
    assert len(mail.outbox) == 1 and "Pain 8/10" in mail.outbox[0].body


def test_digest_follows_the_clinics_time_zone(db):
    clinic = ClinicFactory(timezone="America/Los_Angeles")
    ClinicianFactory(clinic=clinic)
    assert digests_dispatch(now=datetime.datetime(2026, 1, 15, 7, 30, tzinfo=UTC)) == []
    assert len(digests_dispatch(now=datetime.datetime(2026, 1, 15, 15, 0, tzinfo=UTC))) == 1


def test_unsubscribe_link_valid_then_reused(clinic):
    patient = make_patient(clinic)
    url = reverse("reminders:unsubscribe", args=[unsubscribe_token(patient.pk)])
    client = Client(enforce_csrf_checks=True)
    assert "Stop reminder emails?" in client.get(url).content.decode()
    assert ReminderPreference.objects.get(patient=patient).enabled  # GET changes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "Reminders stopped" in response.content.decode()
    assert not ReminderPreference.objects.get(patient=patient).enabled
    again = client.post(url)
    assert "already off" in again.content.decode()
    assert AuditLog.objects.filter(patient=patient, summary__contains="unsubscribe").count() == 1
    dispatch()
    assert not Reminder.objects.exists()


def test_tampered_unsubscribe_link_is_refused(clinic):
    patient = make_patient(clinic)
    token = unsubscribe_token(patient.pk)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = Client().post(reverse("reminders:unsubscribe", args=[tampered]))
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert ReminderPreference.objects.get(patient=patient).enabled


def test_beat_installs_the_schedule_declared_in_settings(db):
    from django.utils.module_loading import import_string
    from django_celery_beat.models import PeriodicTask
    from django_celery_beat.schedulers import DatabaseScheduler

    from config.celery import app

    # What beat's DatabaseScheduler does with each entry of the schedule when it starts.
    for name, entry in app.conf.beat_schedule.items():
        DatabaseScheduler.Entry.from_entry(name, app=app, **entry)
    tasks = dict(PeriodicTask.objects.values_list("task", "interval__every"))
    assert {
        "programs.reminders.tasks.dispatch_reminders_task",
        "programs.reminders.tasks.check_inactivity_task",
        "programs.reminders.tasks.dispatch_digests_task",
        "programs.reminders.tasks.sweep_outbox_task",
    } <= set(tasks)
    assert tasks["programs.reminders.tasks.sweep_outbox_task"] == 60
    # Every scheduled task exists under that name.
    assert all(import_string(name).name == name for name in tasks if name.startswith("programs."))


def test_reminders_queued_while_the_broker_was_down_are_sent_after_the_grace(
    clinic, monkeypatch, django_capture_on_commit_callbacks
):
    from celery.app.task import Task
    from kombu.exceptions import OperationalError

    def refuse(task, *args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    make_patient(clinic)
    make_patient(clinic)
    monkeypatch.setattr(Task, "apply_async", refuse)
    [batch] = dispatch(send=True, capture=django_capture_on_commit_callbacks)  # no error
    assert len(batch) == 2 and mail.outbox == []
    assert set(Reminder.objects.values_list("status", flat=True)) == {"queued"}
    monkeypatch.undo()  # the broker is back
    # Within the grace a task may still be on its way: the rows are left alone.
    assert dispatch(EVENING + datetime.timedelta(minutes=5)) == []
    grace = datetime.timedelta(minutes=15, seconds=1)
    again = dispatch(EVENING + grace, send=True, capture=django_capture_on_commit_callbacks)
    assert sorted(again[0]) == sorted(batch)
    later = dispatch(EVENING + 2 * grace, send=True, capture=django_capture_on_commit_callbacks)
    assert later == []
    assert set(Reminder.objects.values_list("status", flat=True)) == {"sent"}
    assert len(mail.outbox) == 2


def test_claim_of_more_reminders_than_postgresql_takes_parameters(clinic):
    # 70,000 ids in one `IN (...)` would pass PostgreSQL's limit of 65,535 bound parameters.
    patient = make_patient(clinic)
    start = EVENING - datetime.timedelta(days=60)
    with connection.cursor() as cursor:  # one statement: 70,000 ORM objects take seconds
        cursor.execute(
            f"INSERT INTO {Reminder._meta.db_table} "  # noqa: S608 - the model's table
            "(patient_id, kind, slot, status, claimed_by, attempts, last_error, created_at,"
            " queued_at) "
            "SELECT %s, 'session', %s + n * interval '1 minute', 'queued', '', 0, '', %s, %s "
            "FROM generate_series(1, 70000) AS n",
            [patient.pk, start, start, start],
        )
    batches = reminders_dispatch(now=EVENING)
    assert sum(len(batch) for batch in batches) == 70_001  # the stale ones and today's
    assert not Reminder.objects.exclude(status="queued").exists()


def test_a_send_task_takes_its_ids_in_chunks(
    clinic, monkeypatch, django_capture_on_commit_callbacks
):
    # Chunks of 2 stand in for PostgreSQL's limit: 5 reminders, 3 chunks, each sent once.
    from clinic.outbox import chunked
    from programs.reminders.services import reminder_batch_send
    from programs.reminders.services import reminders as service

    monkeypatch.setattr(service, "chunked", lambda ids: chunked(ids, 2))
    patients = [make_patient(clinic) for _ in range(5)]
    [batch] = dispatch(capture=django_capture_on_commit_callbacks)
    assert reminder_batch_send(reminder_ids=batch, task_id="t1") == (5, [])
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in patients)
    assert Reminder.objects.filter(status="sent", attempts=1).count() == 5
    assert reminder_batch_send(reminder_ids=batch, task_id="t2") == (0, [])  # sent stay sent


def test_a_reminder_speaks_the_patients_language_exercise_names_included(
    clinic, django_capture_on_commit_callbacks
):
    patient = make_patient(clinic, first_name="Ana", language="es")
    dispatch(send=True, capture=django_capture_on_commit_callbacks)
    body = mail.outbox[0].body
    exercises = [item.exercise for item in patient.programs.get().items.all()]
    assert exercises and all(
        exercise.name_es and exercise.name_es in body for exercise in exercises
    )
    assert not any(exercise.name_en_gb in body for exercise in exercises)
    assert "Hello Ana" not in body  # the greeting is Spanish too
