"""Outcome scores, the PSFS activities a patient rates, the schedule and discharges."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic
from patients.models import Assessment, Patient
from programs.outcomes.instruments import (
    PSFS_MAX_ACTIVITIES,
    PSFS_RATING_MAX,
    PSFS_RATING_MIN,
    SPECS,
    START_BACK_OTHER_ITEMS,
    START_BACK_SUBSCALE_MAX,
    Instrument,
    RiskGroup,
    Verdict,
    start_back_group,
)
from programs.outcomes.schedule import (
    DEFAULT_INTERVAL_WEEKS,
    MAX_INTERVAL_WEEKS,
    MIN_INTERVAL_WEEKS,
)
from programs.prescribing.models import Program

INTERVAL_VALIDATORS = [
    MinValueValidator(MIN_INTERVAL_WEEKS),
    MaxValueValidator(MAX_INTERVAL_WEEKS),
]


def _range_checks() -> list[models.CheckConstraint]:
    """Each instrument's range, in the database too."""
    return [
        models.CheckConstraint(
            condition=~Q(instrument=code) | Q(score__gte=spec.minimum, score__lte=spec.maximum),
            name=f"outcomescore_{code}_in_range",
        )
        for code, spec in SPECS.items()
    ]


class OutcomeScore(models.Model):
    """One score of one instrument, taken at one time."""

    class Source(models.TextChoices):
        CLINICIAN = "clinician", _("Entered by a clinician")
        PATIENT = "patient", _("Reported by the patient in the portal")
        API = "api", _("Sent by an integration")
        ASSESSMENT = "assessment", _("Pain of a clinical assessment")

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="outcome_scores")
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.PROTECT, related_name="outcome_scores"
    )
    instrument = models.CharField(max_length=16, choices=Instrument.choices)
    score = models.DecimalField(max_digits=5, decimal_places=2)
    # STarT Back's psychosocial subscale (0–5); empty for every other instrument.
    subscale = models.PositiveSmallIntegerField(null=True, blank=True)
    taken_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=16, choices=Source.choices)
    # The assessment whose pain this NPRS score is (one score per assessment).
    assessment = models.OneToOneField(
        Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="outcome_score"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["taken_at", "id"]
        indexes = [models.Index(fields=["patient", "instrument", "taken_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(instrument__in=Instrument.values), name="outcomescore_instrument_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=["clinician", "patient", "api", "assessment"]),
                name="outcomescore_source_valid",
            ),
            *_range_checks(),
            models.CheckConstraint(
                condition=(
                    Q(instrument="start_back", subscale__isnull=False)
                    & Q(subscale__lte=START_BACK_SUBSCALE_MAX)
                    & Q(score__gte=F("subscale"))
                    & Q(score__lte=F("subscale") + START_BACK_OTHER_ITEMS)
                )
                | (~Q(instrument="start_back") & Q(subscale__isnull=True)),
                name="outcomescore_subscale_start_back_only",
            ),
            models.CheckConstraint(
                condition=Q(assessment__isnull=True) | Q(instrument="nprs"),
                name="outcomescore_assessment_is_pain",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_instrument_display()} {self.score} for {self.patient}"

    @property
    def spec(self):
        return SPECS[self.instrument]

    @property
    def display_score(self) -> str:
        return f"{self.score.normalize():f}"

    @property
    def risk_group(self) -> RiskGroup | None:
        if self.instrument != Instrument.START_BACK or self.subscale is None:
            return None
        return start_back_group(int(self.score), self.subscale)


class PsfsActivity(models.Model):
    """An activity the patient named for the PSFS; the same ones are rated at every repeat."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="psfs_activities")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "position"], name="psfsactivity_one_per_position"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=PSFS_MAX_ACTIVITIES),
                name="psfsactivity_position_1_5",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PsfsRating(models.Model):
    """One activity's rating (0 unable – 10 as before the injury) in one PSFS score."""

    score = models.ForeignKey(OutcomeScore, on_delete=models.CASCADE, related_name="psfs_ratings")
    activity = models.ForeignKey(PsfsActivity, on_delete=models.PROTECT, related_name="ratings")
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(PSFS_RATING_MIN), MaxValueValidator(PSFS_RATING_MAX)]
    )

    class Meta:
        ordering = ["activity__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["score", "activity"], name="psfsrating_one_per_activity"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=PSFS_RATING_MIN, rating__lte=PSFS_RATING_MAX),
                name="psfsrating_0_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.rating}/10"


class ClinicOutcomeSettings(models.Model):
    """A clinic's outcome schedule: repeats every `interval_weeks` (2 unless changed)."""

    clinic = models.OneToOneField(Clinic, on_delete=models.CASCADE, related_name="outcome_settings")
    interval_weeks = models.PositiveSmallIntegerField(
        default=DEFAULT_INTERVAL_WEEKS, validators=INTERVAL_VALIDATORS
    )

    class Meta:
        verbose_name_plural = "clinic outcome settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    interval_weeks__gte=MIN_INTERVAL_WEEKS, interval_weeks__lte=MAX_INTERVAL_WEEKS
                ),
                name="clinicoutcomesettings_interval_range",
            )
        ]

    def __str__(self) -> str:
        return f"Outcomes of {self.clinic}: every {self.interval_weeks} weeks"


