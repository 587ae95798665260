"""Programs API serializers: lean output, strict input."""

from rest_framework import serializers

from clinic.api.serializers import StrictInputSerializer
from patients.api.serializers import TIER_CHOICES
from programs.library.dosage import BOUNDS
from programs.prescribing.models import Program


class ProgramItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    exercise = serializers.SlugField(source="exercise.slug", help_text="The exercise's slug.")
    order = serializers.IntegerField()
    sets = serializers.IntegerField()
    reps = serializers.IntegerField()
    hold_seconds = serializers.IntegerField()
    sessions_per_day = serializers.IntegerField()
    days_per_week = serializers.IntegerField()
    notes = serializers.CharField()


class ProgramSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    patient = serializers.IntegerField(source="patient_id", help_text="The patient's id.")
    status = serializers.ChoiceField(Program.Status.choices)
    tier = serializers.ChoiceField(TIER_CHOICES)
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    items = ProgramItemSerializer(many=True)


PROGRAM_READ_ONLY = frozenset({"id", "patient", "tier", "items"})


class ProgramGenerateSerializer(StrictInputSerializer):
    """No fields: the draft is generated from the patient's latest assessment."""

    read_only_names = PROGRAM_READ_ONLY | {"status", "start_date", "end_date"}


class ProgramUpdateSerializer(StrictInputSerializer):
    read_only_names = PROGRAM_READ_ONLY

    start_date = serializers.DateField(required=False)
    end_date = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(
        # Not draft: a program never goes back to draft.
        [choice for choice in Program.Status.choices if choice[0] != Program.Status.DRAFT],
        required=False,
        help_text=(
            "active activates a draft or resumes a paused program (like POST …/activate/), "
            "paused pauses an active one, completed completes an active or paused one."
        ),
    )


class ProgramActivateSerializer(StrictInputSerializer):
    read_only_names = PROGRAM_READ_ONLY | {"status", "end_date"}

    start_date = serializers.DateField(
        required=False, help_text="When a draft starts; today when not given."
    )


def _dosage_field(name: str) -> serializers.IntegerField:
    low, high = BOUNDS[name]
    return serializers.IntegerField(required=False, min_value=low, max_value=high)


class ProgramItemDosageSerializer(StrictInputSerializer):
    """A dosage edit: the fields not sent keep their values; the reason is kept in the
    prescription history."""

    read_only_names = frozenset({"id", "exercise", "order"})

    reason = serializers.CharField(max_length=500, help_text="Why the dosage changes (required).")
    sets = _dosage_field("sets")
    reps = _dosage_field("reps")
    hold_seconds = _dosage_field("hold_seconds")
    sessions_per_day = _dosage_field("sessions_per_day")
    days_per_week = _dosage_field("days_per_week")
    notes = serializers.CharField(required=False, allow_blank=True, max_length=300)
