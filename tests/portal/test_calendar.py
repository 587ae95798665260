"""The private calendar feed of exercise times: parsed with icalendar, revocable, per patient."""

import datetime
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from clinic.models import AuditLog
from programs.reminders.models import CalendarFeed, ReminderPreference
from tests.factories import PatientFactory, portal_client_for, program_factory

pytestmark = pytest.mark.django_db

CLINICAL_WORDS = ("pain", "disc", "hernia", "back", "elbow", "prone", "bracing", "strain")


def _feed_url(client) -> str:
    client.post(reverse("portal:calendar_feed_make"))
    page = client.get(reverse("portal:reminders")).content.decode()
    return re.search(r'value="http://testserver(/portal/calendar/[\w-]+\.ics)"', page).group(1)


@pytest.fixture
def tokyo_patient(clinic):
    patient = PatientFactory(clinic=clinic, timezone="Asia/Tokyo", condition="herniated_disc")
    program_factory(patient=patient, status="active", slugs=("prone-on-elbows",))
    ReminderPreference.objects.create(patient=patient, times=["07:30", "19:00"], weekdays=[0, 2])
    return patient


def _events(body: bytes):
    return Calendar.from_ical(body).walk("VEVENT")


def test_feed_has_weekly_events_in_the_patients_zone_with_alarms(client, tokyo_patient):
    url = _feed_url(portal_client_for(tokyo_patient))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    starts = sorted(event.decoded("dtstart").time() for event in events)
    assert starts == [datetime.time(7, 30), datetime.time(19, 0)]
    for event in events:
        assert event["dtstart"].params["TZID"] == "Asia/Tokyo"
        assert event["rrule"]["FREQ"] == ["WEEKLY"] and event["rrule"]["BYDAY"] == ["MO", "WE"]
        assert str(event["summary"]) == "Exercise time"
        assert len(event.walk("VALARM")) == 1
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]


def test_feed_carries_no_clinical_words_or_names(client, tokyo_patient):
    feed = client.get(_feed_url(portal_client_for(tokyo_patient))).content.decode().lower()
    body = feed.replace("backstrong", "")  # the app's name is not a word about backs
    names = (tokyo_patient.first_name.lower(), tokyo_patient.last_name.lower())
    for word in (*CLINICAL_WORDS, *names):
        assert not re.search(rf"\b{re.escape(word)}", body), word


def test_unknown_and_revoked_feeds_answer_404(client, tokyo_patient):
    portal = portal_client_for(tokyo_patient)
    url = _feed_url(portal)
    assert client.get(url).status_code == 200
    assert client.get(reverse("portal:calendar_feed", args=["not-a-token"])).status_code == 404
    portal.post(reverse("portal:calendar_feed_stop"))
    assert client.get(url).status_code == 404
    assert not CalendarFeed.objects.exists()
    rows = AuditLog.objects.filter(patient=tokyo_patient)
    summaries = set(rows.values_list("summary", flat=True))
    assert {"Calendar feed made", "Calendar feed revoked"} <= summaries


def test_a_new_address_turns_the_old_one_off(client, tokyo_patient):
    portal = portal_client_for(tokyo_patient)
    old = _feed_url(portal)
    new = _feed_url(portal)
    assert old != new
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1


def test_the_address_is_shown_once(tokyo_patient):
    portal = portal_client_for(tokyo_patient)
    _feed_url(portal)
    again = portal.get(reverse("portal:reminders")).content.decode()
    assert 'data-testid="calendar-url"' not in again and "Switch off the calendar address" in again


def test_each_feed_shows_only_its_patients_slots(client, clinic, tokyo_patient):
    other = PatientFactory(clinic=clinic, timezone="America/New_York")
    program_factory(patient=other, status="active")
    ReminderPreference.objects.create(patient=other, times=["12:15"], weekdays=[5])
    mine = _events(client.get(_feed_url(portal_client_for(tokyo_patient))).content)
    theirs = _events(client.get(_feed_url(portal_client_for(other))).content)
    assert len(mine) == 2 and len(theirs) == 1
    assert theirs[0]["dtstart"].params["TZID"] == "America/New_York"
    assert theirs[0].decoded("dtstart").time() == datetime.time(12, 15)
    assert not {str(e["uid"]) for e in mine} & {str(e["uid"]) for e in theirs}


def test_no_events_when_reminders_are_off_or_the_program_is_paused(client, tokyo_patient):
    url = _feed_url(portal_client_for(tokyo_patient))
    ReminderPreference.objects.filter(patient=tokyo_patient).update(enabled=False)
    assert _events(client.get(url).content) == []
    ReminderPreference.objects.filter(patient=tokyo_patient).update(enabled=True)
    tokyo_patient.programs.update(status="paused")
    assert _events(client.get(url).content) == []


def test_making_and_revoking_need_a_post_from_the_patient(client, tokyo_patient):
    assert client.post(reverse("portal:calendar_feed_make")).status_code == 302
    assert not CalendarFeed.objects.exists()
    portal = portal_client_for(tokyo_patient)
    assert portal.get(reverse("portal:calendar_feed_make")).status_code == 405
    assert portal.post(reverse("portal:calendar_feed_stop")).status_code == 302  # none: harmless
