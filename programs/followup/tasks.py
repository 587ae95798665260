"""Background jobs of the follow-up app: thin wrappers around services, taking ids."""

import smtplib
import uuid

from celery import shared_task

from clinic.models import Clinic
from programs.followup.services import alert_email_send, attention_rebuild

# Errors worth another try: the mail server or the network, not our data.
TRANSIENT = (smtplib.SMTPException, OSError)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT,
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=8,
    soft_time_limit=240,
    time_limit=300,
)
def send_alert_email_task(self, alert_id: int) -> bool:
    """Email an emergency alert to the clinic.

    Idempotent: the service claims the email under this task's id (a retry keeps it) and marks
    it sent, so a second copy of the task, or the outbox sweep's, sends nothing.
    """
    return alert_email_send(alert_id=alert_id, owner=self.request.id or uuid.uuid4().hex)


@shared_task(soft_time_limit=1500, time_limit=1800)
def attention_rebuild_task() -> int:
    """Hourly: every clinic's dashboard reasons afresh (adherence changes as days pass)."""
    return sum(attention_rebuild(clinic=clinic) for clinic in Clinic.objects.all())
