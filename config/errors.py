"""How the whole site answers when something fails: never an HTML page to an API client, and a
503 with Retry-After (not a 500) while the database is unreachable or restarting.

The database errors are caught twice on purpose: in views by the middleware (a clean 503, logged
as a warning), and in Django's 500 handler for those raised by other middleware (the session
saved after the view), which Django routes there.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

# OperationalError covers a refused or dropped connection, a server starting up or shutting
# down, and transient conflicts (deadlock, serialization failure): all worth a retry.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def unavailable(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: JSON for the API, a plain page (no database needed) for people."""
    if is_api(request):
        response: HttpResponse = JsonResponse(
            {"detail": "The service is briefly unavailable; try again shortly."}, status=503
        )
    else:
        # Rendered without the request: context processors would reach for the session.
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a database outage met in a view into a 503 instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.warning(
            "Database unavailable for %s %s: %s", request.method, request.path, exception
        )
        return unavailable(request)


def _json(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return _json(400, "Bad request.")
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return _json(403, "You do not have permission to perform this action.")
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return _json(404, "Not found.")
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's last resort: a database outage is a 503, anything else a 500 (JSON for the API)."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return unavailable(request)
    if is_api(request):
        return _json(500, "Server error; it was logged for our team. Please try again later.")
    return defaults.server_error(request)
