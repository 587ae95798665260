"""What patients report (session logs) and what the app makes of it (suggestions, alerts)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic
from patients.clinical import NRS_MAX, NRS_MIN
from patients.models import Patient
from programs.followup.progression import SessionOutcome, traffic_light
from programs.library.models import Exercise
from programs.prescribing.models import Program, ProgramItem

NRS_VALIDATORS = [MinValueValidator(NRS_MIN), MaxValueValidator(NRS_MAX)]


def _nrs_check(field: str, *, nullable: bool = False) -> models.CheckConstraint:
    condition = Q(**{f"{field}__gte": NRS_MIN, f"{field}__lte": NRS_MAX})
    if nullable:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=condition, name=f"sessionlog_{field}_0_10")


class SessionLog(models.Model):
    """One home session as the patient reported it."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="sessions")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="sessions")
    performed_at = models.DateTimeField(default=timezone.now)
    # The patient's own calendar day of the session, for "today" and the next-morning check.
    local_date = models.DateField()
    pain_before = models.PositiveSmallIntegerField(validators=NRS_VALIDATORS)
    pain_after = models.PositiveSmallIntegerField(validators=NRS_VALIDATORS)
    pain_next_morning = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=NRS_VALIDATORS
    )
    symptoms = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True, max_length=2000)
    # Sent with the form: a second submit of the same form finds the first session.
    client_token = models.UUIDField(default=uuid.uuid4)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "programs_sessionlog"  # the name it had when programs was one app
        ordering = ["-performed_at", "-id"]
        indexes = [
            models.Index(fields=["patient", "-performed_at"]),
            models.Index(fields=["program", "local_date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "client_token"], name="sessionlog_one_per_client_token"
            ),
            _nrs_check("pain_before"),
            _nrs_check("pain_after"),
            _nrs_check("pain_next_morning", nullable=True),
        ]

    def __str__(self) -> str:
        return f"Session of {self.patient} on {self.local_date}"

    @property
    def traffic_light(self) -> str:
        return traffic_light(self.pain_after)

    @property
    def outcome(self) -> SessionOutcome:
        return SessionOutcome(
            performed_on=self.local_date,
            pain_before=self.pain_before,
            pain_after=self.pain_after,
            pain_next_morning=self.pain_next_morning,
        )


class SessionItemLog(models.Model):
    """Whether one exercise was done in a session, and how much."""

    session = models.ForeignKey(SessionLog, on_delete=models.CASCADE, related_name="items")
    item = models.ForeignKey(ProgramItem, null=True, on_delete=models.SET_NULL, related_name="logs")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    completed = models.BooleanField()
    sets_done = models.PositiveSmallIntegerField(default=0)
    reps_done = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "programs_sessionitemlog"  # the name it had when programs was one app
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sets_done__lte=20, reps_done__lte=200), name="sessionitemlog_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} ({'done' if self.completed else 'skipped'})"


