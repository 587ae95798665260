"""Reminders: what patients asked for, what was sent, and the clinicians' daily digests."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinician
from patients.models import Patient


def _default_times() -> list[str]:
    return ["18:00"]


def _all_days() -> list[int]:
    return list(range(7))


class ReminderPreference(models.Model):
    """When a patient wants reminders: local times of day, weekdays (0 = Monday), on/off.

    The time zone is the patient's own (Patient.timezone).
    """

    patient = models.OneToOneField(
        Patient, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    enabled = models.BooleanField(default=True)
    times = models.JSONField(default=_default_times)
    weekdays = models.JSONField(default=_all_days)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "programs_reminderpreference"  # the name it had when programs was one app

    def __str__(self) -> str:
        return f"Reminders for {self.patient}: {'on' if self.enabled else 'off'}"


class Reminder(models.Model):
    """One reminder for one (patient, kind, slot): the row is claimed before sending.

    Lifecycle: pending (claimed by a dispatcher) → queued (in a send task) → sending (a worker
    took it; `claimed_by` is that task's id) → sent, or failed after the last retry.
    """

    class Kind(models.TextChoices):
        SESSION = "session", _("Session reminder")
        NUDGE = "nudge", _("Missed-session nudge")
        CHECKIN = "checkin", _("Outcome check-in reminder")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SESSION)
    slot = models.DateTimeField(help_text="The scheduled instant (UTC).")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    claimed_by = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "programs_reminder"  # the name it had when programs was one app
        ordering = ["-slot", "-id"]
        indexes = [
            models.Index(fields=["status", "queued_at"]),
            models.Index(fields=["-created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "kind", "slot"], name="reminder_once_per_patient_slot"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "queued", "sending", "sent", "failed"]),
                name="reminder_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False) | ~Q(status="sent"),
                name="reminder_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.patient} at {self.slot:%Y-%m-%d %H:%M}Z"


class ClinicianDigest(models.Model):
    """One daily digest per clinician and local day, claimed before it is sent."""

    clinician = models.ForeignKey(Clinician, on_delete=models.CASCADE, related_name="digests")
    local_date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    alert_count = models.PositiveIntegerField(default=0)
    # The send task that took the digest (clinic.outbox): one sender per digest.
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)

    class Meta:
        db_table = "programs_cliniciandigest"  # the name it had when programs was one app
        ordering = ["-local_date"]
        indexes = [
            # The outbox sweep's rows: digests not sent yet.
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="digest_unsent"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["clinician", "local_date"], name="digest_once_per_clinician_day"
            ),
        ]

    def __str__(self) -> str:
        return f"Digest for {self.clinician} on {self.local_date}"


class CalendarFeed(models.Model):
    """A patient's private calendar feed of exercise times, named by a secret in its URL.

    Only the secret's SHA-256 is kept (like API keys): a copied database cannot subscribe to
    anyone's feed. Regenerating replaces the hash and revoking deletes the row, so an old URL
    then answers 404.
    """

    patient = models.OneToOneField(Patient, on_delete=models.CASCADE, related_name="calendar_feed")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed of {self.patient}"
