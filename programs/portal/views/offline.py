"""What makes the portal installable and usable offline: the web app manifest, the service
worker, and the endpoints a device sends queued sessions and morning checks to."""

import json

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from patients.permissions import PortalRequest, patient_required
from programs.followup.services import session_morning_record
from programs.portal.forms import MorningForm, SessionLogForm
from programs.portal.selectors import program_items_for_log
from programs.portal.views.sessions import page_after, session_record_from
from programs.prescribing.services import ProgramConflict

# Bump when the worker's caching rules change: the old caches are dropped on activation.
SERVICE_WORKER_VERSION = "portal-v1"


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest, so the portal installs to a phone's home screen."""
    portal = reverse("portal:today")
    body = {
        "name": _("Backstrong – your back exercises"),
        "short_name": "Backstrong",
        "description": _("Your exercise program, timer and session log, also offline."),
        "id": portal,
        "start_url": portal,
        "scope": portal,
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": "#166534",
        "lang": get_language(),
        "icons": [
            {"src": static("portal/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("portal/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("portal/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), content_type="application/manifest+json"
    )


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the portal's root so that its scope covers the portal.

    `no-cache` makes the browser check for a new worker on every visit instead of keeping an
    old one for up to a day.
    """
    response = render(
        request,
        "portal/sw.js",
        {
            "version": SERVICE_WORKER_VERSION,
            "scope": reverse("portal:today"),
            "offline_urls": [reverse("portal:today"), reverse("portal:log")],
        },
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = reverse("portal:today")
    return response


def _errors(errors: dict[str, list[str]], status: int = 400) -> JsonResponse:
    return JsonResponse({"saved": False, "errors": errors}, status=status)


@patient_required
@require_POST
def log_sync(request: PortalRequest) -> HttpResponse:
    """A session the device kept while offline (or a resend of it); JSON in the answer.

    The form names the program it was shown for: the session is kept against that program even
    if it has changed since. The client's token makes a second send return the first session.
    """
    patient = request.portal_patient
    try:
        program_id = int(request.POST.get("program", ""))
    except ValueError:
        return _errors({"program": [_("This session names no program. Nothing was saved.")]})
    items = program_items_for_log(patient=patient, program_id=program_id)
    form = SessionLogForm(request.POST, items=items)
    if not form.is_valid():
        return _errors(
            {field: [str(m) for m in messages] for field, messages in form.errors.items()}
        )
    try:
        session, created = session_record_from(
            form, actor=request.actor, patient=patient, program_id=program_id
        )
    except ProgramConflict as exc:  # a ValidationError too: caught first
        return _errors({"": exc.messages}, status=409)
    except ValidationError as exc:
        return _errors(exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages})
    follow = page_after(session) or reverse("portal:history")
    return JsonResponse(
        {"saved": True, "created": created, "session": session.pk, "next": follow},
        status=201 if created else 200,
    )


@patient_required
@require_POST
def morning_sync(request: PortalRequest, session_id: int) -> HttpResponse:
    """A next-morning answer the device kept while offline; the same answer again is harmless."""
    patient = request.portal_patient
    session = get_object_or_404(patient.sessions.select_related("patient"), pk=session_id)
    form = MorningForm(request.POST)
    if not form.is_valid():
        return _errors(
            {field: [str(m) for m in messages] for field, messages in form.errors.items()}
        )
    try:
        session_morning_record(
            actor=request.actor,
            session=session,
            pain_next_morning=form.cleaned_data["pain_next_morning"],
            repeat_ok=True,
        )
    except ProgramConflict as exc:  # a ValidationError too: caught first
        return _errors({"": exc.messages}, status=409)
    except ValidationError as exc:
        return _errors({"pain_next_morning": exc.messages})
    return JsonResponse({"saved": True, "session": session.pk})
