"""The FHIR export of a patient's record: it draws on every app of the clinical floor, so it
lives at the top of it."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from clinic.api.views import ClinicAPIView
from patients.selectors import patient_get_for
from patients.services import patient_record_export
from programs.api.fhir import BUNDLE_SCHEMA, patient_bundle
from programs.outcomes.selectors import outcome_scores_for, psfs_activities_for
from programs.prescribing.selectors import programs_with_items_for


class FhirJSONRenderer(JSONRenderer):
    media_type = "application/fhir+json"
    format = "fhir"


class PatientFhirView(ClinicAPIView):
    """A patient's record as FHIR R4."""

    renderer_classes = [FhirJSONRenderer, JSONRenderer]

    @extend_schema(
        operation_id="patients_fhir_retrieve",
        tags=["fhir"],
        responses={200: OpenApiResponse(response=BUNDLE_SCHEMA, description="FHIR R4 Bundle")},
        description=(
            "The patient's record as a FHIR R4 Bundle (type collection): Patient, Condition, a "
            "CarePlan per program with its exercises as activities, an Observation per pain "
            "score (LOINC 72514-3), an Observation per outcome score (LOINC where the score has "
            "a code) and the PSFS activities as Goals. Audited as an export."
        ),
    )
    def get(self, request: Request, patient_id: int) -> Response:
        patient = patient_get_for(clinic=self.scope.clinic, patient_id=patient_id)
        bundle = patient_bundle(
            patient=patient,
            assessments=list(patient.assessments.all()),
            programs=list(programs_with_items_for(patient=patient)),
            sessions=list(patient.sessions.all()),
            outcome_scores=list(outcome_scores_for(patient=patient)),
            psfs_activities=psfs_activities_for(patient=patient),
        )
        patient_record_export(
            actor=self.scope.actor,
            patient=patient,
            summary=f"FHIR bundle exported ({len(bundle['entry'])} resources)",
        )
        return Response(bundle)
