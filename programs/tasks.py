"""Background jobs of the programs app: thin wrappers around services, taking ids."""

import datetime
import smtplib
import uuid

from celery import shared_task
from celery.utils.log import get_task_logger
from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone

from clinic.models import Clinician
from programs.models import Alert, ClinicianDigest, Suggestion
from programs.notifications import alert_message, digest_message, reminder_message
from programs.outbox import ALERT_EMAILS, DIGESTS, outbox_sweep
from programs.services.digests import digests_dispatch
from programs.services.reminders import (
    inactivity_check,
    marks_without_fsync,
    reminder_mark_failed,
    reminder_mark_sent,
    reminders_dispatch,
    reminders_take,
)

logger = get_task_logger(__name__)
# Errors worth another try: the mail server or the network, not our data.
TRANSIENT = (smtplib.SMTPException, OSError)
LIMITS = {"soft_time_limit": 240, "time_limit": 300}


def _owner(task) -> str:
    """Who claims an outbox row: the task id, which a retry or a redelivery keeps."""
    return task.request.id or uuid.uuid4().hex


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

    Idempotent: a row is taken by one task id (a redelivery after a crash has the same id and
    resumes it), each row is marked sent right after its email, and sent rows are never taken
    again. Failed sends retry with exponential backoff until REMINDER_MAX_ATTEMPTS.
    """
    reminders = reminders_take(reminder_ids=reminder_ids, task_id=self.request.id or "eager")
    if not reminders:
        return 0
    sent, failed = 0, []
    with marks_without_fsync(), get_connection() as connection:
        for reminder in reminders:
            try:
                connection.send_messages(
                    [reminder_message(reminder, reminder.patient, reminder.exercises)]
                )
            except TRANSIENT as exc:
                final = reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS
                reminder_mark_failed(reminder=reminder, error=repr(exc), final=final)
                if not final:
                    failed.append(reminder.pk)
                continue
            reminder_mark_sent(reminder=reminder)
            sent += 1
    if failed:
        logger.warning("Retrying %d reminders after send failures", len(failed))
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
def send_alert_email_task(self, alert_id: int) -> None:
    """Email an urgent alert to every clinician of the patient's clinic.

    Idempotent: the task claims the alert's email before sending (a retry of the same task
    keeps its claim, any other copy finds it taken) and sets `emailed_at` right after, so the
    after-commit task and the outbox sweep's send one email.
    """
    alert = Alert.objects.select_related("patient").filter(pk=alert_id).first()
    if alert is None or alert.emailed_at is not None:
        return
    if not ALERT_EMAILS.claim(alert.pk, owner=_owner(self)):
        return
    recipients = list(
        Clinician.objects.filter(clinic_id=alert.clinic_id, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )
    if recipients:
        alert_message(alert, recipients).send()
    ALERT_EMAILS.mark_sent(alert.pk)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT,
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=8,
    **LIMITS,
)
def send_digest_task(self, digest_id: int) -> None:
    """Email one clinician's daily digest of the clinic's new alerts.

    Idempotent: the task claims the digest before sending and sets `sent_at` right after, so
    the dispatcher's task and the outbox sweep's send one email.
    """
    digest = (
        ClinicianDigest.objects.select_related("clinician__user", "clinician__clinic")
        .filter(pk=digest_id)
        .first()
    )
    if digest is None or digest.sent_at is not None or digest.clinician.digest_opt_out:
        return
    if not DIGESTS.claim(digest.pk, owner=_owner(self)):
        return
    clinician = digest.clinician
    # Since the last digest that went out: a day whose digest was never sent (workers down
    # all morning) is covered by the next one instead of falling between the two.
    previous = (
        ClinicianDigest.objects.filter(
            clinician=clinician, local_date__lt=digest.local_date, sent_at__isnull=False
        )
        .order_by("-local_date")
        .first()
    )
    since = previous.created_at if previous else digest.created_at - datetime.timedelta(days=1)
    alerts = list(
        Alert.objects.filter(
            clinic_id=clinician.clinic_id, created_at__gte=since, resolved_at__isnull=True
        ).select_related("patient")
    )
    suggestions = Suggestion.objects.filter(
        patient__clinic_id=clinician.clinic_id, status=Suggestion.Status.PENDING
    ).count()
    if alerts or suggestions:
        digest_message(clinician, alerts, suggestions).send()
    DIGESTS.mark_sent(digest.pk, alert_count=len(alerts))


@shared_task(**LIMITS)
def sweep_outbox_task() -> int:
    """Publish again the send tasks of emails that did not go out (broker down, task lost).

    Idempotent: it only publishes, and each send task claims its row before sending, so a row
    published twice is sent once.
    """
    return sum(outbox_sweep(now=timezone.now()).values())
