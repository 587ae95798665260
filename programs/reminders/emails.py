"""The emails of the reminders app: session reminders, missed-session nudges and clinicians'
daily digests, each with a signed one-click unsubscribe link."""

from dataclasses import dataclass
from functools import lru_cache

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from clinic.emails import absolute, email_message, unsubscribe_headers
from patients.language import in_patient_language
from programs.library.dosage import Dosage

UNSUBSCRIBE_SALT = "backstrong.reminders-unsubscribe"


DIGEST_UNSUBSCRIBE_SALT = "backstrong.digest-unsubscribe"


def unsubscribe_token(patient_id: int, *, signer: signing.TimestampSigner | None = None) -> str:
    """A signed token naming the patient; it does not expire, like any unsubscribe link.

    What `signing.dumps` makes; a batch passes one signer for all its tokens.
    """
    signer = signer or signing.TimestampSigner(salt=UNSUBSCRIBE_SALT)
    return signer.sign_object({"patient": patient_id}, compress=True)


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


@lru_cache(maxsize=4096)
def _exercise_lines(items: tuple[tuple[str, Dosage], ...]) -> tuple[str, ...]:
    # Many patients share a program's shape; describing it once per shape keeps batches fast.
    return tuple(f"{name}: {dosage.describe()}" for name, dosage in items)


# Stands for the token while the unsubscribe route is reversed once per batch.
_TOKEN_SLOT = "TOKEN"  # noqa: S105 - a placeholder, not a secret


@dataclass(frozen=True)
class ReminderLinks:
    """What every reminder email of a batch shares, worked out once per batch: resolving the
    routes per email cost as much as the rest of building it (bench/reminders.py)."""

    portal: str
    checkin: str
    unsubscribe_before: str
    unsubscribe_after: str
    signer: signing.TimestampSigner

    @classmethod
    def build(cls) -> "ReminderLinks":
        path = reverse("reminders:unsubscribe", args=[_TOKEN_SLOT])
        before, after = path.split(_TOKEN_SLOT, 1)
        return cls(
            portal=absolute(reverse("portal:today")),
            # The outcomes app's portal page, by name: this app does not import the apps above.
            checkin=absolute(reverse("outcomes_portal:checkin")),
            unsubscribe_before=absolute(before),
            unsubscribe_after=after,
            signer=signing.TimestampSigner(salt=UNSUBSCRIBE_SALT),
        )

    def unsubscribe(self, patient_id: int) -> str:
        """The patient's one-click link, as `reverse` makes it: a token is URL-safe base64 and
        colons, which `reverse` leaves unquoted."""
        token = unsubscribe_token(patient_id, signer=self.signer)
        return f"{self.unsubscribe_before}{token}{self.unsubscribe_after}"


@in_patient_language(lambda patient, **_: patient)
def reminder_message(
    reminder,
    patient,
    exercises: tuple[tuple[str, Dosage], ...],
    links: ReminderLinks | None = None,
) -> EmailMultiAlternatives:
    """A session reminder or missed-session nudge listing the exercises and their dosage, or an
    outcome check-in reminder; a batch passes the `links` its emails share."""
    links = links or ReminderLinks.build()
    unsubscribe = links.unsubscribe(patient.pk)
    headers = {**unsubscribe_headers(unsubscribe), "X-Backstrong-Reminder": str(reminder.pk)}
    if reminder.kind == "checkin":
        return email_message(
            subject=gettext("Your check-in is due: how is your back?"),
            template="reminders/email/checkin",
            context={
                "patient": patient,
                "checkin_link": links.checkin,
                "unsubscribe_link": unsubscribe,
            },
            to=[patient.email],
            headers=headers,
        )
    nudge = reminder.kind == "nudge"
    context = {
        "patient": patient,
        "exercises": _exercise_lines(exercises),
        "nudge": nudge,
        "portal_link": links.portal,
        "unsubscribe_link": unsubscribe,
    }
    subject = (
        gettext("We have not seen a session for a couple of days")
        if nudge
        else gettext("Time for your back exercises")
    )
    return email_message(
        subject=subject,
        template="reminders/email/reminder",
        context=context,
        to=[patient.email],
        headers=headers,
    )


def digest_message(clinician, alerts, suggestion_count: int) -> EmailMultiAlternatives:
    """A clinician's daily digest, with a one-click link that stops digests (not alerts)."""
    unsubscribe = absolute(
        reverse("reminders:digest_unsubscribe", args=[digest_unsubscribe_token(clinician.pk)])
    )
    context = {
        "clinician": clinician,
        "alerts": alerts,
        "suggestion_count": suggestion_count,
        "link": absolute(reverse("followup:dashboard")),
        "unsubscribe_link": unsubscribe,
    }
    return email_message(
        subject=ngettext(
            "Backstrong daily digest: %(count)s alert",
            "Backstrong daily digest: %(count)s alerts",
            len(alerts),
        )
        % {"count": len(alerts)},
        template="reminders/email/digest",
        context=context,
        to=[clinician.user.email],
        headers=unsubscribe_headers(unsubscribe),
    )
