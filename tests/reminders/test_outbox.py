"""The transactional outbox (SPEC 4): a broker outage never fails a committed change, the
sweep sends what was not sent, and a claim keeps every email single."""

import datetime
import logging
import threading

import pytest
from celery.app.task import Task
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from clinic.outbox import SWEEP_GRACE, Outbox, enqueue_on_commit, publish, publish_each
from patients.models import PortalInvitation
from patients.services import portal_invitation_send
from programs.followup.models import Alert
from programs.followup.outbox import ALERT_EMAILS
from programs.followup.services import ItemReport, session_log_record
from programs.followup.tasks import send_alert_email_task
from programs.reminders.models import ClinicianDigest
from programs.reminders.outbox import DIGESTS, outbox_sweep
from programs.reminders.services import digests_dispatch
from programs.reminders.tasks import send_digest_task
from tests.factories import ClinicFactory, ClinicianFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
SEVEN_LONDON = datetime.datetime(2026, 1, 15, 7, 0, tzinfo=UTC)


@pytest.fixture
def broker_down(monkeypatch):
    """Every publish fails as kombu fails when Redis refuses the connection; returns the
    attempts made."""
    attempts = []

    def refuse(task, args=None, kwargs=None, **options):
        attempts.append((task.name, tuple(args or ())))
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Task, "apply_async", refuse)
    return attempts


@pytest.fixture
def program(patient):
    return program_factory(patient=patient, status="active")


def report_emergency(actor, patient):
    item = patient.programs.get().items.get()
    session, _ = session_log_record(
        actor=actor,
        patient=patient,
        pain_before=2,
        pain_after=2,
        items=[ItemReport(item.pk, True, 1, 1)],
        symptoms=["saddle_anaesthesia"],
    )
    return session


def later(minutes: float = 3) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(minutes=minutes)


def outbox_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "clinic.outbox"]


# --- publishing ---------------------------------------------------------------------------


def test_publish_logs_a_warning_and_returns_false_when_the_broker_refuses(broker_down, caplog):
    with caplog.at_level(logging.WARNING, logger="clinic.outbox"):
        assert publish(send_alert_email_task, 41) is False
    assert broker_down == [("programs.followup.tasks.send_alert_email_task", (41,))]
    [warning] = outbox_warnings(caplog)
    assert "send_alert_email_task(41,)" in warning and "Connection refused" in warning


def test_publish_each_stops_at_the_first_failure(broker_down):
    assert publish_each(send_alert_email_task, [(1,), (2,), (3,)]) == 0
    assert len(broker_down) == 1  # the other two would only wait for the same timeout


def test_errors_that_are_not_the_brokers_still_raise(monkeypatch):
    def bug(task, args=None, kwargs=None, **options):
        raise TypeError("Object of type Alert is not JSON serializable")

    monkeypatch.setattr(Task, "apply_async", bug)
    with pytest.raises(TypeError):
        publish(send_alert_email_task, 1)


