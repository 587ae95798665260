"""Outcome API serializers: lean output, strict input."""

from rest_framework import serializers

from clinic.api.serializers import SafeDateTimeField, StrictInputSerializer
from programs.outcomes.instruments import (
    PSFS_MAX_ACTIVITIES,
    PSFS_RATING_MAX,
    PSFS_RATING_MIN,
    Instrument,
    RiskGroup,
    Verdict,
)
from programs.outcomes.models import OutcomeScore


class PsfsRatingSerializer(serializers.Serializer):
    activity = serializers.CharField(help_text="The activity the patient named.")
    rating = serializers.IntegerField(
        min_value=PSFS_RATING_MIN,
        max_value=PSFS_RATING_MAX,
        help_text="0 = unable to do it, 10 = as before the injury.",
    )


class OutcomeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    instrument = serializers.ChoiceField(Instrument.choices)
    score = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        coerce_to_string=False,
        help_text="NPRS 0–10, PSFS mean 0–10, ODI % 0–100, RMDQ 0–24, STarT Back total 0–9.",
    )
    subscale = serializers.IntegerField(
        allow_null=True, help_text="STarT Back psychosocial subscale 0–5; null otherwise."
    )
    psfs = PsfsRatingSerializer(many=True, help_text="The PSFS activities and their ratings.")
    taken_at = serializers.DateTimeField()
    # A field named "source": DRF takes declared fields off the class, so it does not shadow
    # Field.source at run time; the stubs cannot know.
    source = serializers.ChoiceField(OutcomeScore.Source.choices)  # type: ignore[assignment]
    program = serializers.IntegerField(source="program_id", allow_null=True)
    responder_status = serializers.ChoiceField(
        Verdict.choices,
        allow_null=True,
        help_text=(
            "This score against the patient's baseline of the instrument (its first score) under "
            "the published threshold: NPRS 2 points or 30 %, ODI 10 points or 30 %, RMDQ 5 "
            "points or 30 %, PSFS 2 points. Null for the baseline itself and for STarT Back."
        ),
    )
    risk_group = serializers.ChoiceField(
        RiskGroup.choices,
        allow_null=True,
        help_text="STarT Back only: total <= 3 low; otherwise subscale >= 4 high, else medium.",
    )


class PsfsRatingInputSerializer(StrictInputSerializer):
    activity = serializers.CharField(max_length=120)
    rating = serializers.IntegerField()


class OutcomeCreateSerializer(StrictInputSerializer):
    """One score. The PSFS takes `psfs` (3–5 activities with ratings) instead of `score`; the
    first PSFS names the activities and later ones must rate the same."""

    read_only_names = frozenset({"id", "source", "program", "responder_status", "risk_group"})

    instrument = serializers.ChoiceField(Instrument.choices)
    score = serializers.DecimalField(max_digits=6, decimal_places=2, required=False)
    subscale = serializers.IntegerField(required=False, allow_null=True)
    # DRF hands max_length to the list serializer that many=True makes; its stubs do not know.
    psfs = PsfsRatingInputSerializer(  # type: ignore[call-arg]
        many=True, required=False, max_length=PSFS_MAX_ACTIVITIES
    )
    taken_at = SafeDateTimeField(
        required=False, help_text="When the score was taken (at most a year ago); now if absent."
    )
