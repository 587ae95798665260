"""Patient records and their assessment history (SPEC 2.1)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic, Clinician, validate_timezone
from patients.clinical import (
    NRS_MAX,
    NRS_MIN,
    TIER_LABELS,
    Condition,
    Region,
    Severity,
    referral_for,
    tier_reason,
)
from patients.search import search_text

# The list's order, and the tie-break after any other sort key (patients.filters).
NAME_ORDER = ("last_name", "first_name", "id")
SORT_KEYS_INDEXED = ("first_name", "date_of_birth", "external_id", "created_at", "updated_at")


def validate_date_of_birth(value: datetime.date) -> None:
    """A birth date must be in the past and after 1900 (a typo guard, not a clinical rule)."""
    if value > timezone.localdate():
        raise ValidationError(_("The date of birth cannot be in the future."))
    if value.year < 1900:
        raise ValidationError(_("Enter a date of birth after 1900."))


# The portal's languages (settings.LANGUAGES) for the database's CHECK constraint.
PORTAL_LANGUAGES = ("en-gb", "es", "fr", "de")


def default_language() -> str:
    """A new patient's language: the site's (English) until the clinician chooses another."""
    return settings.LANGUAGE_CODE


def language_choices() -> list[tuple[str, str]]:
    """The portal's languages, each named in itself so a patient can find their own."""
    return list(settings.LANGUAGES)


class Patient(models.Model):
    """A person a clinic treats; archived, never deleted."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ARCHIVED = "archived", _("Archived")

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="patients")
    external_id = models.CharField(
        "external ID",
        max_length=64,
        blank=True,
        help_text=_("The patient's number in your practice system, if any."),
    )
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(validators=[validate_date_of_birth])
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32, blank=True)
    timezone = models.CharField(max_length=64, validators=[validate_timezone])
    # Who looks after the patient: the dashboard and lists filter by it. Staff leave, records
    # stay: a removed user leaves the patient unassigned.
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible clinician"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="patients_in_care",
    )
    # The portal's, its emails' and the handout's language (SPEC 3): set by the clinician,
    # changeable by the patient.
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=language_choices,
        default=default_language,
        # For rows written without the ORM (bulk COPY, SQL): the site's language, as above.
        db_default="en-gb",
        help_text=_("The portal, its emails and the handout speak this language."),
    )
    condition = models.CharField(max_length=32, choices=Condition.choices)
    region = models.CharField(max_length=16, choices=Region.choices)
    prone_tolerant = models.BooleanField(
        "can lie on their stomach comfortably",
        default=True,
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    archived_at = models.DateTimeField(null=True, blank=True)
    # Points at the newest Assessment, so lists can filter and show the current tier with a join
    # instead of a subquery per row. Set only by patients.services.assessment_record.
    latest_assessment = models.OneToOneField(
        "Assessment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="patient",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Names and external ID folded (patients.search): the list's search reads only this column,
    # through a trigram index on PostgreSQL (migration 0007).
    search_text = models.CharField(max_length=400, editable=False, default="", db_default="")

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        # Each ordering the list offers starts with the clinic and status it always filters by.
        indexes = [
            models.Index(fields=["clinic", "status", *NAME_ORDER]),
            models.Index(fields=["clinic", "clinician"], name="patient_by_clinician"),
            *(
                models.Index(
                    fields=["clinic", "status", key, *(f for f in NAME_ORDER if f != key)],
                    name=f"patient_by_{key}",
                )
                for key in SORT_KEYS_INDEXED
            ),
        ]
        constraints = [
            # Case-insensitive, like the search by external ID: "MRN-7" and "mrn-7" are one.
            models.UniqueConstraint(
                F("clinic"),
                Lower("external_id"),
                condition=~Q(external_id=""),
                name="patient_external_id_unique_per_clinic",
                violation_error_message="Another patient of this clinic has this external ID.",
            ),
            models.CheckConstraint(
                condition=Q(condition__in=Condition.values), name="patient_condition_valid"
            ),
            models.CheckConstraint(
                condition=Q(region__in=Region.values), name="patient_region_valid"
            ),
            # settings.LANGUAGES, written out: a migration cannot follow settings
            # (tests/i18n checks the two agree).
            models.CheckConstraint(
                condition=Q(language__in=PORTAL_LANGUAGES), name="patient_language_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="active", archived_at__isnull=True)
                    | Q(status="archived", archived_at__isnull=False)
                ),
                name="patient_archived_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        # A derived index key, not a rule: kept here so that every writer (services, admin,
        # factories) stores it. Bulk writers call patients.search.search_text themselves.
        self.search_text = search_text(
            first_name=self.first_name, last_name=self.last_name, external_id=self.external_id
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        # A clinician of another clinic would see this patient on their dashboard.
        # (A form's unsaved patient has no clinic yet: the service checks it once it has one.)
        if (
            self.clinician_id is not None
            and self.clinic_id is not None
            and not Clinician.objects.filter(
                user_id=self.clinician_id, clinic_id=self.clinic_id
            ).exists()
        ):
            raise ValidationError({"clinician": _("Choose a clinician of this clinic.")})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED


class Assessment(models.Model):
    """One clinical (re)assessment; rows are never changed, so history is never overwritten."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="assessments")
    injury_severity = models.CharField(max_length=16, choices=Severity.choices)
    pain_level = models.PositiveSmallIntegerField(
        "pain (NRS 0–10)",
        validators=[MinValueValidator(NRS_MIN), MaxValueValidator(NRS_MAX)],
    )
    red_flags = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    # Derived from the fields above when the row is written; stored so that lists can filter on
    # them and so the row keeps the tier it was prescribed under even if the rules change.
    tier = models.CharField(max_length=16, choices=Severity.choices, editable=False)
    referral_required = models.BooleanField(default=False, editable=False)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_at", "-id"]
        indexes = [models.Index(fields=["tier"]), models.Index(fields=["referral_required"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(pain_level__gte=NRS_MIN, pain_level__lte=NRS_MAX),
                name="assessment_pain_level_0_10",
            ),
            models.CheckConstraint(
                condition=Q(injury_severity__in=Severity.values),
                name="assessment_severity_valid",
            ),
            models.CheckConstraint(
                condition=Q(tier__in=Severity.values), name="assessment_tier_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.patient} {self.assessed_at:%Y-%m-%d}: {self.tier}"

    @property
    def tier_label(self) -> str:
        return str(TIER_LABELS[self.tier])

    @property
    def tier_reason(self) -> str:
        return tier_reason(self.injury_severity, self.pain_level)

    @property
    def referral(self):
        return referral_for(self.red_flags)


class PortalInvitation(models.Model):
    """A single-use link, valid 7 days, for a patient to set a portal password (SPEC 3)."""

    VALID_FOR = datetime.timedelta(days=7)

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # Set when a newer invitation replaces this one.
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The email: when it went out, and the send task that took it (clinic.outbox).
    sent_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The outbox sweep's rows: open invitations whose email has not gone out.
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, used_at__isnull=True, revoked_at__isnull=True),
                name="invitation_unsent",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation for {self.patient} ({self.email})"

    @property
    def state(self) -> str:
        if self.used_at:
            return "used"
        if self.revoked_at:
            return "replaced"
        return "expired" if self.expires_at <= timezone.now() else "open"