def test_enqueue_on_commit_waits_for_the_commit_and_never_raises(
    broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit(send_alert_email_task, 7)
        assert broker_down == []  # nothing is published before the commit
    assert len(callbacks) == 1 and len(broker_down) == 1


def test_emergency_report_succeeds_with_the_broker_down(
    actor, patient, program, broker_down, caplog, django_capture_on_commit_callbacks
):
    with (
        caplog.at_level(logging.WARNING, logger="clinic.outbox"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        session = report_emergency(actor, patient)
    program.refresh_from_db()
    assert program.status == "paused"
    alert = Alert.objects.get(session=session, kind="emergency_symptom")
    assert alert.emailed_at is None and mail.outbox == []
    assert broker_down == [("programs.followup.tasks.send_alert_email_task", (alert.pk,))]
    assert len(outbox_warnings(caplog)) == 1
    # Once the broker is back, the sweep sends it.
    broker_down.clear()
    assert outbox_sweep(now=later())["alerts"] == 0  # still down: nothing, and no error
    assert len(broker_down) == 1


def test_invitation_page_succeeds_with_the_broker_down(
    clinician_client, clinic, broker_down, monkeypatch, django_capture_on_commit_callbacks
):
    patient = PatientFactory(clinic=clinic, email="q@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = clinician_client.post(reverse("patients:invite", args=[patient.pk]), follow=True)
    assert response.status_code == 200
    assert "Invitation sent to q@example.com" in response.content.decode()
    invitation = PortalInvitation.objects.get()
    assert invitation.sent_at is None and mail.outbox == []
    monkeypatch.undo()  # the broker is back
    assert outbox_sweep(now=later())["invitations"] == 1
    assert [m.to for m in mail.outbox] == [["q@example.com"]]
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert outbox_sweep(now=later(10))["invitations"] == 0 and len(mail.outbox) == 1


def test_digest_whose_publish_failed_is_sent_by_the_sweep(
    clinician, patient, broker_down, monkeypatch, django_capture_on_commit_callbacks
):
    Alert.objects.create(clinic=clinician.clinic, patient=patient, kind="red_session", message="8")
    with django_capture_on_commit_callbacks(execute=True):
        [digest_id] = digests_dispatch(now=SEVEN_LONDON)
    assert ClinicianDigest.objects.get(pk=digest_id).sent_at is None
    monkeypatch.undo()
    # Not before the grace (the normal path may still be on its way), then once.
    assert outbox_sweep(now=SEVEN_LONDON + datetime.timedelta(minutes=1))["digests"] == 0
    assert outbox_sweep(now=SEVEN_LONDON + datetime.timedelta(minutes=3))["digests"] == 1
    assert outbox_sweep(now=SEVEN_LONDON + datetime.timedelta(minutes=4))["digests"] == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [clinician.user.email]
    assert ClinicianDigest.objects.get(pk=digest_id).sent_at is not None


# --- the sweep ----------------------------------------------------------------------------


def unsent_alert(patient, **fields) -> Alert:
    return Alert.objects.create(
        clinic=patient.clinic,
        patient=patient,
        kind=fields.pop("kind", "emergency_symptom"),
        message="Emergency symptom reported: saddle anaesthesia.",
        **fields,
    )


def test_sweep_twice_sends_one_email(clinician, patient):
    alert = unsent_alert(patient)
    assert outbox_sweep(now=later()) == {
        "alerts": 1,
        "invitations": 0,
        "digests": 0,
        "staff_invitations": 0,
        "handouts": 0,
    }
    assert outbox_sweep(now=later(4)) == {
        "alerts": 0,
        "invitations": 0,
        "digests": 0,
        "staff_invitations": 0,
        "handouts": 0,
    }
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [clinician.user.email]
    alert.refresh_from_db()
    assert alert.emailed_at is not None


def test_sweep_leaves_what_it_must_not_send(clinician, patient):
    unsent_alert(patient, kind="red_session")  # waits for the digest
    unsent_alert(patient, resolved_at=timezone.now())  # already seen in the app
    unsent_alert(patient, emailed_at=timezone.now())
    fresh = unsent_alert(patient)
    # Within the grace the after-commit task may still be on its way.
    assert outbox_sweep(now=fresh.created_at + SWEEP_GRACE / 2)["alerts"] == 0
    assert mail.outbox == []


def test_sweep_respects_a_live_claim_and_takes_an_expired_one(clinician, patient):
    alert = unsent_alert(patient)
    assert ALERT_EMAILS.claim(alert.pk, owner="worker-that-died")
    assert outbox_sweep(now=later())["alerts"] == 0  # it may still be sending
    # The worker died mid-send: its claim runs out and the email goes out after all.
    Alert.objects.filter(pk=alert.pk).update(
        email_claimed_at=timezone.now() - ALERT_EMAILS.lease - datetime.timedelta(seconds=1)
    )
    assert outbox_sweep(now=later())["alerts"] == 1
    assert len(mail.outbox) == 1


def test_sweep_sends_only_open_invitations(actor, clinic):
    patient = PatientFactory(clinic=clinic, email="open@example.com")
    replaced = portal_invitation_send(actor=actor, patient=patient)
    current = portal_invitation_send(actor=actor, patient=patient)
    used = portal_invitation_send(
        actor=actor, patient=PatientFactory(clinic=clinic, email="u@x.org")
    )
    PortalInvitation.objects.filter(pk=used.pk).update(used_at=timezone.now())
    assert outbox_sweep(now=later())["invitations"] == 1
    assert [m.to for m in mail.outbox] == [["open@example.com"]]
    assert PortalInvitation.objects.get(pk=current.pk).sent_at is not None
    assert PortalInvitation.objects.get(pk=replaced.pk).sent_at is None
    # A replaced invitation's task, arriving late, sends nothing either.
    from patients.tasks import send_portal_invitation_task

    send_portal_invitation_task.apply(args=[replaced.pk])
    assert len(mail.outbox) == 1


def test_sweep_keeps_the_digest_window_and_opt_outs(db):
    clinic = ClinicFactory()
    wants = ClinicianFactory(clinic=clinic)
    opted_out = ClinicianFactory(clinic=clinic, digest_opt_out=True)
    for clinician in (wants, opted_out):
        ClinicianDigest.objects.create(
            clinician=clinician, local_date=SEVEN_LONDON.date(), created_at=SEVEN_LONDON
        )
    # Past 11:00 local the digest is skipped, as the dispatcher skips it (the next covers it).
    assert outbox_sweep(now=SEVEN_LONDON + datetime.timedelta(hours=4, minutes=1)) == {
        "alerts": 0,
        "invitations": 0,
        "digests": 0,
        "staff_invitations": 0,
        "handouts": 0,
    }
    assert outbox_sweep(now=SEVEN_LONDON + datetime.timedelta(hours=1))["digests"] == 1


def test_next_digest_covers_the_day_whose_digest_was_never_sent(clinician, patient):
    yesterday = SEVEN_LONDON - datetime.timedelta(days=1)
    ClinicianDigest.objects.create(
        clinician=clinician, local_date=yesterday.date(), created_at=yesterday
    )  # never sent: the workers were down all morning
    two_days_ago = yesterday - datetime.timedelta(days=1)
    ClinicianDigest.objects.create(
        clinician=clinician,
        local_date=two_days_ago.date(),
        created_at=two_days_ago,
        sent_at=two_days_ago,
    )
    Alert.objects.create(
        clinic=clinician.clinic,
        patient=patient,
        kind="pain_spike",
        message="Missed by yesterday's digest",
        created_at=yesterday + datetime.timedelta(hours=2),
    )
    today = ClinicianDigest.objects.create(
        clinician=clinician, local_date=SEVEN_LONDON.date(), created_at=SEVEN_LONDON
    )
    send_digest_task.apply(args=[today.pk])
    assert "Missed by yesterday's digest" in mail.outbox[0].body


# --- claims -------------------------------------------------------------------------------


def test_two_claims_one_wins(patient):
    alert = unsent_alert(patient)
    assert ALERT_EMAILS.claim(alert.pk, owner="task-a") is True
    assert ALERT_EMAILS.claim(alert.pk, owner="task-b") is False
    assert ALERT_EMAILS.claim(alert.pk, owner="task-a") is True  # a retry keeps its claim
    after_lease = timezone.now() + ALERT_EMAILS.lease + datetime.timedelta(seconds=1)
    assert ALERT_EMAILS.claim(alert.pk, owner="task-b", now=after_lease) is True
    ALERT_EMAILS.mark_sent(alert.pk)
    much_later = after_lease + 2 * ALERT_EMAILS.lease
    assert ALERT_EMAILS.claim(alert.pk, owner="task-c", now=much_later) is False  # sent
    assert ALERT_EMAILS.claim(alert.pk, owner="task-b") is False


def test_a_second_copy_of_the_send_task_sends_nothing(clinician, patient):
    alert = unsent_alert(patient)
    assert ALERT_EMAILS.claim(alert.pk, owner="after-commit-task")  # sending right now
    send_alert_email_task.apply(args=[alert.pk], task_id="sweep-task")
    assert mail.outbox == []
    send_alert_email_task.apply(args=[alert.pk], task_id="after-commit-task")
    send_alert_email_task.apply(args=[alert.pk], task_id="sweep-task")
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_claims_have_one_winner(patient):
    digest = ClinicianDigest.objects.create(
        clinician=ClinicianFactory(clinic=patient.clinic), local_date=SEVEN_LONDON.date()
    )
    outbox = Outbox(ClinicianDigest, "sent_at", "claimed_at", "claimed_by")
    barrier = threading.Barrier(8)
    won, errors = [], []

    def claim(owner):
        try:
            barrier.wait()
            if outbox.claim(digest.pk, owner=owner):
                won.append(owner)
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim, args=[f"task-{n}"]) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(won) == 1
    assert ClinicianDigest.objects.get(pk=digest.pk).claimed_by == won[0]
    assert DIGESTS.claim(digest.pk, owner="late") is False


# --- the sweep's queries use their partial indexes ------------------------------------------


def plan_of(call, table: str) -> str:
    """PostgreSQL's plan for the query `call` runs on `table`, with sequential scans priced
    out so that the plan shows whether an index can serve it (tables are tiny in tests)."""
    captured = []

    def capture(execute, sql, params, many, context):
        if f'FROM "{table}"' in sql and not captured:
            captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        call()
    [(sql, params)] = captured
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
@pytest.mark.parametrize(
    ("table", "index"),
    [
        ("programs_alert", "alert_email_unsent"),
        ("patients_portalinvitation", "invitation_unsent"),
        ("programs_cliniciandigest", "digest_unsent"),
    ],
)
def test_sweep_queries_use_the_partial_indexes(table, index):
    from patients.outbox import invitations_unsent
    from programs.followup.outbox import alerts_unemailed
    from programs.reminders.outbox import digests_unsent

    run = {
        "programs_alert": lambda: alerts_unemailed(now=later()),
        "patients_portalinvitation": lambda: invitations_unsent(now=later(), limit=10),
        "programs_cliniciandigest": lambda: digests_unsent(now=later()),
    }[table]
    assert index in plan_of(run, table)
