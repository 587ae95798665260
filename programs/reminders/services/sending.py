"""Sending reminders: a worker takes its claimed batch, builds each message in the patient's
language and marks each one sent as it goes, so a worker killed mid-batch sends nothing twice."""

import select
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from psycopg import pq

from clinic.outbox import chunked, ids_in
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
    each one array parameter on PostgreSQL (clinic.outbox.ids_in).
    """
    mine = Q(status=Reminder.Status.SENDING, claimed_by=task_id)
    with transaction.atomic():
        for chunk in chunked(reminder_ids):
            # One statement: the rows are locked (skipping any another task holds) and taken.
            claim = Reminder.objects.select_for_update(skip_locked=True).filter(
                Q(status=Reminder.Status.QUEUED) | mine, pk__in=ids_in(chunk)
            )
            Reminder.objects.filter(pk__in=claim.values("pk")).update(
                status=Reminder.Status.SENDING, claimed_by=task_id, attempts=F("attempts") + 1
            )
    # What the email reads of the reminder and its patient (the language too), in one query.
    reminders = [
        reminder
        for chunk in chunked(reminder_ids)
        for reminder in Reminder.objects.filter(mine, pk__in=ids_in(chunk))
        .select_related("patient")
        .only(*TAKEN_FIELDS)
        .order_by("id")
    ]
    reminders.sort(key=lambda reminder: reminder.pk)
    # Only what the email shows, as plain tuples: per-object prefetching cost more than the
    # rest of a reminder (bench/reminders.py).
    exercises: dict[int, list[tuple[str, Dosage]]] = {}
    # The exercise's name in each translated language, shown in the patient's when given.
    languages = translation_languages()
    names = [f"exercise__{column('name', language)}" for language in languages]
    for chunk in chunked(sorted({r.patient_id for r in reminders})):
        rows = (
            ProgramItem.objects.filter(
                program__patient_id__in=ids_in(chunk), program__status=Program.Status.ACTIVE
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


# What sending reads of a reminder and its patient; the templates read the patient's first
# name (ReminderEmails checks they read nothing more), the rest makes the message.
TAKEN_FIELDS = (
    "id",
    "kind",
    "attempts",
    "patient__id",
    "patient__first_name",
    "patient__email",
    "patient__language",
)


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


# The mark as libpq takes it: numbered parameters, sent as text.
MARK_SENT_PG = (
    MARK_SENT_SQL.replace("%s", "$1", 1).replace("%s", "$2", 1).replace("%s", "$3", 1).encode()
)
MARK_SENT_STATEMENT = b"backstrong_reminder_mark_sent"
SENT = Reminder.Status.SENT.value.encode()


class SentMarks:
    """Sends each email's "sent" mark as soon as the email is handed over, and reads the
    answer only before the next mark (PostgreSQL; elsewhere each mark waits for its answer).

    Each mark is a statement of its own, committed by the server whether or not the worker
    is still there to read the answer, so a worker killed mid-batch loses no mark it sent,
    as before. Waiting for each answer was the largest part of a reminder's time
    (bench/reminders.py): the database now does the mark while the next email is built and
    handed over. Should a mark fail, the batch stops one email later than it did, and that
    email is sent again by the retry as well.

    The statement is prepared for the batch where the settings allow prepared statements
    (config.settings.base.with_prepared_statements), so the server does not plan each mark.
    """

    def __init__(self) -> None:
        self._pgconn: Any = None
        self._name = b""
        self._in_flight = False

    def __enter__(self) -> "SentMarks":
        if connection.vendor != "postgresql":
            return self
        connection.ensure_connection()
        self._pgconn = connection.connection.pgconn
        if connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"):
            self._check(self._pgconn.prepare(MARK_SENT_STATEMENT, MARK_SENT_PG))
            self._name = MARK_SENT_STATEMENT
        return self

    def __exit__(self, exc_type: object, *exc_info: object) -> None:
        try:
            self.wait()
        finally:
            if self._name:
                result = self._pgconn.exec_(b"DEALLOCATE " + self._name)
                if exc_type is None:
                    self._check(result)

    def mark(self, reminder: Reminder) -> None:
        """Send the reminder's mark; the previous mark's answer is read first."""
        if self._pgconn is None:
            reminder_mark_sent(reminder=reminder)
            return
        self.wait()
        params = [SENT, timezone.now().isoformat().encode(), str(reminder.pk).encode()]
        if self._name:
            self._pgconn.send_query_prepared(self._name, params)
        else:
            self._pgconn.send_query_params(MARK_SENT_PG, params)
        self._in_flight = True
        while self._pgconn.flush():  # the connection is non-blocking: send all of it
            select.select([], [self._pgconn.socket], [])

    def wait(self) -> None:
        """Read the answer to the mark in flight (before any other use of the connection)."""
        if not self._in_flight:
            return
        self._in_flight = False
        results = []
        while (result := self._pgconn.get_result()) is not None:
            results.append(result)
        for result in results:
            self._check(result)

    @staticmethod
    def _check(result: Any) -> None:
        if result.status != pq.ExecStatus.COMMAND_OK:
            message = result.error_message.decode(errors="replace")
            raise DatabaseError(f"Marking reminders sent failed: {message}")


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
    with marks_without_fsync(), SentMarks() as marks, get_connection() as mail:
        for reminder, exercises in reminders:
            try:
                mail.send_messages([emails.message(reminder, reminder.patient, exercises)])
            except TRANSIENT_SEND_ERRORS as exc:
                marks.wait()
                final = reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS
                reminder_mark_failed(reminder=reminder, error=repr(exc), final=final)
                if not final:
                    retry.append(reminder.pk)
                continue
            marks.mark(reminder)
            sent += 1
    return sent, retry


def reminder_mark_failed(*, reminder: Reminder, error: str, final: bool) -> None:
    """Record a failed attempt; after the last one the reminder is failed for good."""
    Reminder.objects.filter(pk=reminder.pk).update(
        status=Reminder.Status.FAILED if final else Reminder.Status.SENDING,
        last_error=error[:300],
    )
