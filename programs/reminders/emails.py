"""The emails of the reminders app: session reminders, missed-session nudges and clinicians'
daily digests, each with a signed one-click unsubscribe link."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from clinic.emails import (
    absolute,
    email_assembled,
    email_bodies,
    email_message,
    unsubscribe_headers,
)
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


# What a reminder email lists: each exercise's name (in the patient's language) and dosage.
ReminderExercises = tuple[tuple[str, Dosage], ...]


def _exercise_lines(items: ReminderExercises) -> tuple[str, ...]:
    """Each exercise and its dosage, described in the active language."""
    return _described(items, translation.get_language())


@lru_cache(maxsize=4096)
def _described(items: ReminderExercises, language: str | None) -> tuple[str, ...]:
    # Many patients share a program's shape; describing it once per shape and language keeps
    # batches fast. The language is part of the key: the dosage is described in words.
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


def _subject_and_template(kind: str) -> tuple[str, str]:
    """A reminder's subject, in the active language, and its templates."""
    if kind == "checkin":
        return gettext("Your check-in is due: how is your back?"), "reminders/email/checkin"
    if kind == "nudge":
        subject = gettext("We have not seen a session for a couple of days")
    else:
        subject = gettext("Time for your back exercises")
    return subject, "reminders/email/reminder"


def _context(
    kind: str, patient, exercises: ReminderExercises, links: ReminderLinks, unsubscribe: str
) -> dict:
    if kind == "checkin":
        return {"patient": patient, "checkin_link": links.checkin, "unsubscribe_link": unsubscribe}
    return {
        "patient": patient,
        "exercises": _exercise_lines(exercises),
        "nudge": kind == "nudge",
        "portal_link": links.portal,
        "unsubscribe_link": unsubscribe,
    }


def _headers(reminder, unsubscribe: str) -> dict[str, str]:
    return {**unsubscribe_headers(unsubscribe), "X-Backstrong-Reminder": str(reminder.pk)}


def _rendered_message(
    reminder, patient, exercises: ReminderExercises, links: ReminderLinks, unsubscribe: str
) -> EmailMultiAlternatives:
    """The reminder with both templates rendered for this patient, in the active language."""
    subject, template = _subject_and_template(reminder.kind)
    return email_message(
        subject=subject,
        template=template,
        context=_context(reminder.kind, patient, exercises, links, unsubscribe),
        to=[patient.email],
        headers=_headers(reminder, unsubscribe),
    )


@in_patient_language(lambda patient, **_: patient)
def reminder_message(
    reminder,
    patient,
    exercises: ReminderExercises,
    links: ReminderLinks | None = None,
) -> EmailMultiAlternatives:
    """A session reminder or missed-session nudge listing the exercises and their dosage, or an
    outcome check-in reminder. A batch builds the same messages with `ReminderEmails`."""
    links = links or ReminderLinks.build()
    unsubscribe = links.unsubscribe(patient.pk)
    return _rendered_message(reminder, patient, exercises, links, unsubscribe)


# Where a patient's own values go in a body rendered once for many patients: characters of
# Unicode's private use area, which escaping, the templates and translations leave alone.
NAME_SLOT = "\ue000name\ue001"
UNSUBSCRIBE_SLOT = "\ue000unsubscribe\ue001"
_SLOTS = re.compile("\ue000(name|unsubscribe)\ue001")


@dataclass(frozen=True)
class _AnyPatient:
    """Stands for the patients while a shared body is rendered: the reminder templates show
    only the patient's first name (ReminderEmails checks it)."""

    first_name: str = NAME_SLOT


@dataclass(frozen=True)
class _Body:
    """A body rendered once, cut at its slots: text, slot name, text, ..., text."""

    parts: tuple[str, ...]

    @classmethod
    def cut(cls, rendered: str) -> "_Body":
        return cls(tuple(_SLOTS.split(rendered)))

    def fill(self, values: dict[str, str]) -> str:
        return "".join([values[p] if n % 2 else p for n, p in enumerate(self.parts)])


@dataclass(frozen=True)
class _Shape:
    """What the reminders of one language, kind and list of exercises share."""

    subject: str
    text: _Body
    html: _Body


@dataclass
class ReminderEmails:
    """A batch's reminder emails: the templates are rendered once per language, kind and list
    of exercises, then each message gets its patient's first name (HTML-escaped in the HTML
    part, as the template escapes it) and unsubscribe link. Rendering both templates for each
    email was a third of a reminder's cost (bench/reminders.py).

    The first message of each shape is compared with the one `reminder_message` renders for
    that patient; should they differ (a template showing more of the patient than the first
    name), every message of that shape is rendered in full instead.
    """

    links: ReminderLinks = field(default_factory=ReminderLinks.build)
    _shapes: dict[tuple, _Shape | None] = field(default_factory=dict)

    def message(self, reminder, patient, exercises: ReminderExercises) -> EmailMultiAlternatives:
        """What `reminder_message(reminder, patient, exercises)` makes."""
        unsubscribe = self.links.unsubscribe(patient.pk)
        key = (patient.language, reminder.kind, () if reminder.kind == "checkin" else exercises)
        try:
            shape = self._shapes[key]
        except KeyError:
            shape = self._shapes[key] = self._shape(reminder, patient, exercises, unsubscribe)
        if shape is None:
            with translation.override(patient.language):
                return _rendered_message(reminder, patient, exercises, self.links, unsubscribe)
        return self._filled(shape, reminder, patient, unsubscribe)

    def _shape(self, reminder, patient, exercises, unsubscribe: str) -> _Shape | None:
        with translation.override(patient.language):
            subject, template = _subject_and_template(reminder.kind)
            context = _context(
                reminder.kind, _AnyPatient(), exercises, self.links, UNSUBSCRIBE_SLOT
            )
            text, html = email_bodies(template, context)
            shape = _Shape(subject=subject, text=_Body.cut(text), html=_Body.cut(html))
            full = _rendered_message(reminder, patient, exercises, self.links, unsubscribe)
        filled = self._filled(shape, reminder, patient, unsubscribe)
        same = (filled.subject, filled.body, filled.alternatives) == (
            full.subject,
            full.body,
            full.alternatives,
        )
        return shape if same else None

    @staticmethod
    def _filled(shape: _Shape, reminder, patient, unsubscribe: str) -> EmailMultiAlternatives:
        name = patient.first_name
        return email_assembled(
            subject=shape.subject,
            text=shape.text.fill({"name": name, "unsubscribe": unsubscribe}),
            html=shape.html.fill({"name": escape(name), "unsubscribe": escape(unsubscribe)}),
            to=[patient.email],
            headers=_headers(reminder, unsubscribe),
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
