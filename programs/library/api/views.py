"""Exercise library API: parse input, call a selector, serialize the result."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from clinic.api.views import ClinicAPIView
from programs.library.api.serializers import ExerciseFilterSerializer, ExerciseSerializer
from programs.library.selectors import exercise_list_for


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
        exercises = exercise_list_for(clinic=self.scope.clinic, **filters.validated_data)
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
