"""The idiomatic DRF peer of the patients list, for bench/api.py to serve beside the real one:
a ReadOnlyModelViewSet with a ModelSerializer of the same fields, the same authentication,
permission, throttling and pagination (the project's defaults), over the same patients."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers, viewsets

from clinic.api.scope import api_scope_for
from patients.filters import PatientFilterSet
from patients.models import Patient

FIELDS = [
    "id",
    "external_id",
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "timezone",
    "condition",
    "region",
    "injury_severity",
    "pain_level",
    "prone_tolerant",
    "red_flags",
    "tier",
    "referral_required",
    "status",
    "created_at",
    "updated_at",
]


class PatientModelSerializer(serializers.ModelSerializer):
    injury_severity = serializers.CharField(source="latest_assessment.injury_severity")
    pain_level = serializers.IntegerField(source="latest_assessment.pain_level")
    red_flags = serializers.ListField(source="latest_assessment.red_flags")
    tier = serializers.CharField(source="latest_assessment.tier")
    referral_required = serializers.BooleanField(source="latest_assessment.referral_required")

    class Meta:
        model = Patient
        fields = FIELDS


class PatientModelViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PatientModelSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = PatientFilterSet  # the same filters: active patients unless asked

    def get_queryset(self):
        return Patient.objects.filter(clinic=api_scope_for(self.request).clinic).select_related(
            "latest_assessment"
        )
