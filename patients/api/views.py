"""Patients API: parse input, call a selector or service, serialize the result."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from clinic.api.pagination import ApiPagination
from clinic.api.views import ClinicAPIView
from clinic.services import audit_patients_shown
from patients.api.serializers import (
    PATIENT_COLUMNS,
    AssessmentInputSerializer,
    AssessmentSerializer,
    ConflictSerializer,
    PatientInputSerializer,
    PatientSerializer,
    patient_representation,
)
from patients.filters import PatientFilterSet, sorts_its_matches
from patients.models import Patient
from patients.selectors import (
    assessment_history_for,
    patient_get_for,
    patients_of,
)
from patients.services import (
    assessment_record,
    patient_archive,
    patient_change,
    patient_create,
    patient_record_view,
)


class PatientListView(ClinicAPIView):
    """The clinic's patients."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = PatientFilterSet

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema asks for the model only
            return Patient.objects.none()
        return patients_of(clinic=self.scope.clinic)

    @extend_schema(
        operation_id="patients_list",
        tags=["patients"],
        responses=PatientSerializer(many=True),
        description="The clinic's active patients (archived ones with ?archived=true).",
    )
    def get(self, request: Request) -> Response:
        # The page with LIMIT and the total as its own plain count; rows become plain dicts
        # rather than going through a serializer (bench/api.py).
        patients = self.filter_queryset(self.get_queryset())
        if isinstance(self.paginator, ApiPagination):
            self.paginator.columns = PATIENT_COLUMNS
            # A search's matches are sorted: its page is read ids first (clinic.paging).
            self.paginator.ids_first = sorts_its_matches(request.query_params.get("q", ""))
        rows = self.paginate_queryset(patients) or []
        body = [patient_representation(row) for row in rows]
        audit_patients_shown(
            actor=self.scope.actor,
            patient_ids=[patient["id"] for patient in body],
            object_type="Patient",
            summary="Patient list"
            + (f": {request.query_params.urlencode()}" if request.query_params else ""),
        )
        return self.get_paginated_response(body)

    @extend_schema(
        operation_id="patients_create",
        tags=["patients"],
        request=PatientInputSerializer,
        responses={201: PatientSerializer},
        description="Create a patient together with their first assessment.",
    )
    def post(self, request: Request) -> Response:
        data = PatientInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        patient = patient_create(
            actor=self.scope.actor, timezone_name=fields.pop("timezone", ""), **fields
        )
        return Response(PatientSerializer(patient).data, status=status.HTTP_201_CREATED)


class PatientDetailView(ClinicAPIView):
    """One patient of the clinic; reading it is audited as a view."""

    conflict_methods = ("PATCH", "DELETE")
    conflict_serializer = ConflictSerializer

    def _patient(self, patient_id: int):
        return patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)

    @extend_schema(operation_id="patients_retrieve", tags=["patients"], responses=PatientSerializer)
    def get(self, request: Request, patient_id: int) -> Response:
        patient = self._patient(patient_id)
        patient_record_view(actor=self.scope.actor, patient=patient)
        return Response(PatientSerializer(patient).data)

    @extend_schema(
        operation_id="patients_partial_update",
        tags=["patients"],
        request=PatientInputSerializer,
        responses=PatientSerializer,
        description=(
            "Change any subset of the fields. Sending injury_severity, pain_level or red_flags "
            "records a new assessment (the others carried over from the latest one). An archived "
            "patient cannot be changed (409)."
        ),
    )
    def patch(self, request: Request, patient_id: int) -> Response:
        patient = self._patient(patient_id)
        data = PatientInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        patient_change(actor=self.scope.actor, patient=patient, **data.validated_data)
        return Response(PatientSerializer(self._patient(patient_id)).data)

    @extend_schema(
        operation_id="patients_destroy",
        tags=["patients"],
        responses={204: None},
        description="Archive the patient: hidden from lists and reminders, every row kept.",
    )
    def delete(self, request: Request, patient_id: int) -> Response:
        patient_archive(actor=self.scope.actor, patient=self._patient(patient_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AssessmentListView(ClinicAPIView):
    """A patient's assessments (history is never overwritten)."""

    conflict_methods = ("POST",)
    conflict_serializer = ConflictSerializer

    @extend_schema(
        operation_id="patients_assessments_list",
        tags=["assessments"],
        responses=AssessmentSerializer(many=True),
        description="The patient's assessments, newest first.",
    )
    def get(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        patient_record_view(actor=self.scope.actor, patient=patient)
        page = self.paginate_queryset(assessment_history_for(patient=patient))
        return self.get_paginated_response(AssessmentSerializer(page, many=True).data)

    @extend_schema(
        operation_id="patients_assessments_create",
        tags=["assessments"],
        request=AssessmentInputSerializer,
        responses={201: AssessmentSerializer},
        description="Reassess the patient; the new assessment becomes their current grading.",
    )
    def post(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        data = AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        assessment = assessment_record(
            actor=self.scope.actor, patient=patient, **data.validated_data
        )
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)
