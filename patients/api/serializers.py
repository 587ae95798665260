"""Patients API: input serializers check shape; the patient output is built by hand because
the patients list is the API's busiest read (see bench/api.py for the measurements)."""

import datetime

from rest_framework import serializers

from clinic.api.serializers import StrictInputSerializer
from clinic.models import validate_timezone
from patients.clinical import NRS_MAX, NRS_MIN, TIER_LABELS, Condition, RedFlag, Region, Severity
from patients.models import Patient, validate_date_of_birth

# Tiers share the codes of injury severity; their labels are those shown on pages.
TIER_CHOICES = [(code, TIER_LABELS[code]) for code in Severity.values]

PATIENT_READ_ONLY = frozenset(
    {"id", "tier", "referral_required", "status", "created_at", "updated_at"}
)


class RedFlagListField(serializers.ListField):
    child = serializers.ChoiceField(RedFlag.choices)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", len(RedFlag.values))
        super().__init__(**kwargs)


class PatientSerializer(serializers.Serializer):
    """A patient with their current grading (that of the latest assessment)."""

    id = serializers.IntegerField(read_only=True)
    external_id = serializers.CharField(help_text="The patient's number in your practice system.")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    date_of_birth = serializers.DateField()
    email = serializers.CharField()
    phone = serializers.CharField()
    timezone = serializers.CharField(help_text="IANA time zone, e.g. Europe/London.")
    condition = serializers.ChoiceField(Condition.choices)
    region = serializers.ChoiceField(Region.choices)
    injury_severity = serializers.ChoiceField(
        Severity.choices, source="latest_assessment.injury_severity"
    )
    pain_level = serializers.IntegerField(
        source="latest_assessment.pain_level", min_value=NRS_MIN, max_value=NRS_MAX
    )
    prone_tolerant = serializers.BooleanField()
    red_flags = RedFlagListField(source="latest_assessment.red_flags")
    tier = serializers.ChoiceField(
        TIER_CHOICES,
        source="latest_assessment.tier",
        help_text="The worse of injury_severity and the pain band; `none` is shown as prevention.",
    )
    referral_required = serializers.BooleanField(
        source="latest_assessment.referral_required",
        help_text="A red flag forbids generating or activating any program.",
    )
    status = serializers.ChoiceField(Patient.Status.choices)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def to_representation(self, patient: Patient) -> dict:
        # The fields above document the answer; building it directly is several times faster
        # than DRF's field-by-field walk, and tests check both give the same JSON.
        # Every patient is created with an assessment (patient_create), so the latest is set.
        assessment = patient.latest_assessment
        assert assessment is not None  # noqa: S101
        return patient_representation(
            (
                patient.pk,
                patient.external_id,
                patient.first_name,
                patient.last_name,
                patient.date_of_birth,
                patient.email,
                patient.phone,
                patient.timezone,
                patient.condition,
                patient.region,
                assessment.injury_severity,
                assessment.pain_level,
                patient.prone_tolerant,
                assessment.red_flags,
                assessment.tier,
                assessment.referral_required,
                patient.status,
                patient.created_at,
                patient.updated_at,
            )
        )


# The columns of PatientSerializer's fields, in order, for lists read with values_list().
PATIENT_COLUMNS = (
    "id",
    "external_id",
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "timezone",
    "condition",
    "region",
    "latest_assessment__injury_severity",
    "latest_assessment__pain_level",
    "prone_tolerant",
    "latest_assessment__red_flags",
    "latest_assessment__tier",
    "latest_assessment__referral_required",
    "status",
    "created_at",
    "updated_at",
)
PATIENT_FIELDS = tuple(name.removeprefix("latest_assessment__") for name in PATIENT_COLUMNS)


def _utc_iso(moment: datetime.datetime) -> str:
    """As DRF's DateTimeField writes it with TIME_ZONE UTC: ISO 8601 ending in Z."""
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def patient_representation(row: tuple) -> dict:
    """A patient's API answer from the values of PATIENT_COLUMNS."""
    patient = dict(zip(PATIENT_FIELDS, row, strict=True))
    patient["date_of_birth"] = patient["date_of_birth"].isoformat()
    patient["created_at"] = _utc_iso(patient["created_at"])
    patient["updated_at"] = _utc_iso(patient["updated_at"])
    return patient


class PatientInputSerializer(StrictInputSerializer):
    """Create (all required fields) or change (PATCH: any subset) a patient.

    Changing injury_severity, pain_level or red_flags records a new assessment; the values not
    sent are carried over from the latest one.
    """

    read_only_names = PATIENT_READ_ONLY

    external_id = serializers.CharField(max_length=64, required=False, allow_blank=True)
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    date_of_birth = serializers.DateField(validators=[validate_date_of_birth])
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
    timezone = serializers.CharField(
        max_length=64,
        required=False,
        validators=[validate_timezone],
        help_text="IANA time zone, e.g. Europe/London; the clinic's when not given.",
    )
    condition = serializers.ChoiceField(Condition.choices)
    region = serializers.ChoiceField(Region.choices)
    injury_severity = serializers.ChoiceField(Severity.choices)
    pain_level = serializers.IntegerField(min_value=NRS_MIN, max_value=NRS_MAX)
    prone_tolerant = serializers.BooleanField(required=False, default=True)
    red_flags = RedFlagListField(required=False, default=list)


class AssessmentSerializer(serializers.Serializer):
    """One (re)assessment; rows are never changed."""

    id = serializers.IntegerField()
    injury_severity = serializers.ChoiceField(Severity.choices)
    pain_level = serializers.IntegerField(min_value=NRS_MIN, max_value=NRS_MAX)
    red_flags = RedFlagListField()
    notes = serializers.CharField()
    tier = serializers.ChoiceField(TIER_CHOICES)
    referral_required = serializers.BooleanField()
    referral_level = serializers.SerializerMethodField(
        help_text="emergency (same-day emergency referral), urgent, or null."
    )
    assessed_by = serializers.SerializerMethodField(
        help_text="Email of the clinician who assessed, or null when an API key recorded it."
    )
    assessed_at = serializers.DateTimeField()

    def get_referral_level(self, assessment) -> str | None:
        return assessment.referral.level

    def get_assessed_by(self, assessment) -> str | None:
        return assessment.assessed_by.email if assessment.assessed_by_id else None


class AssessmentInputSerializer(StrictInputSerializer):
    read_only_names = frozenset(
        {"id", "tier", "referral_required", "referral_level", "assessed_by", "assessed_at"}
    )

    injury_severity = serializers.ChoiceField(Severity.choices)
    pain_level = serializers.IntegerField(min_value=NRS_MIN, max_value=NRS_MAX)
    red_flags = RedFlagListField(required=False, default=list)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class ConflictSerializer(serializers.Serializer):
    """409: the request conflicts with the record's state; `red_flags` names the red flags that
    forbid generating or activating a program, when they are the reason."""

    detail = serializers.CharField()
    red_flags = serializers.ListField(
        child=serializers.ChoiceField(RedFlag.choices), required=False
    )
