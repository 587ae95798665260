"""Outcome API: parse input, call a selector or service, serialize the result."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from clinic.api.views import ClinicAPIView
from clinic.errors import StateConflict
from patients.api.serializers import ConflictSerializer
from patients.selectors import patient_get_for
from patients.services import patient_record_view
from programs.outcomes.api.serializers import OutcomeCreateSerializer, OutcomeSerializer
from programs.outcomes.instruments import responder_verdict
from programs.outcomes.models import OutcomeScore
from programs.outcomes.selectors import outcome_scores_for
from programs.outcomes.services import PsfsEntry, outcome_record

# The service names the PSFS's parts; the API has them in one field.
PSFS_PARTS = {"activities": "psfs", "ratings": "psfs"}


def _named_for_the_api(exc: ValidationError) -> ValidationError:
    """The service's errors under the names of the API's fields."""
    if not hasattr(exc, "error_dict"):
        return exc
    errors: dict[str, list[str]] = {}
    for field, messages in exc.message_dict.items():
        errors.setdefault(PSFS_PARTS.get(field, field), []).extend(messages)
    return ValidationError(errors)


def _baselines(patient) -> dict[str, tuple[int, Decimal]]:
    first: dict[str, tuple[int, Decimal]] = {}
    for pk, instrument, score in patient.outcome_scores.order_by("taken_at", "id").values_list(
        "id", "instrument", "score"
    ):
        first.setdefault(instrument, (pk, score))
    return first


def _row(score: OutcomeScore, baselines: dict[str, tuple[int, Decimal]]) -> dict[str, Any]:
    baseline_id, baseline = baselines[score.instrument]
    group = score.risk_group
    return {
        "id": score.pk,
        "instrument": score.instrument,
        "score": score.score,
        "subscale": score.subscale,
        "psfs": [
            {"activity": r.activity.name, "rating": r.rating} for r in score.psfs_ratings.all()
        ],
        "taken_at": score.taken_at,
        "source": score.source,
        "program_id": score.program_id,
        "responder_status": (
            None
            if score.pk == baseline_id
            else responder_verdict(score.instrument, baseline, score.score)
        ),
        "risk_group": group.value if group else None,
    }


class PatientOutcomeListView(ClinicAPIView):
    """A patient's outcome scores."""

    conflict_methods = ("POST",)
    conflict_serializer = ConflictSerializer

    @extend_schema(
        operation_id="patients_outcomes_list",
        tags=["outcomes"],
        responses=OutcomeSerializer(many=True),
        description=(
            "The patient's outcome scores, oldest first, each with its responder status against "
            "the patient's baseline of the instrument. Each assessment's pain is an NPRS score."
        ),
    )
    def get(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        patient_record_view(actor=self.scope.actor, patient=patient)
        page = self.paginate_queryset(outcome_scores_for(patient=patient))
        baselines = _baselines(patient)
        rows = [_row(score, baselines) for score in page or []]
        return self.get_paginated_response(OutcomeSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="patients_outcomes_create",
        tags=["outcomes"],
        request=OutcomeCreateSerializer,
        responses={201: OutcomeSerializer},
        description=(
            "Record one score, checked against its instrument's range (400 naming the field). "
            "Licensed questionnaires (ODI, RMDQ, STarT Back) are scored on the clinic's own "
            "licensed form; send the score only. 409 for an archived patient."
        ),
    )
    def post(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        data = OutcomeCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        try:
            score = outcome_record(
                actor=self.scope.actor,
                patient=patient,
                instrument=fields["instrument"],
                score=fields.get("score"),
                subscale=fields.get("subscale"),
                psfs=[
                    PsfsEntry(activity=r["activity"], rating=r["rating"])
                    for r in fields.get("psfs", [])
                ],
                taken_at=fields.get("taken_at"),
                source=OutcomeScore.Source.API,
            )
        except StateConflict:
            raise
        except ValidationError as exc:
            raise _named_for_the_api(exc) from exc
        score = outcome_scores_for(patient=patient).get(pk=score.pk)
        return Response(
            OutcomeSerializer(_row(score, _baselines(patient))).data, status=status.HTTP_201_CREATED
        )
