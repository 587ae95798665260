"""The portal's last English-only texts now follow the patient's language: the hold timer's
words, the calendar feed, tier labels and the dates inside messages."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from patients.clinical import TIER_LABELS, Severity, tier_label_untranslated, tier_reason
from programs.prescribing.models import validate_program_date
from programs.reminders.models import ReminderPreference
from programs.reminders.services import reminder_preferences_update
from tests.factories import portal_client_for, program_factory

pytestmark = pytest.mark.django_db


def _speaking(patient, language):
    patient.language = language
    patient.save(update_fields=["language"])
    return portal_client_for(patient)


def test_the_hold_timer_takes_its_words_from_the_page_in_the_patients_language(patient):
    program = program_factory(patient=patient, status="active")
    item = program.items.first()
    page = _speaking(patient, "es").get(reverse("portal:today")).content.decode()
    assert f"Hola, {patient.first_name}" in page
    assert 'data-t-start-hold="Empezar a mantener"' in page
    assert f'data-t-rep-done="Repetición {{rep}} de {item.reps} hecha."' in page
    assert "Still to do today" not in page and 'data-t-stop="Stop"' not in page


def test_the_hold_timer_script_holds_no_english_words():
    script = open("static/js/hold-timer.js", encoding="utf-8").read()
    for words in ("Start hold", "Count a rep", "reps done", "Reps only", "Rep not counted"):
        assert words not in script


def test_the_calendar_feed_speaks_the_patients_language(client, patient):
    program_factory(patient=patient, status="active")
    ReminderPreference.objects.create(patient=patient, times=["09:00"], weekdays=[0])
    portal = _speaking(patient, "de")
    portal.post(reverse("portal:calendar_feed_make"))
    page = portal.get(reverse("portal:reminders")).content.decode()
    url = re.search(r'value="http://testserver(/portal/calendar/[\w-]+\.ics)"', page).group(1)
    feed = Calendar.from_ical(client.get(url).content)
    assert str(feed["x-wr-calname"]) == "Übungszeiten"
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["Zeit für Ihre Übungen"]


def test_tier_labels_are_read_in_the_active_language():
    with translation.override("fr"):
        assert str(TIER_LABELS[Severity.MODERATE]) == "modéré"
        assert tier_reason(Severity.MILD, 6).startswith("niveau modéré :")
    with translation.override("en-gb"):
        assert str(TIER_LABELS[Severity.NONE]) == "prevention"


def test_audit_summaries_name_the_tier_as_the_code_does_in_any_language():
    with translation.override("de"):
        assert tier_label_untranslated(Severity.MODERATE) == "moderate"


@pytest.mark.parametrize(
    ("language", "first"), [("en-gb", "01/01/2000"), ("de", "01.01.2000"), ("es", "01/01/2000")]
)
def test_the_program_date_range_is_written_the_languages_way(language, first):
    with translation.override(language), pytest.raises(ValidationError) as caught:
        validate_program_date(datetime.date(1999, 12, 31))
    assert first in caught.value.messages[0]


def test_the_quiet_hours_message_is_in_the_patients_language(actor, patient):
    with translation.override("fr"), pytest.raises(ValidationError) as caught:
        reminder_preferences_update(
            actor=actor,
            patient=patient,
            enabled=True,
            times=["23:00"],
            weekdays=[0],
            timezone_name="UTC",
        )
    message = caught.value.message_dict["times"][0]
    assert message.startswith("Les rappels sont envoyés entre 08:00 et 21:00")
