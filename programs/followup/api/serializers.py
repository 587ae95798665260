"""Session log API serializers: lean output, strict input."""

from typing import Any

from rest_framework import serializers

from clinic.api.serializers import SafeDateTimeField, StrictInputSerializer
from patients.clinical import EMERGENCY_FLAGS, NRS_MAX, NRS_MIN, RedFlag


def _nrs(**options: Any) -> serializers.IntegerField:
    """A pain score on the 0–10 Numeric Rating Scale."""
    return serializers.IntegerField(min_value=NRS_MIN, max_value=NRS_MAX, **options)


EMERGENCY_SYMPTOMS = [(code, label) for code, label in RedFlag.choices if code in EMERGENCY_FLAGS]


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
    pain_before = _nrs()
    pain_after = _nrs(help_text="The highest pain during or just after the session.")
    pain_next_morning = _nrs(allow_null=True)
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

    read_only_names = frozenset({"id", "pain_next_morning", "traffic_light"})

    program = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text="The patient's active program; it is used when not given.",
    )
    performed_at = SafeDateTimeField(
        required=False, help_text="When it happened (at most 7 days ago); now when not given."
    )
    pain_before = _nrs()
    pain_after = _nrs()
    # DRF hands max_length to the list serializer that many=True makes; its stubs do not know.
    items = SessionItemInputSerializer(many=True, max_length=50)  # type: ignore[call-arg]
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

    pain_next_morning = _nrs()
