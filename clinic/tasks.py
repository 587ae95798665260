"""Background jobs of the clinic app."""

import uuid

from celery import shared_task
from django.urls import reverse
from django.utils.translation import gettext as _

from clinic.emails import absolute, email_message
from clinic.models import StaffInvitation
from clinic.services.staff import staff_invitation_token
from clinic.staff_outbox import STAFF_INVITATIONS


@shared_task(
    bind=True,
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
)
def send_staff_invitation_task(self, invitation_id: int) -> None:
    """Email a clinician's invitation link.

    Idempotent: the task claims the invitation's row before sending and marks it sent right
    after (clinic.outbox), so the after-commit task and the outbox sweep's send one email; an
    invitation no longer open is not sent.
    """
    invitation = StaffInvitation.objects.select_related("clinic").filter(pk=invitation_id).first()
    if invitation is None or invitation.state != "open":
        return
    if not STAFF_INVITATIONS.claim(invitation.pk, owner=self.request.id or uuid.uuid4().hex):
        return
    link = absolute(reverse("staff_invitation_accept", args=[staff_invitation_token(invitation)]))
    email_message(
        subject=_("%(clinic)s invites you to Backstrong") % {"clinic": invitation.clinic.name},
        template="clinic/email/staff_invitation",
        context={"invitation": invitation, "clinic": invitation.clinic, "link": link},
        to=[invitation.email],
    ).send()
    STAFF_INVITATIONS.mark_sent(invitation.pk)
