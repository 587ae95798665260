"""Programs API: parse input, call a selector or service, serialize the result."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from clinic.api.views import ClinicAPIView
from clinic.models import AuditLog
from clinic.services import audit_record
from patients.selectors import patient_get_for
from patients.services import patient_record_view
from programs.api.selectors import programs_with_items_for, session_get_for, sessions_for
from programs.api.serializers import (
    ExerciseFilterSerializer,
    ExerciseSerializer,
    ProgramActivateSerializer,
    ProgramGenerateSerializer,
    ProgramItemDosageSerializer,
    ProgramItemSerializer,
    ProgramSerializer,
    ProgramUpdateSerializer,
    SessionCreateSerializer,
    SessionMorningSerializer,
    SessionSerializer,
)
from programs.selectors import exercise_list_for, program_get_for, program_item_get_for
from programs.services import (
    ItemReport,
    program_activate,
    program_change,
    program_generate,
    program_item_change_dosage,
    session_log_record,
    session_morning_record,
)


class ExerciseListView(ClinicAPIView):
    """The exercise library."""

    @extend_schema(
        operation_id="exercises_list",
        tags=["exercises"],
        parameters=[ExerciseFilterSerializer],
        responses=ExerciseSerializer(many=True),
        description="The standard library and the clinic's own exercises, in program order.",
    )
    def get(self, request: Request) -> Response:
        filters = ExerciseFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        exercises = exercise_list_for(
            clinic=self.scope.clinic,
            category=filters.validated_data.get("category", ""),
            position=filters.validated_data.get("position", ""),
        )
        page = self.paginate_queryset(exercises)
        return self.get_paginated_response(ExerciseSerializer(page, many=True).data)


class ExerciseDetailView(ClinicAPIView):
    """One exercise of the standard library or of the clinic's own, by slug."""

    @extend_schema(
        operation_id="exercises_retrieve", tags=["exercises"], responses=ExerciseSerializer
    )
    def get(self, request: Request, slug: str) -> Response:
        exercise = get_object_or_404(exercise_list_for(clinic=self.scope.clinic), slug=slug)
        return Response(ExerciseSerializer(exercise).data)


class PatientProgramListView(ClinicAPIView):
    """A patient's programs."""

    conflict_methods = ("POST",)

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

    @extend_schema(operation_id="programs_retrieve", tags=["programs"], responses=ProgramSerializer)
    def get(self, request: Request, program_id: int) -> Response:
        program = program_get_for(clinic=self.scope.clinic, program_id=program_id)
        audit_record(
            actor=self.scope.actor,
            action=AuditLog.Action.VIEW,
            obj=program,
            patient=program.patient,
        )
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


class PatientSessionListView(ClinicAPIView):
    """A patient's session logs."""

    conflict_methods = ("POST",)

    @extend_schema(
        operation_id="patients_sessions_list",
        tags=["sessions"],
        responses=SessionSerializer(many=True),
        description="The patient's session logs, newest first.",
    )
    def get(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        patient_record_view(actor=self.scope.actor, patient=patient)
        page = self.paginate_queryset(sessions_for(patient=patient))
        return self.get_paginated_response(SessionSerializer(page, many=True).data)

    @extend_schema(
        operation_id="patients_sessions_create",
        tags=["sessions"],
        request=SessionCreateSerializer,
        responses={201: SessionSerializer},
        description=(
            "Log a session against the patient's active program (409 when there is none). An "
            "emergency symptom pauses the program at once and alerts the clinician."
        ),
    )
    def post(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        data = SessionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        items = [
            ItemReport(
                item_id=row["item"],
                completed=row["completed"],
                sets_done=row["sets_done"],
                reps_done=row["reps_done"],
            )
            for row in fields.pop("items")
        ]
        session, _ = session_log_record(
            actor=self.scope.actor, patient=patient, items=items, **fields
        )
        session = session_get_for(clinic=self.scope.clinic, session_id=session.pk)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class SessionDetailView(ClinicAPIView):
    """One session log."""

    conflict_methods = ("PATCH",)

    @extend_schema(
        operation_id="sessions_partial_update",
        tags=["sessions"],
        request=SessionMorningSerializer,
        responses=SessionSerializer,
        description=(
            "Record next-morning pain, once; a rise of 2 or more over the pain before raises a "
            "regress suggestion and alerts the clinician."
        ),
    )
    def patch(self, request: Request, session_id: int) -> Response:
        session = session_get_for(clinic=self.scope.clinic, session_id=session_id)
        data = SessionMorningSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session_morning_record(
            actor=self.scope.actor,
            session=session,
            pain_next_morning=data.validated_data["pain_next_morning"],
        )
        session = session_get_for(clinic=self.scope.clinic, session_id=session_id)
        return Response(SessionSerializer(session).data)
