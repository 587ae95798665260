"""Background jobs of the reminders app: thin wrappers around services, taking ids."""

import smtplib
import uuid

from celery import shared_task
from celery.utils.log import get_task_logger
from django.utils import timezone

from programs.reminders.outbox import outbox_sweep
from programs.reminders.services import (
    digest_send,
    digests_dispatch,
    inactivity_check,
    reminder_batch_send,
    reminders_dispatch,
)

logger = get_task_logger(__name__)
# Errors worth another try: the mail server or the network, not our data.
TRANSIENT = (smtplib.SMTPException, OSError)
LIMITS = {"soft_time_limit": 240, "time_limit": 300}


@shared_task(**LIMITS)
def dispatch_reminders_task() -> int:
    """Claim the reminders due this minute and enqueue their send batches.

    Idempotent: each (patient, kind, slot) is a unique row and is claimed once, so duplicate
    beats or two dispatchers at once send nothing twice.
    """
    return sum(len(batch) for batch in reminders_dispatch(now=timezone.now()))


@shared_task(**LIMITS)
def check_inactivity_task() -> int:
    """Nudge patients idle 2 days and alert clinicians after 5.

    Idempotent: one nudge row per inactivity stretch (unique slot), no second open alert.
    """
    return sum(len(batch) for batch in inactivity_check(now=timezone.now()))


@shared_task(**LIMITS)
def dispatch_digests_task() -> int:
    """Claim today's digest for clinicians past 07:00 local; one row per clinician and day."""
    return len(digests_dispatch(now=timezone.now()))


@shared_task(bind=True, max_retries=None, **LIMITS)
def send_reminder_batch_task(self, reminder_ids: list[int]) -> int:
    """Send a batch of reminders over one mail connection.

    Idempotent: the service takes each row under this task's id (a redelivery after a crash
    keeps the id and resumes), marks each sent right after its email, and never takes a sent
    row again. Failed sends come back with exponential backoff until REMINDER_MAX_ATTEMPTS.
    """
    sent, retry = reminder_batch_send(reminder_ids=reminder_ids, task_id=self.request.id or "eager")
    if retry:
        logger.warning("Retrying %d reminders after send failures", len(retry))
        raise self.retry(countdown=min(30 * 2**self.request.retries, 900))
    return sent


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT,
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=8,
    **LIMITS,
)
def send_digest_task(self, digest_id: int) -> bool:
    """Email one clinician's daily digest.

    Idempotent: the service claims the digest under this task's id and marks it sent, so the
    dispatcher's task and the outbox sweep's send one email.
    """
    return digest_send(digest_id=digest_id, owner=self.request.id or uuid.uuid4().hex)


@shared_task(**LIMITS)
def sweep_outbox_task() -> int:
    """Publish again the send tasks of emails that did not go out (broker down, task lost).

    Idempotent: it only publishes, and each send task claims its row before sending, so a row
    published twice is sent once.
    """
    return sum(outbox_sweep(now=timezone.now()).values())