class Suggestion(models.Model):
    """A progress or regress step the rules propose; applied only when a clinician accepts."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Progress")
        REGRESS = "regress", _("Regress")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="suggestions")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="suggestions")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField(max_length=500)
    session = models.ForeignKey(
        SessionLog, null=True, blank=True, on_delete=models.PROTECT, related_name="suggestions"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        db_table = "programs_suggestion"  # the name it had when programs was one app
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["program"],
                condition=Q(status="pending"),
                name="suggestion_one_pending_per_program",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["progress", "regress"]), name="suggestion_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "declined"]),
                name="suggestion_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} suggestion for {self.patient} ({self.status})"


class Alert(models.Model):
    """Something a clinician must look at (SPEC 4): shown in the app and emailed."""

    class Kind(models.TextChoices):
        EMERGENCY_SYMPTOM = "emergency_symptom", _("Emergency symptom")
        RED_SESSION = "red_session", _("Red session")
        PAIN_SPIKE = "pain_spike", _("Pain spike")
        INACTIVITY = "inactivity", _("Inactivity")

    # Most urgent first, for the dashboard.
    PRIORITY = ["emergency_symptom", "red_session", "pain_spike", "inactivity"]

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="alerts")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="alerts")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    message = models.CharField(max_length=500)
    session = models.ForeignKey(
        SessionLog, null=True, blank=True, on_delete=models.PROTECT, related_name="alerts"
    )
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    emailed_at = models.DateTimeField(null=True, blank=True)
    # The send task that took the email (clinic.outbox): one sender per alert.
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_claimed_by = models.CharField(max_length=64, blank=True)

    class Meta:
        db_table = "programs_alert"  # the name it had when programs was one app
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["clinic", "resolved_at"]),
            # The outbox sweep's rows: emergency alerts (the kind emailed at once; the others
            # wait for the digest) not emailed yet and still open. A handful at most.
            models.Index(
                fields=["created_at"],
                condition=Q(
                    kind="emergency_symptom", emailed_at__isnull=True, resolved_at__isnull=True
                ),
                name="alert_email_unsent",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "kind"],
                condition=Q(session__isnull=False),
                name="alert_one_per_session_and_kind",
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=["emergency_symptom", "red_session", "pain_spike", "inactivity"]
                ),
                name="alert_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.patient}"


class AttentionReason(models.Model):
    """One reason a patient needs a clinician's look, kept up to date by the services that
    change it (and rebuilt hourly, as adherence changes with the passing days), so that the
    dashboard reads a page of them from an index instead of computing every patient's.

    Only what the dashboard shows is kept: an archived patient's rows are deleted when they
    are archived, and a patient's rows are worked out again when a program of theirs changes
    status, so that no read needs to join the patients or programs to hide stale ones."""

    class Code(models.TextChoices):
        EMERGENCY_REFERRAL = "emergency_referral", _("Emergency referral")
        EMERGENCY_SYMPTOM = "emergency_symptom", _("Emergency symptom")
        URGENT_REFERRAL = "urgent_referral", _("Urgent referral")
        RED_SESSION = "red_session", _("Red session")
        PAIN_SPIKE = "pain_spike", _("Pain spike")
        REGRESS = "regress", _("Regress suggested")
        INACTIVITY = "inactivity", _("Inactivity")
        LOW_ADHERENCE = "low_adherence", _("Low adherence")
        PROGRESS = "progress", _("Progress suggested")

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="attention_reasons")
    code = models.CharField(max_length=32, choices=Code.choices)
    rank = models.SmallIntegerField()  # lower is more urgent
    label = models.CharField(max_length=100)
    detail = models.CharField(max_length=1000)
    happened_at = models.DateTimeField(null=True, blank=True)
    # The program a low-adherence reason is about (active: see the class's docstring).
    program = models.ForeignKey(Program, null=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["rank", "-happened_at", "id"]
        indexes = [
            models.Index(fields=["clinic", "code", "patient"]),
            models.Index(fields=["patient", "rank"]),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.patient_id}"


# The dashboard's order: most urgent first, then the latest event, then the patient.
ATTENTION_ORDER = ("rank", "-latest_at", "patient")


class _AttentionPlace(models.Model):
    """Where a patient stands on the dashboard: the rank of their most urgent reason and the
    latest time of all of them, with the clinic and the patient's clinician copied in, so that
    each filter's page is read in index order without a join."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="+")
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rank = models.SmallIntegerField()
    latest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class PatientAttention(_AttentionPlace):
    """A patient needing attention, with the rank of their most urgent reason: the dashboard
    pages through these in index order (the patient's clinician copied, for "my patients")."""

    patient = models.OneToOneField(
        Patient, primary_key=True, on_delete=models.CASCADE, related_name="attention"
    )

    class Meta:
        indexes = [
            models.Index(fields=["clinic", *ATTENTION_ORDER], name="attention_order"),
            models.Index(
                fields=["clinic", "clinician", *ATTENTION_ORDER], name="attention_by_clinician"
            ),
        ]

    def __str__(self) -> str:
        return f"Patient {self.patient_id}: rank {self.rank}"


class PatientAttentionCode(_AttentionPlace):
    """A patient needing attention for one kind of reason, placed as in PatientAttention (the
    rank and latest time of all their reasons): the dashboard filtered by reason pages through
    these in index order, and counts the patients of each reason from them without a join."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=32, choices=AttentionReason.Code.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["patient", "code"], name="attention_code_once")
        ]
        indexes = [
            models.Index(fields=["clinic", "code", *ATTENTION_ORDER], name="attention_code_order"),
            models.Index(
                fields=["clinic", "clinician", "code", *ATTENTION_ORDER],
                name="attention_code_by_clinician",
            ),
        ]

    def __str__(self) -> str:
        return f"Patient {self.patient_id}: {self.code}"
