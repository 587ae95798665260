"""A broker that refuses connections: emergency reports still succeed, and their alert emails
go out exactly once when the broker is back (SPEC 4: an outage delays, never loses or doubles).

A throwaway `redis-server` is the broker: started, pointed at, then killed, so publishing meets
a real refused connection; restarted on the same port, it carries the sweep's tasks, which the
test then runs in-process as a worker would.
"""

import datetime
import logging
from queue import Empty

import kombu.pools
import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from config.celery import app as celery_app
from programs.followup.models import Alert, SessionLog
from programs.prescribing.models import Program
from programs.reminders.tasks import sweep_outbox_task
from tests.factories import (
    ClinicianFactory,
    PatientFactory,
    api_token_for,
    portal_client_for,
    program_factory,
)
from tests.faults.servers import ThrowawayRedis

pytestmark = pytest.mark.django_db(transaction=True)


def _reset_broker_connections() -> None:
    """Drop Celery's pooled connections and producers, so the next publish dials the broker
    that `broker_url` names now.

    kombu keeps its pools in process-wide groups keyed by connection: closing a pool without
    clearing them would hand the closed pool to the next test that publishes to that broker
    ("Acquire on closed pool"). `kombu.pools.reset()` closes and forgets them all.
    """
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def broker(tmp_path):
    """A real Redis broker of this test's own, with tasks published to it, not run eagerly."""
    server = ThrowawayRedis(tmp_path).start()
    saved = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = server.url
    _reset_broker_connections()
    yield server
    server.stop()
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = saved
    _reset_broker_connections()


def run_queued_tasks(server: ThrowawayRedis) -> list[str]:
    """Take every task message off the broker's default queue and run it here, as a worker
    would (same task id, same arguments). Returns the names of the tasks run."""
    ran = []
    with celery_app.connection_for_read(server.url) as connection:
        queue = connection.SimpleQueue(celery_app.conf.task_default_queue)
        try:
            while True:
                try:
                    message = queue.get(block=False)
                except Empty:
                    break
                args, kwargs, _ = message.decode()
                name = message.headers["task"]
                celery_app.tasks[name].apply(
                    args=args, kwargs=kwargs, task_id=message.headers["id"], throw=True
                )
                message.ack()
                ran.append(name)
        finally:
            queue.close()
    return ran


@pytest.fixture
def patients(clinic):
    """Two patients with an active program: one logs in the portal, one through the API."""
    made = []
    for first_name in ("Portia", "Apiah"):
        patient = PatientFactory(clinic=clinic, first_name=first_name, email=f"{first_name}@x.org")
        program_factory(patient=patient, status="active", slugs=("prone-on-elbows",))
        made.append(patient)
    return made


def test_emergency_reports_survive_a_broker_outage(broker, clinic, patients, caplog):
    ClinicianFactory(clinic=clinic)
    api = APIClient()
    api.credentials(
        HTTP_AUTHORIZATION=f"Bearer {api_token_for(ClinicianFactory(clinic=clinic).user)}"
    )
    clinicians = set(clinic.clinicians.values_list("user__email", flat=True))
    portal_patient, api_patient = patients
    portal = portal_client_for(portal_patient)
    broker.stop()  # the port now refuses connections

    # (a) The portal: the patient sees the emergency advice, not an error page.
    item = portal_patient.programs.get().items.get()
    with caplog.at_level(logging.WARNING, logger="clinic.outbox"):
        response = portal.post(
            reverse("portal:log"),
            {
                "client_token": "1b0f6f0e-8d3e-4a7e-9d6a-0c2c9a9d1a11",
                "pain_before": 2,
                "pain_after": 3,
                f"done_{item.pk}": "on",
                f"sets_{item.pk}": item.sets,
                f"reps_{item.pk}": item.reps,
                "symptoms": "bladder_bowel_dysfunction",
            },
            follow=True,
        )
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == reverse("portal:emergency")
        assert "Seek emergency care now" in response.content.decode()

        # (b) The API: the session is created.
        api_item = api_patient.programs.get().items.get()
        response = api.post(
            f"/api/v1/patients/{api_patient.pk}/sessions/",
            {
                "pain_before": 2,
                "pain_after": 3,
                "items": [
                    {
                        "item": api_item.pk,
                        "completed": True,
                        "sets_done": api_item.sets,
                        "reps_done": api_item.reps,
                    }
                ],
                "symptoms": ["saddle_anaesthesia"],
            },
            format="json",
        )
        assert response.status_code == 201, response.content

    # Committed: both sessions, both pauses, both alerts; no email yet.
    assert SessionLog.objects.filter(patient__in=patients).count() == 2
    assert set(Program.objects.filter(patient__in=patients).values_list("status", flat=True)) == {
        Program.Status.PAUSED
    }
    alerts = Alert.objects.filter(kind=Alert.Kind.EMERGENCY_SYMPTOM)
    assert {alert.patient_id for alert in alerts} == {p.pk for p in patients}
    assert all(alert.emailed_at is None for alert in alerts)
    assert mail.outbox == []
    warnings = [r for r in caplog.records if r.name == "clinic.outbox"]
    assert len(warnings) == 2 and all("send_alert_email_task" in r.getMessage() for r in warnings)

    # While it is still down the sweep publishes nothing, and raises nothing.
    alerts.update(created_at=alerts[0].created_at - datetime.timedelta(minutes=5))
    assert sweep_outbox_task() == 0

    # The broker is back, on the same address: the sweep sends each alert email once.
    broker.start()
    assert sweep_outbox_task() == 2
    assert run_queued_tasks(broker) == ["programs.followup.tasks.send_alert_email_task"] * 2
    assert len(mail.outbox) == 2
    subjects = sorted(message.subject for message in mail.outbox)
    assert all(s.startswith("URGENT: Emergency symptom") for s in subjects)
    assert [("Apiah" in s, "Portia" in s) for s in subjects] == [(True, False), (False, True)]
    assert all(set(message.to) == clinicians for message in mail.outbox)
    assert all(alert.emailed_at is not None for alert in alerts.all())

    # Sweeping again sends nothing more.
    assert sweep_outbox_task() == 0
    assert run_queued_tasks(broker) == []
    assert len(mail.outbox) == 2
