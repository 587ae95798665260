"""What the emails say and carry: plain text unescaped, HTML escaped, unsubscribe links and
headers on the kinds that may carry them (SPEC 4), and links to where the app is served."""

import dataclasses
import datetime
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import Client, override_settings
from django.urls import resolve, reverse

from clinic.models import AuditLog, Clinician
from config.settings.base import default_public_base_url
from patients.services import portal_invitation_send
from programs.followup.emails import alert_message
from programs.followup.models import Alert
from programs.library.dosage import Dosage
from programs.reminders.emails import (
    UNSUBSCRIBE_SALT,
    ReminderEmails,
    ReminderLinks,
    clinician_for_digest_unsubscribe_token,
    digest_message,
    digest_unsubscribe_token,
    patient_for_unsubscribe_token,
    reminder_message,
    unsubscribe_token,
)
from programs.reminders.models import ClinicianDigest, Reminder
from programs.reminders.services import digests_dispatch
from tests.factories import ClinicFactory, PatientFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
SEVEN_LONDON = datetime.datetime(2026, 1, 15, 7, 0, tzinfo=UTC)
UNSUBSCRIBE_HEADERS = ("List-Unsubscribe", "List-Unsubscribe-Post")


@pytest.fixture
def clinic(db):
    return ClinicFactory(name="Spine & Sports")


@pytest.fixture
def patient(clinic):
    return PatientFactory(
        clinic=clinic, first_name="Ann <Bo>", last_name="O'Neil & Co", email="a@x.org"
    )


@pytest.fixture
def alert(patient):
    return Alert.objects.create(
        clinic=patient.clinic,
        patient=patient,
        kind="emergency_symptom",
        message="Emergency symptom reported: saddle anaesthesia & leg weakness.",
    )


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def reminder_for(patient, kind="session") -> Reminder:
    return Reminder.objects.create(patient=patient, kind=kind, slot=SEVEN_LONDON)


def every_email(clinician, patient, alert, actor, django_capture_on_commit_callbacks):
    """One email of each kind, by kind."""
    with django_capture_on_commit_callbacks(execute=True):
        portal_invitation_send(actor=actor, patient=patient)
    [invitation] = mail.outbox
    return {
        "invitation": invitation,
        "alert": alert_message(alert, [clinician.user.email]),
        "digest": digest_message(clinician, [alert], 2),
        "reminder": reminder_message(reminder_for(patient), patient, ()),
        "nudge": reminder_message(reminder_for(patient, "nudge"), patient, ()),
    }


@pytest.fixture
def emails(clinician, patient, alert, actor, django_capture_on_commit_callbacks):
    return every_email(clinician, patient, alert, actor, django_capture_on_commit_callbacks)


# --- escaping -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["invitation", "alert", "digest", "reminder", "nudge"])
def test_plain_text_is_not_html_escaped_and_html_is(emails, kind):
    message = emails[kind]
    text, html = message.body, html_of(message)
    names = {
        "invitation": ("Spine & Sports", "Ann <Bo>"),
        "alert": ("Ann <Bo> O'Neil & Co", "leg weakness."),
        "digest": ("Ann <Bo> O'Neil & Co", "saddle anaesthesia & leg"),
        "reminder": ("Hello Ann <Bo>",),
        "nudge": ("Hello Ann <Bo>",),
    }[kind]
    for name in names:
        assert name in text
    assert "&amp;" not in text and "&lt;" not in text and "&#x27;" not in text
    assert "<Bo>" not in html and "&lt;Bo&gt;" in html


# --- unsubscribe links and headers --------------------------------------------------------


@pytest.mark.parametrize("kind", ["reminder", "nudge", "digest"])
def test_reminders_nudges_and_digests_carry_one_click_unsubscribe(emails, kind):
    message = emails[kind]
    headers = message.message()
    link = headers["List-Unsubscribe"].strip("<>")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link.startswith("http://testserver/") and "/unsubscribe/" in link
    assert link in message.body and link in html_of(message)


@pytest.mark.parametrize("kind", ["invitation", "alert"])
def test_invitations_and_emergency_alerts_carry_no_unsubscribe(emails, kind):
    message = emails[kind]
    headers = message.message()
    assert all(headers[name] is None for name in UNSUBSCRIBE_HEADERS)
    assert "unsubscribe" not in message.body.lower()
    assert "unsubscribe" not in html_of(message).lower()


