"""The patient's private calendar feed of exercise times: served by secret, made and revoked
from the portal's reminders page."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from patients.permissions import PortalRequest, patient_required
from programs.prescribing.models import Program
from programs.prescribing.selectors import current_program_for
from programs.reminders.calendar import exercise_calendar
from programs.reminders.models import ReminderPreference
from programs.reminders.selectors import calendar_feed_for
from programs.reminders.services import calendar_feed_create, calendar_feed_revoke

# The new feed address, kept in the session until the reminders page has shown it once: only
# its hash is stored, so it cannot be shown again later.
NEW_FEED_URL_KEY = "portal_new_calendar_feed_url"


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed a phone calendar subscribes to. No sign-in (calendar apps cannot), so the
    secret in the URL is the key, and the feed holds times only.

    Events only while reminders are on and a program is active: a paused program must not
    keep prompting exercise.
    """
    feed = calendar_feed_for(token=token)
    if feed is None:
        raise Http404("No such calendar.")
    patient = feed.patient
    preference = ReminderPreference.objects.filter(patient=patient).first() or ReminderPreference(
        patient=patient
    )
    program = current_program_for(patient=patient)
    active = program is not None and program.status == Program.Status.ACTIVE
    show = active and preference.enabled
    # The calendar app signs in as nobody: the event names follow the patient's language.
    with translation.override(patient.language):
        body = exercise_calendar(
            feed_id=feed.pk,
            times=preference.times if show else [],
            weekdays=preference.weekdays if show else [],
            timezone_name=patient.timezone,
            first_day=timezone.localtime(feed.created_at).date(),
            stamp=timezone.now(),
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="exercise-times.ics"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response


@patient_required
@require_POST
def calendar_feed_make(request: PortalRequest) -> HttpResponse:
    """Make the patient's feed address, or replace it (the old one stops working)."""
    token = calendar_feed_create(actor=request.actor, patient=request.portal_patient)
    url = request.build_absolute_uri(reverse("portal:calendar_feed", args=[token]))
    request.session[NEW_FEED_URL_KEY] = url
    messages.success(request, _("Your calendar address is ready. Any older address is now off."))
    return redirect("portal:reminders")


@patient_required
@require_POST
def calendar_feed_stop(request: PortalRequest) -> HttpResponse:
    """Revoke the patient's feed: calendars subscribed to it get nothing more."""
    if calendar_feed_revoke(actor=request.actor, patient=request.portal_patient):
        messages.success(request, _("Your calendar address is switched off."))
    request.session.pop(NEW_FEED_URL_KEY, None)
    return redirect("portal:reminders")