class ProgramOutcomeSchedule(models.Model):
    """A program's own repeat interval, overriding the clinic's."""

    program = models.OneToOneField(
        Program, on_delete=models.CASCADE, related_name="outcome_schedule"
    )
    interval_weeks = models.PositiveSmallIntegerField(validators=INTERVAL_VALIDATORS)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    interval_weeks__gte=MIN_INTERVAL_WEEKS, interval_weeks__lte=MAX_INTERVAL_WEEKS
                ),
                name="programoutcomeschedule_interval_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.program}: outcomes every {self.interval_weeks} weeks"


class Discharge(models.Model):
    """The end of a completed program: its results as they stood, and the clinician's summary.

    The figures are kept as they were at discharge, so the letter and the clinic's outcome
    page say the same thing later, and that page reads them without recomputing anything.
    """

    program = models.OneToOneField(Program, on_delete=models.PROTECT, related_name="discharge")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="discharges")
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="discharges")
    # The patient's condition and the program's tier at discharge: the clinic page's groups.
    condition = models.CharField(max_length=32)
    tier = models.CharField(max_length=16)
    summary = models.TextField(max_length=5000)
    sessions_logged = models.PositiveIntegerField()
    sessions_prescribed = models.PositiveIntegerField()
    discharged_at = models.DateTimeField(default=timezone.now)
    discharged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-discharged_at", "-id"]
        indexes = [models.Index(fields=["clinic", "discharged_at"])]

    def __str__(self) -> str:
        return f"Discharge of {self.patient} ({self.discharged_at:%Y-%m-%d})"

    @property
    def adherence_percent(self) -> int | None:
        if not self.sessions_prescribed:
            return None
        return round(100 * self.sessions_logged / self.sessions_prescribed)


class DischargeOutcome(models.Model):
    """One instrument's baseline, final score and verdict at discharge."""

    discharge = models.ForeignKey(Discharge, on_delete=models.CASCADE, related_name="outcomes")
    instrument = models.CharField(max_length=16, choices=Instrument.choices)
    baseline = models.DecimalField(max_digits=5, decimal_places=2)
    final = models.DecimalField(max_digits=5, decimal_places=2)
    # Empty for STarT Back, which has no responder rule.
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["discharge", "instrument"], name="dischargeoutcome_one_per_instrument"
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=["", *Verdict.values]), name="dischargeoutcome_verdict"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_instrument_display()}: {self.baseline} → {self.final}"

    @property
    def change(self):
        return self.final - self.baseline
