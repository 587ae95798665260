"""Each patient's language: chosen by the clinician, changed by the patient, spoken by every
portal page, the sign-in page after it, the invitation email and the dates."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from clinic.models import AuditLog
from patients.language import in_patient_language
from patients.models import PORTAL_LANGUAGES, Patient
from patients.services import portal_invitation_send
from tests.factories import PatientFactory, portal_client_for, program_factory
from tests.patients.test_views import VALID_CREATE

pytestmark = pytest.mark.django_db

# A phrase of the portal's navigation in each language: it is on every portal page.
YOUR_BACK = {"en-gb": "Your back", "es": "Su espalda", "fr": "Votre dos", "de": "Ihr Rücken"}
LANGUAGES = [code for code, _ in settings.LANGUAGES]
PORTAL_PAGES = ["portal:today", "portal:log", "portal:history", "portal:reminders", "portal:learn"]


@pytest.fixture
def program(patient):
    return program_factory(patient=patient, status="active")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PORTAL_PAGES)
def test_portal_pages_speak_the_patients_language(patient, program, name, language):
    patient.language = language
    patient.save(update_fields=["language"])
    response = portal_client_for(patient).get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    # The navigation's link, in the patient's language only.
    assert f">{YOUR_BACK[language]}</a>" in page
    for other in set(LANGUAGES) - {language}:
        assert f">{YOUR_BACK[other]}</a>" not in page


def test_the_browsers_language_does_not_override_the_patients(patient, program):
    patient.language = "de"
    patient.save(update_fields=["language"])
    page = portal_client_for(patient).get(reverse("portal:today"), HTTP_ACCEPT_LANGUAGE="fr")
    assert '<html lang="de">' in page.content.decode()


def test_clinicians_get_their_browsers_language(clinician_client):
    page = clinician_client.get(reverse("patients:list"), HTTP_ACCEPT_LANGUAGE="fr")
    assert '<html lang="fr">' in page.content.decode() and "Patients" in page.content.decode()
    page = clinician_client.get(reverse("patients:list"))
    assert '<html lang="en-gb">' in page.content.decode()


def test_the_database_accepts_exactly_the_portals_languages(patient):
    assert list(PORTAL_LANGUAGES) == LANGUAGES
    with pytest.raises(IntegrityError), transaction.atomic():
        Patient.objects.filter(pk=patient.pk).update(language="xx")


def test_a_new_patient_speaks_english_until_chosen(clinic):
    assert PatientFactory(clinic=clinic).language == "en-gb"


def test_the_patient_changes_their_language(patient, program):
    portal = portal_client_for(patient)
    response = portal.post(reverse("portal:language"), {"language": "es"}, follow=True)
    patient.refresh_from_db()
    assert patient.language == "es"
    page = response.content.decode()
    # Said in the language just chosen, and the page after it speaks it too.
    assert "Se ha guardado su idioma." in page and '<html lang="es">' in page
    assert AuditLog.objects.filter(patient=patient, action="change").exists()
    # Signed out, the sign-in page still speaks it: the language cookie followed.
    assert portal.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    portal.post(reverse("logout"))
    login = portal.get(reverse("login")).content.decode()
    assert '<html lang="es">' in login and "Iniciar sesión" in login


@pytest.mark.parametrize("bad", ["xx", "", "en-us", "es' OR 1=1"])
def test_a_bad_language_is_refused_and_changes_nothing(patient, program, bad):
    response = portal_client_for(patient).post(reverse("portal:language"), {"language": bad})
    assert response.status_code == 200
    assert "nothing was saved" in response.content.decode()
    patient.refresh_from_db()
    assert patient.language == "en-gb"
    assert not AuditLog.objects.filter(patient=patient, action="change").exists()


def test_the_language_page_shows_the_current_choice(patient, program):
    patient.language = "fr"
    patient.save(update_fields=["language"])
    response = portal_client_for(patient).get(reverse("portal:language"))
    assert response.context["form"]["language"].value() == "fr"
    assert "Deutsch" in response.content.decode()  # each language named in itself


def test_clinicians_cannot_use_the_language_page(clinician_client):
    assert clinician_client.get(reverse("portal:language")).status_code == 403


def test_the_clinician_sets_the_language(clinician_client, patient):
    data = VALID_CREATE | {"external_id": "", "language": "fr"}
    response = clinician_client.post(reverse("patients:edit", args=[patient.pk]), data)
    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.language == "fr"
    # The patient's next page speaks it, though their session remembered English.
    portal = portal_client_for(patient)
    assert '<html lang="fr">' in portal.get(reverse("portal:reminders")).content.decode()


def test_the_clinician_sets_the_language_of_a_new_patient(clinician_client):
    data = VALID_CREATE | {"language": "de"}
    response = clinician_client.post(reverse("patients:create"), data)
    assert response.status_code == 302
    assert Patient.objects.get(external_id="MRN-77").language == "de"


def test_the_clinicians_form_refuses_an_unknown_language(clinician_client, patient):
    data = VALID_CREATE | {"external_id": "", "language": "xx"}
    response = clinician_client.post(reverse("patients:edit", args=[patient.pk]), data)
    assert response.status_code == 200
    patient.refresh_from_db()
    assert patient.language == "en-gb"


def test_the_invitation_email_is_in_the_patients_language(
    actor, clinic, django_capture_on_commit_callbacks
):
    patient = PatientFactory(clinic=clinic, email="pat@example.com", language="es")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = portal_invitation_send(actor=actor, patient=patient)
    (message,) = mail.outbox
    assert message.subject == f"{clinic.name} le invita a Backstrong"
    assert f"Hola, {patient.first_name}:" in message.body
    assert "El enlace funciona una vez y caduca el" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="es">' in html and "Elija su contraseña" in html
    # A Spanish date: "10 de diciembre de 2026".
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"]
    months += ["septiembre", "octubre", "noviembre", "diciembre"]
    expires = invitation.expires_at.date()
    assert f"{expires.day} de {months[expires.month - 1]} de {expires.year}" in message.body
    # The request's own language is untouched.
    assert translation.get_language() == settings.LANGUAGE_CODE


def test_in_patient_language_speaks_it_only_inside(patient):
    patient.language = "fr"

    @in_patient_language(lambda patient, **_: patient)
    def greeting(patient, *, name):
        return translation.gettext("Hello,") + " " + name

    assert greeting(patient, name="Ana") == "Bonjour, Ana"
    assert translation.gettext("Hello,") == "Hello,"


AFTERNOON = datetime.datetime(2026, 12, 3, 14, 30, tzinfo=datetime.UTC)
EXPECTED_DATETIME = {
    "en-gb": "3 Dec 2026 14:30",
    "es": "3 de diciembre de 2026 a las 14:30",
    "fr": "3 décembre 2026 14:30",
    "de": "3. Dezember 2026 14:30",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_and_times_use_the_language_and_a_24_hour_clock(language):
    template = Template(
        '{{ when|date:"DATETIME_FORMAT" }}|{{ when|time }}|{{ when|date:"SHORT_DATETIME_FORMAT" }}'
    )
    with translation.override(language), timezone.override(datetime.UTC):
        long, short_time, short = template.render(Context({"when": AFTERNOON})).split("|")
    assert long == EXPECTED_DATETIME[language]
    assert short_time == "14:30"
    assert short.endswith("14:30")
    for twelve_hour in ("p.m.", "PM", "pm"):
        assert twelve_hour not in long + short_time + short


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-gb", "1,234.5"), ("es", "1\xa0234,5"), ("fr", "1\xa0234,5"), ("de", "1.234,5")],
)
def test_numbers_use_the_languages_separators(language, expected):
    template = Template("{{ value }}")
    with translation.override(language), override_settings(USE_THOUSAND_SEPARATOR=True):
        assert template.render(Context({"value": 1234.5})) == expected


def test_anonymous_visitors_get_their_browsers_language():
    page = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="de">' in page and "Anmelden" in page
