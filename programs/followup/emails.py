"""The clinician alert email (emergency symptoms), sent at once."""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext as _

from clinic.emails import absolute, email_message
from programs.followup.models import Alert


def alert_message(alert: Alert, recipients: list[str]) -> EmailMultiAlternatives:
    """An immediate clinician alert (emergency symptoms).

    Safety critical: no unsubscribe link or header, whatever the clinician's digest choice.
    """
    return email_message(
        subject=_("URGENT: %(kind)s reported by %(patient)s")
        % {"kind": alert.get_kind_display(), "patient": alert.patient.full_name},
        template="followup/email/alert",
        context={
            "alert": alert,
            "link": absolute(reverse("patients:detail", args=[alert.patient_id])),
        },
        to=recipients,
    )