def test_digest_link_asks_then_one_click_stops_the_digest(clinician, patient, alert):
    link = digest_message(clinician, [alert], 0).extra_headers["List-Unsubscribe"].strip("<>")
    path = link.removeprefix("http://testserver")
    # The route, with a token naming the clinician (a token made now may carry a later second).
    match = resolve(path)
    assert match.view_name == "reminders:digest_unsubscribe"
    assert clinician_for_digest_unsubscribe_token(*match.args, **match.kwargs) == clinician.pk
    client = Client(enforce_csrf_checks=True)  # mail clients send no CSRF token
    page = client.get(path)
    assert page.status_code == 200 and "Stop the daily digest?" in page.content.decode()
    assert not Clinician.objects.get(pk=clinician.pk).digest_opt_out  # GET changes nothing
    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the link.
    done = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "Daily digest stopped" in done.content.decode()
    assert Clinician.objects.get(pk=clinician.pk).digest_opt_out
    assert "already off" in client.post(path).content.decode()
    assert AuditLog.objects.filter(object_type="Clinician", summary__contains="digest").count() == 1
    # No digest any more; urgent alerts still reach the clinician.
    assert digests_dispatch(now=SEVEN_LONDON) == []
    assert not ClinicianDigest.objects.exists()
    from programs.followup.tasks import send_alert_email_task

    send_alert_email_task.apply(args=[alert.pk])
    assert [m.to for m in mail.outbox] == [[clinician.user.email]]
    # The page turns it back on.
    again = client.post(path, {"action": "resubscribe"})
    assert "Daily digest back on" in again.content.decode()
    assert not Clinician.objects.get(pk=clinician.pk).digest_opt_out
    assert len(digests_dispatch(now=SEVEN_LONDON)) == 1


def tampered(token: str) -> str:
    return token[:-2] + ("AA" if not token.endswith("AA") else "BB")


@pytest.mark.parametrize("method", ["get", "post"])
def test_bad_digest_links_answer_a_clear_400(clinician, patient, method):
    tokens = [
        "nonsense",
        tampered(digest_unsubscribe_token(clinician.pk)),
        unsubscribe_token(patient.pk),  # a patient's reminder link names no clinician
        digest_unsubscribe_token(999_999_999),
    ]
    for token in tokens:
        response = getattr(Client(), method)(reverse("reminders:digest_unsubscribe", args=[token]))
        assert response.status_code == 400, token
        assert "This link is not valid" in response.content.decode()
    assert not Clinician.objects.get(pk=clinician.pk).digest_opt_out


def test_a_clinicians_digest_link_cannot_stop_a_patients_reminders(clinician, patient):
    response = Client().post(
        reverse("reminders:unsubscribe", args=[digest_unsubscribe_token(clinician.pk)])
    )
    assert response.status_code == 400


# --- where links point ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("port", "expected"),
    [
        ("9000", "http://127.0.0.1:9000"),
        (None, "http://127.0.0.1:8000"),
        ("", "http://127.0.0.1:8000"),
    ],
)
def test_default_public_base_url_follows_the_served_port(port, expected):
    assert default_public_base_url(port) == expected


