"""Reads of the reminders app: scoped to the caller's clinic, or to the one person a signed
email link names."""

from django.db.models import QuerySet

from clinic.models import Clinic, Clinician
from patients.models import Patient
from programs.reminders.emails import (
    clinician_for_digest_unsubscribe_token,
    patient_for_unsubscribe_token,
)
from programs.reminders.models import CalendarFeed, Reminder, ReminderPreference
from programs.reminders.services.calendar import calendar_feed_token_hash


def reminder_list_for(*, clinic: Clinic, status: str = "") -> QuerySet[Reminder]:
    """The clinic's reminders, newest first, optionally of one status."""
    reminders = Reminder.objects.filter(patient__clinic=clinic).select_related("patient")
    if status in Reminder.Status.values:
        reminders = reminders.filter(status=status)
    return reminders.order_by("-created_at", "-id")


def unsubscribe_patient_for(*, token: str) -> Patient | None:
    """The patient a reminder email's unsubscribe link names, or None for a bad link."""
    patient_id = patient_for_unsubscribe_token(token)
    if patient_id is None:
        return None
    return Patient.objects.select_related("clinic").filter(pk=patient_id).first()


def reminders_enabled_for(*, patient: Patient) -> bool:
    """Whether the patient gets reminders (on until they turn them off)."""
    preference = ReminderPreference.objects.filter(patient=patient).first()
    return preference is None or preference.enabled


def digest_clinician_for(*, token: str) -> Clinician | None:
    """The clinician a digest email's unsubscribe link names, or None for a bad link."""
    clinician_id = clinician_for_digest_unsubscribe_token(token)
    if clinician_id is None:
        return None
    return Clinician.objects.select_related("clinic", "user").filter(pk=clinician_id).first()


def calendar_feed_for(*, token: str) -> CalendarFeed | None:
    """The feed a calendar URL's secret names, with its patient; None for a revoked or unknown
    secret (or an archived patient's)."""
    return (
        CalendarFeed.objects.select_related("patient")
        .filter(token_hash=calendar_feed_token_hash(token), patient__archived_at__isnull=True)
        .first()
    )


def calendar_feed_exists_for(*, patient: Patient) -> bool:
    """Whether the patient has a calendar feed address in force."""
    return CalendarFeed.objects.filter(patient=patient).exists()
