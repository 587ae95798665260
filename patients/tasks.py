"""Background jobs of the patients app."""

import uuid

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from patients.models import PortalInvitation
from patients.outbox import INVITATIONS
from patients.services import portal_invitation_token


@shared_task(
    bind=True,
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
)
def send_portal_invitation_task(self, invitation_id: int) -> None:
    """Email the invitation link.

    Idempotent: the task claims the invitation's row before sending (a retry of the same task
    keeps its claim, any other copy finds it taken) and marks it sent right after, so the
    after-commit task and the outbox sweep's send one email. An invitation that is no longer
    open is not sent at all.
    """
    invitation = (
        PortalInvitation.objects.select_related("patient__clinic").filter(pk=invitation_id).first()
    )
    if invitation is None or invitation.state != "open":
        return
    if not INVITATIONS.claim(invitation.pk, owner=self.request.id or uuid.uuid4().hex):
        return
    path = reverse("invitations:accept", args=[portal_invitation_token(invitation)])
    context = {
        "patient": invitation.patient,
        "clinic": invitation.patient.clinic,
        "link": f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}",
        "expires_at": invitation.expires_at,
    }
    with translation.override(invitation.patient.language):
        send_mail(
            subject=_("%(clinic)s invites you to Backstrong")
            % {"clinic": invitation.patient.clinic.name},
            message=render_to_string("patients/email/invitation.txt", context),
            html_message=render_to_string("patients/email/invitation.html", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[invitation.email],
        )
    INVITATIONS.mark_sent(invitation.pk)