def settings_value(name: str, **environ) -> str:
    """A setting as a fresh process on the local settings (`make run`) evaluates it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PUBLIC_BASE_URL", "BACKSTRONG_PORT"}
    }
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings.local", **environ}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", f"from django.conf import settings; print(settings.{name})"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_make_run_on_another_port_mails_links_to_that_port():
    assert settings_value("PUBLIC_BASE_URL", BACKSTRONG_PORT="9000") == "http://127.0.0.1:9000"
    assert settings_value("PUBLIC_BASE_URL") == "http://127.0.0.1:8000"
    assert (
        settings_value(
            "PUBLIC_BASE_URL", BACKSTRONG_PORT="9000", PUBLIC_BASE_URL="https://b.example"
        )
        == "https://b.example"
    )


@override_settings(PUBLIC_BASE_URL="http://127.0.0.1:9000/")
def test_every_link_uses_public_base_url(
    clinician, patient, alert, actor, django_capture_on_commit_callbacks
):
    emails = every_email(clinician, patient, alert, actor, django_capture_on_commit_callbacks)
    for kind, message in emails.items():
        links = [word for word in message.body.split() if "://" in word]
        assert links, kind
        assert all(link.startswith("http://127.0.0.1:9000/") for link in links), (kind, links)
        assert "testserver" not in html_of(message)


def test_a_batchs_shared_links_are_the_ones_reverse_makes(patient):
    links = ReminderLinks.build()
    link = links.unsubscribe(patient.pk)
    token = link.removeprefix("http://testserver/unsubscribe/").removesuffix("/")
    assert link == "http://testserver" + reverse("reminders:unsubscribe", args=[token])
    assert patient_for_unsubscribe_token(token) == patient.pk
    assert links.portal == "http://testserver" + reverse("portal:today")
    assert links.checkin == "http://testserver" + reverse("outcomes_portal:checkin")
    # The same email with or without the batch's links.
    reminder = reminder_for(patient)
    shared = reminder_message(reminder, patient, (), links=links)
    alone = reminder_message(reminder, patient, ())
    assert shared.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert [shared.subject, shared.to, shared.body.replace(link, "LINK")] == [
        alone.subject,
        alone.to,
        alone.body.replace(alone.extra_headers["List-Unsubscribe"].strip("<>"), "LINK"),
    ]


# --- a batch's emails -----------------------------------------------------------------------


class FixedTimeSigner(signing.TimestampSigner):
    """Signs as at one instant, so two builds of one email carry the same link."""

    def timestamp(self):
        return signing.b62_encode(1_800_000_000)


EXERCISES = (
    ("Prone on elbows <slow> & steady", Dosage(1, 10, 10, 2, 7)),
    ("Bracing \ue000name\ue001", Dosage(3, 1, 0, 1, 5)),
)


def mime(message) -> tuple:
    """The message as the mail server gets it, but for its date, id and part boundary."""
    whole = message.message()
    headers = [(k, v) for k, v in whole.items() if k not in {"Date", "Message-ID", "Content-Type"}]
    return whole.get_content_type(), headers, [part.as_bytes() for part in whole.get_payload()]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_a_batch_builds_each_email_as_reminder_message_does(clinic, language):
    links = dataclasses.replace(
        ReminderLinks.build(), signer=FixedTimeSigner(salt=UNSUBSCRIBE_SALT)
    )
    emails = ReminderEmails(links)
    names = ["Ann <Bo>", 'O\'Neil & "Co"', "José", "{{ x }} %(name)s \ue000unsubscribe\ue001", ""]
    for n, first_name in enumerate(names):
        patient = PatientFactory(
            clinic=clinic, first_name=first_name, email=f"b{n}@x.org", language=language
        )
        for kind in ["session", "nudge", "checkin"]:
            reminder = reminder_for(patient, kind)
            for exercises in [EXERCISES, EXERCISES[:1], ()]:
                batch = emails.message(reminder, patient, exercises)
                alone = reminder_message(reminder, patient, exercises, links=links)
                assert [
                    batch.subject,
                    batch.body,
                    batch.alternatives,
                    batch.from_email,
                    batch.to,
                    batch.extra_headers,
                ] == [
                    alone.subject,
                    alone.body,
                    alone.alternatives,
                    alone.from_email,
                    alone.to,
                    alone.extra_headers,
                ]
                assert mime(batch) == mime(alone)
    # Rendered once per language, kind and list of exercises (a check-in lists none), not per
    # patient; in full for each patient where the data holds what marks the patient's values.
    assert len(emails._shapes) == 7
    assert [key for key, shape in emails._shapes.items() if shape is None] == [
        (language, "session", EXERCISES),
        (language, "nudge", EXERCISES),
    ]


def test_a_template_showing_more_of_the_patient_is_rendered_for_each(clinic, monkeypatch):
    from django.template import engines

    template = engines["django"].from_string(
        "{{ patient.first_name }} {{ patient.last_name }} {{ unsubscribe_link }}"
    )
    # Every email's templates are read through clinic.emails.
    monkeypatch.setattr("clinic.emails.get_template", lambda name: template, raising=True)
    emails = ReminderEmails()
    for last_name in ["Smith", "Jones"]:
        patient = PatientFactory(clinic=clinic, first_name="Al", last_name=last_name)
        message = emails.message(reminder_for(patient), patient, ())
        assert message.body.startswith(f"Al {last_name} http://testserver/unsubscribe/")
    assert list(emails._shapes.values()) == [None]


def test_the_dosage_is_described_in_each_patients_language(clinic):
    english = PatientFactory(clinic=clinic, language="en-gb", email="en@x.org")
    spanish = PatientFactory(clinic=clinic, language="es", email="es@x.org")
    first = reminder_message(reminder_for(english), english, EXERCISES)
    then = reminder_message(reminder_for(spanish), spanish, EXERCISES)
    assert "10 reps" in first.body
    assert "10 repeticiones" in then.body and "10 reps" not in then.body
