"""Pages speak the signed-in patient's language; everyone else gets Django's choice."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from patients.models import Patient

# The session remembers the patient's language, so a request needs no query to know it: the
# session is read for authentication anyway. Logging out flushes it.
SESSION_KEY = "patient_language"


def patient_language_remember(request: HttpRequest, patient: Patient) -> None:
    """Speak `patient`'s language from this request on (the portal pages call this)."""
    if request.session.get(SESSION_KEY) != patient.language:
        request.session[SESSION_KEY] = patient.language
    translation.activate(patient.language)
    request.LANGUAGE_CODE = translation.get_language()


class PatientLanguageMiddleware:
    """After LocaleMiddleware: a signed-in patient's language wins over the browser's.

    The language cookie follows it, so the sign-in page speaks it after the patient leaves.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.session.get(SESSION_KEY)
        if language and translation.check_for_language(language):
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # Read again: the portal's language page may have changed it during the request.
        language = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
