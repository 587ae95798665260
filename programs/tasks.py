"""Background jobs of the programs app: thin wrappers around services, taking ids."""

import datetime
import smtplib

from celery import shared_task
from celery.utils.log import get_task_logger
from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone

from clinic.models import Clinician
from programs.models import Alert, ClinicianDigest, Suggestion
from programs.notifications import alert_message, digest_message, reminder_message
from programs.services.reminders import (
    digests_dispatch,
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
    autoretry_for=TRANSIENT, retry_backoff=30, retry_backoff_max=600, max_retries=8, **LIMITS
)
def send_alert_email_task(alert_id: int) -> None:
    """Email an urgent alert to every clinician of the patient's clinic.

    Idempotent: `emailed_at` is set after sending, and an emailed alert is not sent again.
    """
    alert = Alert.objects.select_related("patient").filter(pk=alert_id).first()
    if alert is None or alert.emailed_at is not None:
        return
    recipients = list(
        Clinician.objects.filter(clinic_id=alert.clinic_id, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )
    if recipients:
        alert_message(alert, recipients).send()
    Alert.objects.filter(pk=alert.pk).update(emailed_at=timezone.now())


@shared_task(
    autoretry_for=TRANSIENT, retry_backoff=30, retry_backoff_max=600, max_retries=8, **LIMITS
)
def send_digest_task(digest_id: int) -> None:
    """Email one clinician's daily digest of the clinic's new alerts.

    Idempotent: `sent_at` is set after sending, and a sent digest is not sent again.
    """
    digest = ClinicianDigest.objects.select_related("clinician__user", "clinician__clinic").get(
        pk=digest_id
    )
    if digest.sent_at is not None:
        return
    clinician = digest.clinician
    previous = (
        ClinicianDigest.objects.filter(clinician=clinician, local_date__lt=digest.local_date)
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
    ClinicianDigest.objects.filter(pk=digest.pk).update(
        sent_at=timezone.now(), alert_count=len(alerts)
    )
