"""bench/api.py's URLs: the whole app, plus the bare Django JSON view it compares with."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from config.urls import urlpatterns as app_urlpatterns


def bare_json(request: HttpRequest) -> JsonResponse:
    """The cheapest JSON answer Django gives through the same middleware: the ceiling."""
    return JsonResponse({"status": "ok"})


urlpatterns = [path("bench/bare/", bare_json), *app_urlpatterns]
