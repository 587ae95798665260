"""Writes of reminder preferences (sending them is the dispatcher's job)."""

import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.models import Patient
from programs.models import ReminderPreference

# Reminders are never sent between 21:00 and 08:00 local time (SPEC 4).
QUIET_HOURS_END = "08:00"
QUIET_HOURS_START = "21:00"
MAX_TIMES = 3
TIME_FORMAT = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@transaction.atomic
def reminder_preferences_update(
    *,
    actor: Actor,
    patient: Patient,
    enabled: bool,
    times: list[str],
    weekdays: list[int],
    timezone_name: str,
) -> ReminderPreference:
    """Store when a patient wants reminders; quiet hours and bad values are refused."""
    errors = {}
    times = sorted(set(times))
    if len(times) > MAX_TIMES or any(not TIME_FORMAT.match(t) for t in times):
        errors["times"] = f"Give up to {MAX_TIMES} times as HH:MM."
    elif any(not QUIET_HOURS_END <= t < QUIET_HOURS_START for t in times):
        errors["times"] = (
            f"Reminders are sent between {QUIET_HOURS_END} and {QUIET_HOURS_START}; "
            "choose a time in that range."
        )
    elif enabled and not times:
        errors["times"] = "Choose at least one time, or turn reminders off."
    if any(not isinstance(d, int) or not 0 <= d <= 6 for d in weekdays):
        errors["weekdays"] = "Choose days of the week."
    elif enabled and not weekdays:
        errors["weekdays"] = "Choose at least one day, or turn reminders off."
    if timezone_name not in zoneinfo.available_timezones():
        errors["timezone"] = "Choose your time zone from the list."
    if errors:
        raise ValidationError(errors)
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    preference, _ = ReminderPreference.objects.get_or_create(patient=patient)
    preference.enabled = enabled
    preference.times = times
    preference.weekdays = sorted(set(weekdays))
    preference.save()
    if patient.timezone != timezone_name:
        patient.timezone = timezone_name
        patient.save(update_fields=["timezone", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=preference,
        patient=patient,
        summary=f"Reminders {'on' if enabled else 'off'} at {', '.join(times) or '—'}",
    )
    return preference
