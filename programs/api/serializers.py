"""Programs API serializers: lean output, strict input."""

from django.contrib.staticfiles.storage import staticfiles_storage
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clinic.api.serializers import SafeDateTimeField, StrictInputSerializer
from patients.api.serializers import TIER_CHOICES
from patients.clinical import EMERGENCY_FLAGS, NRS_MAX, NRS_MIN, TIER_LABELS, RedFlag, Severity
from programs.dosage import BOUNDS
from programs.models import Exercise, Program

NRS = {"min_value": NRS_MIN, "max_value": NRS_MAX}
EMERGENCY_SYMPTOMS = [(code, label) for code, label in RedFlag.choices if code in EMERGENCY_FLAGS]


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
            return f"{staticfiles_storage.base_url}{exercise.illustration}"

    def get_clinic_own(self, exercise: Exercise) -> bool:
        return exercise.clinic_id is not None


class ExerciseFilterSerializer(serializers.Serializer):
    category = serializers.ChoiceField(Exercise.Category.choices, required=False, allow_blank=True)
    position = serializers.ChoiceField(Exercise.Position.choices, required=False, allow_blank=True)


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


class SessionItemSerializer(serializers.Serializer):
    item = serializers.IntegerField(
        source="item_id", allow_null=True, help_text="The program item's id (null if removed)."
    )
    completed = serializers.BooleanField()
    sets_done = serializers.IntegerField()
    reps_done = serializers.IntegerField()


class SessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    program = serializers.IntegerField(source="program_id")
    performed_at = serializers.DateTimeField()
    pain_before = serializers.IntegerField(**NRS)
    pain_after = serializers.IntegerField(
        **NRS, help_text="The highest pain during or just after the session."
    )
    pain_next_morning = serializers.IntegerField(**NRS, allow_null=True)
    items = SessionItemSerializer(many=True)
    symptoms = serializers.ListField(
        child=serializers.ChoiceField(EMERGENCY_SYMPTOMS),
        help_text="Emergency red-flag symptoms the patient reported.",
    )
    notes = serializers.CharField()
    traffic_light = serializers.ChoiceField(
        [("green", "green"), ("amber", "amber"), ("red", "red")],
        help_text="pain_after 0–3 green, 4–5 amber, 6 or more red.",
    )


class SessionItemInputSerializer(StrictInputSerializer):
    item = serializers.IntegerField(help_text="The id of an item of the active program.")
    completed = serializers.BooleanField()
    sets_done = serializers.IntegerField(required=False, default=0, min_value=0, max_value=20)
    reps_done = serializers.IntegerField(required=False, default=0, min_value=0, max_value=200)


class SessionCreateSerializer(StrictInputSerializer):
    """A session against the patient's active program. An emergency symptom pauses the program
    at once and alerts the clinician."""

    read_only_names = frozenset({"id", "program", "pain_next_morning", "traffic_light"})

    performed_at = SafeDateTimeField(
        required=False, help_text="When it happened (at most 7 days ago); now when not given."
    )
    pain_before = serializers.IntegerField(**NRS)
    pain_after = serializers.IntegerField(**NRS)
    items = SessionItemInputSerializer(many=True, max_length=50)
    symptoms = serializers.ListField(
        child=serializers.ChoiceField(EMERGENCY_SYMPTOMS),
        required=False,
        default=list,
        max_length=len(EMERGENCY_SYMPTOMS),
    )
    notes = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class SessionMorningSerializer(StrictInputSerializer):
    read_only_names = frozenset(
        {
            "id",
            "program",
            "performed_at",
            "pain_before",
            "pain_after",
            "items",
            "symptoms",
            "notes",
            "traffic_light",
        }
    )

    pain_next_morning = serializers.IntegerField(**NRS)
