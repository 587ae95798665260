"""bench/api.py's URLs: the whole app, plus the bare Django JSON view and the idiomatic DRF
peer of the patients list that it compares with."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from bench.api_peer import PatientModelViewSet
from config.urls import urlpatterns as app_urlpatterns


def bare_json(request: HttpRequest) -> JsonResponse:
    """The cheapest JSON answer Django gives through the same middleware: the ceiling."""
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("bench/bare/", bare_json),
    path("bench/drf/patients/", PatientModelViewSet.as_view({"get": "list"})),
    *app_urlpatterns,
]
