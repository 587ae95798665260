"""Exercise library API serializers: lean output, strict filters."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from patients.clinical import TIER_LABELS, Severity
from programs.library.models import Exercise


class ExerciseSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    summary = serializers.CharField()
    instructions = serializers.ListField(
        child=serializers.CharField(), source="instruction_steps", help_text="One step per item."
    )
    cautions = serializers.ListField(child=serializers.CharField(), source="caution_list")
    category = serializers.ChoiceField(Exercise.Category.choices)
    position = serializers.ChoiceField(Exercise.Position.choices)
    progression_order = serializers.IntegerField()
    max_tier = serializers.ChoiceField(
        [(code, f"safe up to tier {TIER_LABELS[code]}") for code in Severity.values],
        help_text="The worst tier at which it may be prescribed.",
    )
    loads_flexion = serializers.BooleanField(help_text="Bends the spine forward.")
    illustration = serializers.SerializerMethodField(help_text="URL of the picture, or null.")
    clinic_own = serializers.SerializerMethodField(
        help_text="true for the clinic's own exercises, false for the standard library."
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_illustration(self, exercise: Exercise) -> str | None:
        if not exercise.illustration:
            return None
        try:
            return staticfiles_storage.url(exercise.illustration)
        except ValueError:  # not collected (manifest storage): the plain static path
            return f"{settings.STATIC_URL}{exercise.illustration}"

    def get_clinic_own(self, exercise: Exercise) -> bool:
        return exercise.clinic_id is not None


class ExerciseFilterSerializer(serializers.Serializer):
    category = serializers.ChoiceField(Exercise.Category.choices, required=False, allow_blank=True)
    position = serializers.ChoiceField(Exercise.Position.choices, required=False, allow_blank=True)
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Words of the name."
    )
    tier = serializers.ChoiceField(
        Severity.choices,
        required=False,
        allow_blank=True,
        help_text="Only exercises that may be prescribed at this tier.",
    )
