"""Programs API: parse input, call a selector or service, serialize the result."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from clinic.api.views import ClinicAPIView
from patients.api.serializers import ConflictSerializer
from patients.selectors import patient_get_for
from patients.services import patient_record_view
from programs.prescribing.api.serializers import (
    ProgramActivateSerializer,
    ProgramGenerateSerializer,
    ProgramItemDosageSerializer,
    ProgramItemSerializer,
    ProgramSerializer,
    ProgramUpdateSerializer,
)
from programs.prescribing.selectors import (
    program_get_for,
    program_item_get_for,
    programs_with_items_for,
)
from programs.prescribing.services import (
    program_activate,
    program_change,
    program_generate,
    program_item_change_dosage,
    program_record_view,
)


class PatientProgramListView(ClinicAPIView):
    """A patient's programs."""

    conflict_methods = ("POST",)
    conflict_serializer = ConflictSerializer

    @extend_schema(
        operation_id="patients_programs_list",
        tags=["programs"],
        responses=ProgramSerializer(many=True),
        description="The patient's programs, newest first.",
    )
    def get(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        patient_record_view(actor=self.scope.actor, patient=patient)
        page = self.paginate_queryset(programs_with_items_for(patient=patient))
        return self.get_paginated_response(ProgramSerializer(page, many=True).data)

    @extend_schema(
        operation_id="patients_programs_create",
        tags=["programs"],
        request=ProgramGenerateSerializer,
        responses={201: ProgramSerializer},
        description=(
            "Generate a draft from the latest assessment with the dosage engine's defaults. A red "
            "flag answers 409 naming the flags in `red_flags`."
        ),
    )
    def post(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        ProgramGenerateSerializer(data=request.data).is_valid(raise_exception=True)
        program = program_generate(actor=self.scope.actor, patient=patient)
        program = program_get_for(clinic=self.scope.clinic, program_id=program.pk)
        return Response(ProgramSerializer(program).data, status=status.HTTP_201_CREATED)


class ProgramDetailView(ClinicAPIView):
    """One program with its items; reading it is audited as a view."""

    conflict_methods = ("PATCH",)
    conflict_serializer = ConflictSerializer

    @extend_schema(operation_id="programs_retrieve", tags=["programs"], responses=ProgramSerializer)
    def get(self, request: Request, program_id: int) -> Response:
        program = program_get_for(clinic=self.scope.clinic, program_id=program_id)
        program_record_view(actor=self.scope.actor, program=program)
        return Response(ProgramSerializer(program).data)

    @extend_schema(
        operation_id="programs_partial_update",
        tags=["programs"],
        request=ProgramUpdateSerializer,
        responses=ProgramSerializer,
        description=(
            "Move the start or end date, or change the status: active, paused or completed. "
            "Completed programs cannot change (409)."
        ),
    )
    def patch(self, request: Request, program_id: int) -> Response:
        program = program_get_for(clinic=self.scope.clinic, program_id=program_id)
        data = ProgramUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        program_change(actor=self.scope.actor, program=program, **data.validated_data)
        program = program_get_for(clinic=self.scope.clinic, program_id=program_id)
        return Response(ProgramSerializer(program).data)


class ProgramActivateView(ClinicAPIView):
    """Activation of a program."""

    conflict_methods = ("POST",)
    conflict_serializer = ConflictSerializer

    @extend_schema(
        operation_id="programs_activate",
        tags=["programs"],
        request=ProgramActivateSerializer,
        responses={200: ProgramSerializer},
        description=(
            "Activate a draft or resume a paused program; the patient's other active program is "
            "completed. Red flags, exercises the latest assessment rules out, or a program that "
            "is neither draft nor paused answer 409."
        ),
    )
    def post(self, request: Request, program_id: int) -> Response:
        program = program_get_for(clinic=self.scope.clinic, program_id=program_id)
        data = ProgramActivateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        program_activate(
            actor=self.scope.actor,
            program=program,
            start_date=data.validated_data.get("start_date"),
        )
        program = program_get_for(clinic=self.scope.clinic, program_id=program_id)
        return Response(ProgramSerializer(program).data)


class ProgramItemView(ClinicAPIView):
    """One exercise of a program with its dosage."""

    conflict_methods = ("PATCH",)
    conflict_serializer = ConflictSerializer

    @extend_schema(
        operation_id="programs_items_partial_update",
        tags=["programs"],
        request=ProgramItemDosageSerializer,
        responses=ProgramItemSerializer,
        description=(
            "Change an item's dosage (and notes); `reason` is required and kept with who, when "
            "and old → new in the prescription history."
        ),
    )
    def patch(self, request: Request, program_id: int, item_id: int) -> Response:
        item = program_item_get_for(
            clinic=self.scope.clinic, program_id=program_id, item_id=item_id
        )
        data = ProgramItemDosageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        dosage = item.dosage.as_dict() | data.validated_data
        item = program_item_change_dosage(actor=self.scope.actor, item=item, **dosage)
        return Response(ProgramItemSerializer(item).data)
