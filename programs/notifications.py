"""The emails Backstrong sends: reminders, nudges, clinician alerts and digests.

Building a message is separate from sending it, so the send loop can reuse one connection.
"""

from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import get_template
from django.urls import reverse

from programs.dosage import Dosage

UNSUBSCRIBE_SALT = "backstrong.reminders-unsubscribe"
DIGEST_UNSUBSCRIBE_SALT = "backstrong.digest-unsubscribe"


def absolute(path: str) -> str:
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}"


def unsubscribe_token(patient_id: int) -> str:
    """A signed token naming the patient; it does not expire, like any unsubscribe link."""
    return signing.dumps({"patient": patient_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def patient_for_unsubscribe_token(token: str) -> int | None:
    return _signed_id(token, salt=UNSUBSCRIBE_SALT, key="patient")


def digest_unsubscribe_token(clinician_id: int) -> str:
    """A signed token naming the clinician whose digest the link stops; it does not expire.

    Its own salt, so a patient's reminder link can never stop a clinician's digest.
    """
    return signing.dumps({"clinician": clinician_id}, salt=DIGEST_UNSUBSCRIBE_SALT, compress=True)


def clinician_for_digest_unsubscribe_token(token: str) -> int | None:
    return _signed_id(token, salt=DIGEST_UNSUBSCRIBE_SALT, key="clinician")


def _signed_id(token: str, *, salt: str, key: str) -> int | None:
    try:
        data = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, int) else None


def _unsubscribe_headers(link: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 one-click headers: mail clients POST to the link themselves."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _message(subject, template, context, to, *, headers=None) -> EmailMultiAlternatives:
    text = get_template(f"programs/email/{template}.txt").render(context)
    html = get_template(f"programs/email/{template}.html").render(context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


@lru_cache(maxsize=4096)
def _exercise_lines(items: tuple[tuple[str, Dosage], ...]) -> tuple[str, ...]:
    # Many patients share a program's shape; describing it once per shape keeps batches fast.
    return tuple(f"{name}: {dosage.describe()}" for name, dosage in items)


def reminder_message(
    reminder, patient, exercises: tuple[tuple[str, Dosage], ...]
) -> EmailMultiAlternatives:
    """A session reminder or missed-session nudge listing the exercises and their dosage."""
    unsubscribe = absolute(reverse("unsubscribe", args=[unsubscribe_token(patient.pk)]))
    nudge = reminder.kind == "nudge"
    context = {
        "patient": patient,
        "exercises": _exercise_lines(exercises),
        "nudge": nudge,
        "portal_link": absolute(reverse("portal:today")),
        "unsubscribe_link": unsubscribe,
    }
    subject = (
        "We have not seen a session for a couple of days"
        if nudge
        else "Time for your back exercises"
    )
    return _message(
        subject,
        "reminder",
        context,
        [patient.email],
        headers={**_unsubscribe_headers(unsubscribe), "X-Backstrong-Reminder": str(reminder.pk)},
    )


def alert_message(alert, recipients: list[str]) -> EmailMultiAlternatives:
    """An immediate clinician alert (emergency symptoms).

    Safety critical: no unsubscribe link or header, whatever the clinician's digest choice.
    """
    context = {
        "alert": alert,
        "link": absolute(reverse("patients:detail", args=[alert.patient_id])),
    }
    return _message(
        f"URGENT: {alert.get_kind_display()} reported by {alert.patient.full_name}",
        "alert",
        context,
        recipients,
    )


def digest_message(clinician, alerts, suggestion_count: int) -> EmailMultiAlternatives:
    """A clinician's daily digest, with a one-click link that stops digests (not alerts)."""
    unsubscribe = absolute(
        reverse("programs:digest_unsubscribe", args=[digest_unsubscribe_token(clinician.pk)])
    )
    context = {
        "clinician": clinician,
        "alerts": alerts,
        "suggestion_count": suggestion_count,
        "link": absolute(reverse("programs:dashboard")),
        "unsubscribe_link": unsubscribe,
    }
    return _message(
        f"Backstrong daily digest: {len(alerts)} alert{'s' if len(alerts) != 1 else ''}",
        "digest",
        context,
        [clinician.user.email],
        headers=_unsubscribe_headers(unsubscribe),
    )
