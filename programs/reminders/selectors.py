"""Reads of the reminders app, scoped to the caller's clinic."""

from django.db.models import QuerySet

from clinic.models import Clinic
from programs.reminders.models import Reminder


def reminder_list_for(*, clinic: Clinic, status: str = "") -> QuerySet[Reminder]:
    """The clinic's reminders, newest first, optionally of one status."""
    reminders = Reminder.objects.filter(patient__clinic=clinic).select_related("patient")
    if status in Reminder.Status.values:
        reminders = reminders.filter(status=status)
    return reminders.order_by("-created_at", "-id")
