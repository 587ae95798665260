"""Reminder preferences: quiet hours, days, time zone."""

import pytest
from django.core.exceptions import ValidationError

from programs.reminders.models import ReminderPreference
from programs.reminders.services import reminder_preferences_update

pytestmark = pytest.mark.django_db


def _update(actor, patient, **changes):
    values = {
        "enabled": True,
        "times": ["09:00", "18:30"],
        "weekdays": [0, 2, 4],
        "timezone_name": "America/New_York",
    }
    return reminder_preferences_update(actor=actor, patient=patient, **(values | changes))


def test_preferences_are_stored_with_the_patients_time_zone(actor, patient):
    preference = _update(actor, patient)
    patient.refresh_from_db()
    assert preference.times == ["09:00", "18:30"] and preference.weekdays == [0, 2, 4]
    assert patient.timezone == "America/New_York"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"times": ["07:59"]}, "times"),
        ({"times": ["21:00"]}, "times"),
        ({"times": ["25:00"]}, "times"),
        ({"times": ["08:00", "09:00", "10:00", "11:00"]}, "times"),
        ({"times": []}, "times"),
        ({"weekdays": [7]}, "weekdays"),
        ({"weekdays": []}, "weekdays"),
        ({"timezone_name": "Mars/Olympus"}, "timezone"),
    ],
)
def test_bad_preferences_are_refused(actor, patient, changes, field):
    with pytest.raises(ValidationError) as exc:
        _update(actor, patient, **changes)
    assert field in exc.value.message_dict
    assert not ReminderPreference.objects.exists()


def test_reminders_can_be_turned_off_without_times(actor, patient):
    assert not _update(actor, patient, enabled=False, times=[], weekdays=[]).enabled
