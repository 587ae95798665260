"""Background jobs of the prescribing app: thin wrappers around services, taking ids."""

import smtplib
import uuid

from celery import shared_task

from programs.prescribing.services.handout import handout_email_send

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
def send_handout_email_task(self, email_id: int) -> bool:
    """Email a program's handout, PDF attached, to the patient.

    Idempotent: the service claims the email under this task's id (a retry keeps it) and marks
    it sent, so a second copy of the task, or the outbox sweep's, sends nothing.
    """
    return handout_email_send(email_id=email_id, owner=self.request.id or uuid.uuid4().hex)
