"""Sending reminders: a worker takes its claimed batch, builds each message in the patient's
language and marks each one sent as it goes, so a worker killed mid-batch sends nothing twice."""

import smtplib
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from clinic.outbox import chunked
from programs.library.dosage import BOUNDS, Dosage
from programs.library.translations import column, translation_languages
from programs.prescribing.models import Program, ProgramItem
from programs.reminders.emails import ReminderEmails, ReminderExercises
from programs.reminders.models import Reminder

# Errors worth another try: the mail server or the network, not our data.
TRANSIENT_SEND_ERRORS = (smtplib.SMTPException, OSError)


def reminders_take(
    *, reminder_ids: list[int], task_id: str
) -> list[tuple[Reminder, ReminderExercises]]:
    """Claim a batch for one task run: queued rows, and rows this same task (a redelivery after
    a crash) had taken but not sent. Returns them with what the email needs.

    A batch is REMINDER_BATCH_SIZE rows, but any size works: ids go to the database in chunks,
    under PostgreSQL's limit of bound parameters.
    """
    ids: list[int] = []
    with transaction.atomic():
        for chunk in chunked(reminder_ids):
            claim = Reminder.objects.select_for_update(skip_locked=True).filter(
                Q(status=Reminder.Status.QUEUED)
                | Q(status=Reminder.Status.SENDING, claimed_by=task_id),
                pk__in=chunk,
            )
            taken = list(claim.values_list("id", flat=True))
            Reminder.objects.filter(pk__in=taken).update(
                status=Reminder.Status.SENDING, claimed_by=task_id, attempts=F("attempts") + 1
            )
            ids += taken
    ids.sort()
    # The patient whole, in the same query: the email (and its language) reads from it.
    reminders = [
        reminder
        for chunk in chunked(ids)
        for reminder in Reminder.objects.filter(pk__in=chunk)
        .select_related("patient")
        .order_by("id")
    ]
    # Only what the email shows, as plain tuples: per-object prefetching cost more than the
    # rest of a reminder (bench/reminders.py).
    exercises: dict[int, list[tuple[str, Dosage]]] = {}
    # The exercise's name in each translated language, shown in the patient's when given.
    languages = translation_languages()
    names = [f"exercise__{column('name', language)}" for language in languages]
    for chunk in chunked(sorted({r.patient_id for r in reminders})):
        rows = (
            ProgramItem.objects.filter(
                program__patient_id__in=chunk, program__status=Program.Status.ACTIVE
            )
            .order_by("program_id", "order", "id")
            .values_list(
                "program__patient_id",
                "program__patient__language",
                "exercise__name",
                *names,
                *BOUNDS,
            )
        )
        for patient_id, language, name, *rest in rows:
            translated = dict(zip(languages, rest[: len(languages)], strict=True))
            dosage = Dosage(*rest[len(languages) :])
            exercises.setdefault(patient_id, []).append((translated.get(language) or name, dosage))
    return [(reminder, tuple(exercises.get(reminder.patient_id, ()))) for reminder in reminders]


MARK_SENT_SQL = (
    f"UPDATE {Reminder._meta.db_table} "  # noqa: S608 - the model's own table, values are params
    "SET status = %s, sent_at = %s, last_error = '' WHERE id = %s"
)


@contextmanager
def marks_without_fsync() -> Iterator[None]:
    """Commit the per-email "sent" marks without waiting for the disk flush (PostgreSQL).

    The flush per commit was most of a reminder's cost. A worker crash still loses no mark
    (each commit is done at the server); only a database server crash could lose the last
    fraction of a second of marks, and so resend those few reminders.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def reminder_mark_sent(*, reminder: Reminder) -> None:
    """Record one delivery; committed at once so a crash right after loses no record.

    Plain SQL: this runs once per email, and the ORM's per-query overhead was a third of the
    cost of a reminder (bench/reminders.py).
    """
    with connection.cursor() as cursor:
        cursor.execute(MARK_SENT_SQL, [Reminder.Status.SENT, timezone.now(), reminder.pk])


def reminder_batch_send(*, reminder_ids: list[int], task_id: str) -> tuple[int, list[int]]:
    """Send a batch of reminders over one mail connection; returns (sent, ids to retry).

    A row is taken by one task id (a redelivery after a crash has the same id and resumes it),
    each row is marked sent right after its email, and sent rows are never taken again. A send
    that fails is retried until REMINDER_MAX_ATTEMPTS, then the reminder is failed for good.
    """
    reminders = reminders_take(reminder_ids=reminder_ids, task_id=task_id)
    sent, retry = 0, list[int]()
    if not reminders:
        return sent, retry
    emails = ReminderEmails()
    with marks_without_fsync(), get_connection() as mail:
        for reminder, exercises in reminders:
            try:
                mail.send_messages([emails.message(reminder, reminder.patient, exercises)])
            except TRANSIENT_SEND_ERRORS as exc:
                final = reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS
                reminder_mark_failed(reminder=reminder, error=repr(exc), final=final)
                if not final:
                    retry.append(reminder.pk)
                continue
            reminder_mark_sent(reminder=reminder)
            sent += 1
    return sent, retry


def reminder_mark_failed(*, reminder: Reminder, error: str, final: bool) -> None:
    """Record a failed attempt; after the last one the reminder is failed for good."""
    Reminder.objects.filter(pk=reminder.pk).update(
        status=Reminder.Status.FAILED if final else Reminder.Status.SENDING,
        last_error=error[:300],
    )
