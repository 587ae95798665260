"""Due check-ins are reminded through the reminder pipeline: in the patient's own slots (so
never in quiet hours), only when opted in, once per time the check-in falls due, exactly once
under repeated dispatches."""

import datetime

import pytest
from django.core import mail

from programs.outcomes.models import OutcomeScore
from programs.reminders.models import Reminder, ReminderPreference
from programs.reminders.services import reminders_dispatch
from tests.factories import PatientFactory, UserFactory, program_factory

UTC = datetime.UTC
EVENING = datetime.datetime(2026, 1, 15, 18, 1, tzinfo=UTC)  # 18:01 in London (GMT)

pytestmark = pytest.mark.django_db


def make_patient(clinic, *, times=("18:00",), enabled=True, portal=True):
    email = f"p{PatientFactory._meta.model.objects.count()}@x.org"
    patient = PatientFactory(clinic=clinic, email=email)
    if portal:
        patient.user = UserFactory(email=email)
        patient.save()
    program = program_factory(patient=patient, status="active")
    program.start_date = EVENING.date() - datetime.timedelta(days=20)
    program.save()
    ReminderPreference.objects.create(
        patient=patient, times=list(times), weekdays=list(range(7)), enabled=enabled
    )
    return patient


def scored(patient, instrument, days_before):
    OutcomeScore.objects.create(
        patient=patient,
        instrument=instrument,
        score=4,
        taken_at=EVENING - datetime.timedelta(days=days_before),
        source="patient",
    )


def checkins():
    return Reminder.objects.filter(kind="checkin")


def test_a_due_check_in_is_reminded_once(clinic, django_capture_on_commit_callbacks):
    patient = make_patient(clinic)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_dispatch(now=EVENING)
    reminder = checkins().get()
    assert (reminder.patient, reminder.status) == (patient, "sent")
    message = next(m for m in mail.outbox if "check-in" in m.subject)
    assert "http://testserver/portal/check-in/" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    # The session reminder of the same slot still goes.
    assert Reminder.objects.filter(kind="session", patient=patient).count() == 1
    # The same minute again, and the next day's slot: no second check-in reminder.
    reminders_dispatch(now=EVENING)
    reminders_dispatch(now=EVENING + datetime.timedelta(days=1))
    assert checkins().count() == 1


def test_not_due_not_opted_in_or_outside_a_slot(clinic):
    answered = make_patient(clinic)
    scored(answered, "nprs", 3)
    scored(answered, "psfs", 3)
    make_patient(clinic, enabled=False)
    make_patient(clinic, times=("08:00",))  # its slot is not now
    make_patient(clinic, portal=False)  # could not answer: no portal login
    reminders_dispatch(now=EVENING)
    assert not checkins().exists()


def test_reminded_again_when_the_next_check_in_falls_due(clinic):
    patient = make_patient(clinic)
    reminders_dispatch(now=EVENING)
    assert checkins().count() == 1
    later = EVENING + datetime.timedelta(days=3)
    scored(patient, "nprs", -2)  # answered two days after the reminder
    scored(patient, "psfs", -2)
    reminders_dispatch(now=later)
    assert checkins().count() == 1  # answered: nothing due
    # Two weeks after the answer, due again: one more reminder.
    reminders_dispatch(now=EVENING + datetime.timedelta(days=16))
    assert checkins().count() == 2


@pytest.mark.parametrize("count", [1, 20])
def test_query_count_does_not_grow_with_patients(clinic, count, django_assert_max_num_queries):
    for _ in range(count):
        make_patient(clinic)
    with django_assert_max_num_queries(12):
        reminders_dispatch(now=EVENING)
    assert checkins().count() == count
