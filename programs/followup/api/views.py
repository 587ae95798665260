"""Session log API: parse input, call a selector or service, serialize the result."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from clinic.api.views import ClinicAPIView
from patients.api.serializers import ConflictSerializer
from patients.selectors import patient_get_for
from patients.services import patient_record_view
from programs.followup.api.serializers import (
    SessionCreateSerializer,
    SessionMorningSerializer,
    SessionSerializer,
)
from programs.followup.selectors import session_get_for, sessions_for
from programs.followup.services import ItemReport, session_log_record, session_morning_record


class PatientSessionListView(ClinicAPIView):
    """A patient's session logs."""

    conflict_methods = ("POST",)
    conflict_serializer = ConflictSerializer

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
            "Log a session against the patient's active program (409 when there is none). "
            "`program`, when given, must be that program (400 naming it otherwise). An "
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
        if "program" in fields:
            fields["program_id"] = fields.pop("program")
        session, _ = session_log_record(
            actor=self.scope.actor, patient=patient, items=items, **fields
        )
        session = session_get_for(clinic=self.scope.clinic, session_id=session.pk)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class SessionDetailView(ClinicAPIView):
    """One session log."""

    conflict_methods = ("PATCH",)
    conflict_serializer = ConflictSerializer

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
