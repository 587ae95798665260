"""Any number of due reminders works (issue: "100,000 due in one minute"): PostgreSQL, with
parameters bound on the server as in production, takes at most 65,535 parameters in one
statement, so no claim, mark or check may send one parameter per row in one statement.

The slow test of the suite (about a minute: 66,000 emails built in full); speed itself is
measured in bench/reminders.py, not here.
"""

import datetime
from collections import Counter

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.utils import timezone

from clinic.models import Clinic
from patients.models import Patient
from programs.followup.models import Alert
from programs.prescribing.models import Program
from programs.reminders.models import Reminder, ReminderPreference
from programs.reminders.services import inactivity_check, reminders_dispatch
from programs.reminders.services.reminders import INSERT_PENDING_SQL
from tests.seeding import copy_rows

pytestmark = pytest.mark.django_db

# More than PostgreSQL's limit of bound parameters, so a single `pk IN (…)` of them all fails.
PATIENTS = 66_000
NOW = datetime.datetime(2026, 1, 15, 18, 0, 30, tzinfo=datetime.UTC)  # a Thursday, 18:00 UTC


def _seed() -> None:
    clinic = Clinic.objects.create(name="Regional service", timezone="UTC")
    now = timezone.now()
    copy_rows(
        Patient,
        [
            "clinic", "external_id", "first_name", "last_name", "date_of_birth", "email",
            "phone", "timezone", "condition", "region", "prone_tolerant", "status",
            "created_at", "updated_at",
        ],
        (
            (clinic.pk, "", "Pat", f"Many {n}", datetime.date(1970, 1, 1), f"p{n}@example.org",
             "", "UTC", "muscle_strain", "lower_back", True, "active", now, now)
            for n in range(PATIENTS)
        ),
    )  # fmt: skip
    ids = list(Patient.objects.filter(clinic=clinic).values_list("pk", flat=True))
    # Active for a week with no session: due for a reminder now, idle long enough for both
    # the nudge and the clinician's inactivity alert.
    activated = NOW - datetime.timedelta(days=7)
    copy_rows(
        Program,
        ["patient", "status", "tier", "start_date", "activated_at", "created_at", "updated_at"],
        ((pk, "active", "mild", activated.date(), activated, now, now) for pk in ids),
    )
    copy_rows(
        ReminderPreference,
        ["patient", "enabled", "times", "weekdays", "updated_at"],
        ((pk, True, '["18:00"]', "[0, 1, 2, 3, 4, 5, 6]", now) for pk in ids),
    )


def test_the_pending_insert_writes_every_column_without_a_default():
    """INSERT_PENDING_SQL names its columns; a new NOT NULL field must be added to it."""
    required = {
        field.column
        for field in Reminder._meta.concrete_fields
        if not field.null and not field.primary_key
    }
    columns = INSERT_PENDING_SQL.split("(", 1)[1].split(")", 1)[0]
    assert {column.strip() for column in columns.split(",")} >= required


class RecordingBackend(locmem.EmailBackend):
    """Django's locmem backend (every message built in full), keeping only what the test
    checks: 66,000 whole messages (some 260 MB) made the collector walk them for minutes."""

    sent: list[tuple[int, str]] = []

    def send_messages(self, messages):
        count = super().send_messages(messages)
        for message in mail.outbox:
            self.sent.append((int(message.extra_headers["X-Backstrong-Reminder"]), message.to[0]))
        mail.outbox.clear()
        return count


@pytest.mark.slow
def test_more_reminders_than_postgresql_takes_parameters_in_one_statement(
    django_capture_on_commit_callbacks, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("the parameter limit is PostgreSQL's (CI always has it)")
    # The production database options: parameters bound on the server, where the limit bites.
    assert connection.settings_dict["OPTIONS"].get("server_side_binding") is True
    _seed()

    # The send tasks run here (eager) when the claim commits, each sending its batch through
    # a locmem backend that builds every message in full and records whom it went to.
    settings.EMAIL_BACKEND = f"{__name__}.RecordingBackend"
    RecordingBackend.sent = []
    with django_capture_on_commit_callbacks(execute=True) as publishes:
        batches = reminders_dispatch(now=NOW)
    assert len(publishes) == 1  # one callback publishes every batch
    claimed = [pk for batch in batches for pk in batch]
    assert len(claimed) == len(set(claimed)) == PATIENTS  # each claimed once, in one batch
    sessions = Reminder.objects.filter(kind="session")
    assert set(sessions.values_list("pk", flat=True)) == set(claimed)
    # Taken by one task, once, marked sent; nothing failed or waits for a retry.
    assert sessions.filter(status=Reminder.Status.SENT, attempts=1, last_error="").count() == (
        PATIENTS
    )
    assert not sessions.filter(sent_at__isnull=True).exists()
    assert len(RecordingBackend.sent) == PATIENTS
    emailed = Counter(reminder for reminder, _to in RecordingBackend.sent)
    assert set(emailed) == set(claimed) and set(emailed.values()) == {1}
    assert {to for _r, to in RecordingBackend.sent} == {
        f"p{n}@example.org" for n in range(PATIENTS)
    }
    # A second dispatch in the same minute finds every slot taken.
    with django_capture_on_commit_callbacks(execute=False):
        assert reminders_dispatch(now=NOW + datetime.timedelta(seconds=20)) == []

    with django_capture_on_commit_callbacks(execute=False):
        inactivity_check(now=NOW)
    # One nudge row per stretch of inactivity (its slot, 2 days in, is past its sending window
    # here, so it stays pending) and one clinician alert per patient.
    assert Reminder.objects.filter(kind="nudge").count() == PATIENTS
    assert Alert.objects.filter(kind=Alert.Kind.INACTIVITY).count() == PATIENTS
    # Run again: no second open alert, no second nudge.
    with django_capture_on_commit_callbacks(execute=False):
        inactivity_check(now=NOW + datetime.timedelta(minutes=30))
    assert Reminder.objects.filter(kind="nudge").count() == PATIENTS
    assert Alert.objects.filter(kind=Alert.Kind.INACTIVITY).count() == PATIENTS
