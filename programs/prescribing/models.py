"""Programs, their items, the prescription history and clinic templates."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic
from patients.clinical import TIER_LABELS, Severity
from patients.models import Assessment, Patient
from programs.library.dosage import BOUNDS, FIELD_LABELS, Dosage
from programs.library.models import Exercise

# Programs are prescribed for this century: a year 0001 or 9999 is a typing slip, and the
# calendar's edges cannot even be moved to another time zone.
PROGRAM_DATES_FROM = datetime.date(2000, 1, 1)
PROGRAM_DATES_TO = datetime.date(2100, 12, 31)


def validate_program_date(value: datetime.date) -> None:
    """Refuse program dates outside 2000–2100."""
    if not PROGRAM_DATES_FROM <= value <= PROGRAM_DATES_TO:
        raise ValidationError(
            gettext("Choose a date between %(first)s and %(last)s.")
            % {
                "first": date_format(PROGRAM_DATES_FROM, "SHORT_DATE_FORMAT"),
                "last": date_format(PROGRAM_DATES_TO, "SHORT_DATE_FORMAT"),
            }
        )


class PrescribedExercise(models.Model):
    """An exercise with the five numbers of its prescription: program and template items."""

    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField()
    notes = models.CharField(max_length=300, blank=True)
    sets = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField()
    hold_seconds = models.PositiveSmallIntegerField()
    sessions_per_day = models.PositiveSmallIntegerField()
    days_per_week = models.PositiveSmallIntegerField()

    class Meta:
        abstract = True
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": low, f"{name}__lte": high}),
                name=f"%(class)s_{name}_in_bounds",
            )
            for name, (low, high) in BOUNDS.items()
        ]

    @property
    def dosage(self) -> Dosage:
        return Dosage(
            sets=self.sets,
            reps=self.reps,
            hold_seconds=self.hold_seconds,
            sessions_per_day=self.sessions_per_day,
            days_per_week=self.days_per_week,
        )


class Program(models.Model):
    """A patient's home exercise program; at most one is active per patient."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        COMPLETED = "completed", _("Completed")

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="programs")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    tier = models.CharField(max_length=16, choices=Severity.choices)
    assessment = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="programs"
    )
    start_date = models.DateField(default=timezone.localdate, validators=[validate_program_date])
    end_date = models.DateField(null=True, blank=True, validators=[validate_program_date])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,  # an integration's API key acts without a user
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "programs_program"  # the name it had when programs was one app
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient"],
                condition=Q(status="active"),
                name="program_one_active_per_patient",
                violation_error_message=_("This patient already has an active program."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "active", "paused", "completed"]),
                name="program_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(tier__in=Severity.values), name="program_tier_valid"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="program_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(start_date__range=(PROGRAM_DATES_FROM, PROGRAM_DATES_TO))
                & (
                    Q(end_date__isnull=True)
                    | Q(end_date__range=(PROGRAM_DATES_FROM, PROGRAM_DATES_TO))
                ),
                name="program_dates_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Program {self.pk} for {self.patient} ({self.status})"

    @property
    def tier_label(self) -> str:
        return str(TIER_LABELS[self.tier])

    @property
    def is_editable(self) -> bool:
        return self.status != self.Status.COMPLETED


class ProgramStatusChange(models.Model):
    """The program's status history: every activation, pause, resume and completion, and why."""

    class Cause(models.TextChoices):
        CLINICIAN = "clinician", _("Clinician")
        RED_FLAG = "red_flag", _("Red flag recorded")
        EMERGENCY_FLAG = "emergency_flag", _("Emergency red flag recorded")
        EMERGENCY_SYMPTOM = "emergency_symptom", _("Emergency symptom reported by the patient")
        REPLACED = "replaced", _("Another program was activated")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=Program.Status.choices)
    to_status = models.CharField(max_length=16, choices=Program.Status.choices)
    cause = models.CharField(max_length=24, choices=Cause.choices, default=Cause.CLINICIAN)
    reason = models.CharField(max_length=500, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,  # an API key, or the patient's own emergency report, acts without a clinician
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "programs_programstatuschange"  # the name it had when programs was one app
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["program", "-changed_at"], name="programstatus_recent")]

    def __str__(self) -> str:
        return f"Program {self.program_id}: {self.from_status} → {self.to_status}"

    @property
    def is_safety_pause(self) -> bool:
        return self.to_status == Program.Status.PAUSED and self.cause in SAFETY_CAUSES


SAFETY_CAUSES = frozenset(
    {
        ProgramStatusChange.Cause.RED_FLAG,
        ProgramStatusChange.Cause.EMERGENCY_FLAG,
        ProgramStatusChange.Cause.EMERGENCY_SYMPTOM,
    }
)
EMERGENCY_CAUSES = frozenset(
    {ProgramStatusChange.Cause.EMERGENCY_FLAG, ProgramStatusChange.Cause.EMERGENCY_SYMPTOM}
)


class ProgramItem(PrescribedExercise):
    """One exercise of a program with its dosage."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="items")

    class Meta(PrescribedExercise.Meta):
        db_table = "programs_programitem"  # the name it had when programs was one app

    def __str__(self) -> str:
        return f"{self.exercise} in program {self.program_id}"


class DosageChange(models.Model):
    """The prescription history: who changed which dosage, when, from what to what, and why."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="dosage_changes")
    # Kept when the item is later removed, so the history stays whole.
    item = models.ForeignKey(
        ProgramItem, null=True, on_delete=models.SET_NULL, related_name="dosage_changes"
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    old = models.JSONField()
    new = models.JSONField()
    reason = models.CharField(max_length=500)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,  # an integration's API key acts without a user
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "programs_dosagechange"  # the name it had when programs was one app
        ordering = ["-changed_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="dosagechange_reason_required"),
        ]

    def __str__(self) -> str:
        return f"{self.exercise}: {self.old} → {self.new}"

    @property
    def changed_fields(self) -> list[tuple[str, int, int]]:
        """(label, old, new) for each field that changed."""
        return [
            (str(FIELD_LABELS[k]), self.old[k], self.new[k])
            for k in self.new
            if self.old.get(k) != self.new[k]
        ]


class ProgramTemplate(models.Model):
    """A clinic's saved program, applied to other patients with dosages re-scaled."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="templates")
    name = models.CharField(max_length=120)
    tier = models.CharField(max_length=16, choices=Severity.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,  # an integration's API key acts without a user
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "programs_programtemplate"  # the name it had when programs was one app
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "name"],
                name="template_name_unique_per_clinic",
                violation_error_message=_("Your clinic already has a template with this name."),
            ),
            models.CheckConstraint(
                condition=Q(tier__in=Severity.values), name="template_tier_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def tier_label(self) -> str:
        return str(TIER_LABELS[self.tier])


class TemplateItem(PrescribedExercise):
    """One exercise of a clinic template with the dosage it was saved with."""

    template = models.ForeignKey(ProgramTemplate, on_delete=models.CASCADE, related_name="items")

    class Meta(PrescribedExercise.Meta):
        db_table = "programs_templateitem"  # the name it had when programs was one app

    def __str__(self) -> str:
        return f"{self.exercise} in {self.template}"


class HandoutEmail(models.Model):
    """The handout emailed to the patient, PDF attached: a row first, sent by a task.

    One of the emails that must not be lost (clinic.outbox): written with the request, sent
    after commit, published again by the outbox sweep if its task never ran.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="handout_emails")
    to_email = models.EmailField(help_text="The patient's address when it was asked for.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True),
                name="handout_email_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"Handout of {self.program} to {self.to_email}"
