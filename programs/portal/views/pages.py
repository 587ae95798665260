"""The patient portal: today's exercises, session log, next-morning check, history and
reminder preferences."""

import datetime
import zoneinfo

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import add_service_errors
from patients.permissions import PortalRequest, patient_required
from patients.services import patient_record_view
from programs.education.selectors import (
    education_page_get_for,
    education_pages_for,
    pinned_pages_for,
)
from programs.followup.charts import adherence_chart, pain_chart
from programs.followup.progression import RED
from programs.followup.selectors import (
    pain_points_for,
    pending_morning_check_for,
    session_history_for,
    weekly_adherence_for,
)
from programs.followup.services import session_morning_record
from programs.library.standard.cautions import SHARED_CAUTIONS
from programs.library.views import media_file_response
from programs.outcomes.selectors.portal import portal_checkin_due_for
from programs.portal.forms import MorningForm, ReminderForm, SessionLogForm
from programs.portal.selectors import (
    TodayRow,
    exercise_media_get_for_patient,
    program_items_for_log,
    today_plan_for,
)
from programs.portal.views.calendar import NEW_FEED_URL_KEY
from programs.portal.views.sessions import page_after, session_record_from
from programs.prescribing.models import Program
from programs.prescribing.selectors import current_program_for, pause_for
from programs.reminders.models import ReminderPreference
from programs.reminders.selectors import calendar_feed_exists_for
from programs.reminders.services import reminder_preferences_update


def _posted_program_id(request: PortalRequest) -> int | None:
    try:
        return int(request.POST.get("program", ""))
    except ValueError:
        return None


def _today(patient) -> datetime.date:
    return timezone.now().astimezone(zoneinfo.ZoneInfo(patient.timezone)).date()


@patient_required
def today(request: PortalRequest) -> HttpResponse:
    patient = request.portal_patient
    program = current_program_for(patient=patient)
    day = _today(patient)
    morning = pending_morning_check_for(patient=patient, today=day)
    plan = today_plan_for(program=program, today=day) if program else []
    patient_record_view(actor=request.actor, patient=patient, summary="Portal: today")
    return render(
        request,
        "portal/today.html",
        {
            "patient": patient,
            "program": program,
            "pause": pause_for(program=program) if program else None,
            "plan": plan,
            "due": [row for row in plan if row.due_today],
            "morning": morning,
            "morning_form": MorningForm() if morning else None,
            "checkin_due": portal_checkin_due_for(patient=patient),
            "pinned": [pin.page for pin in pinned_pages_for(program=program)],
            "shared_cautions": _shared_cautions(plan),
        },
    )


def _shared_cautions(plan: list[TodayRow]) -> list[str]:
    """The safety cautions common to the exercises, shown once rather than under each."""
    used = {caution for row in plan for caution in row.item.exercise.caution_list}
    return [caution for caution in SHARED_CAUTIONS if caution in used]


@patient_required
@require_http_methods(["GET", "POST"])
def log_session(request: PortalRequest) -> HttpResponse:
    patient = request.portal_patient
    program = current_program_for(patient=patient)
    if program is None or program.status != Program.Status.ACTIVE:
        messages.info(
            request, gettext("There is no active program to log. Contact your clinician.")
        )
        return redirect("portal:today")
    # A form shown before the program changed still reports the exercises it showed.
    made_for = _posted_program_id(request) or program.pk
    items = program_items_for_log(patient=patient, program_id=made_for)
    due_ids = {
        row.item.pk
        for row in today_plan_for(program=program, today=_today(patient))
        if row.due_today
    }
    form = SessionLogForm(
        request.POST or None, items=items, due_ids=due_ids, initial={"program": program.pk}
    )
    if request.method == "GET":
        patient_record_view(actor=request.actor, patient=patient, summary="Portal: log form")
    if request.method == "POST" and form.is_valid():
        try:
            session, _ = session_record_from(
                form, actor=request.actor, patient=patient, program_id=made_for
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            follow = page_after(session)
            if follow:
                return redirect(follow)
            messages.success(
                request,
                gettext("Session saved. Pain %(before)s → %(after)s.")
                % {"before": session.pain_before, "after": session.pain_after},
            )
            return redirect("portal:history")
    return render(request, "portal/log.html", {"form": form, "program": program})


@patient_required
def session_advice(request: PortalRequest, session_id: int) -> HttpResponse:
    """What to do after a session that hurt too much (pain after 6 or more)."""
    patient = request.portal_patient
    session = get_object_or_404(patient.sessions, pk=session_id)
    patient_record_view(actor=request.actor, patient=patient, summary="Portal: session advice")
    return render(
        request,
        "portal/session_advice.html",
        {"patient": patient, "session": session, "red": session.traffic_light == RED},
    )


@patient_required
def emergency(request: PortalRequest) -> HttpResponse:
    return render(request, "portal/emergency.html", {"patient": request.portal_patient})


@patient_required
@require_POST
def morning_check(request: PortalRequest, session_id: int) -> HttpResponse:
    patient = request.portal_patient
    session = get_object_or_404(patient.sessions.select_related("patient"), pk=session_id)
    form = MorningForm(request.POST)
    if form.is_valid():
        try:
            session_morning_record(
                actor=request.actor,
                session=session,
                pain_next_morning=form.cleaned_data["pain_next_morning"],
                repeat_ok=True,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, gettext("Thank you. Your clinician can see how you are this morning.")
            )
    else:
        messages.error(request, gettext("Choose a number from 0 to 10."))
    return redirect("portal:today")


@patient_required
def history(request: PortalRequest) -> HttpResponse:
    patient = request.portal_patient
    day = _today(patient)
    patient_record_view(actor=request.actor, patient=patient, summary="Portal: history")
    return render(
        request,
        "portal/history.html",
        {
            "sessions": session_history_for(patient=patient)[:30],
            "pain_chart": pain_chart(pain_points_for(patient=patient)),
            "adherence_chart": adherence_chart(weekly_adherence_for(patient=patient, today=day)),
        },
    )


@patient_required
@require_http_methods(["GET", "POST"])
def reminders(request: PortalRequest) -> HttpResponse:
    patient = request.portal_patient
    preference = ReminderPreference.objects.filter(patient=patient).first() or ReminderPreference(
        patient=patient
    )
    times = preference.times + [None] * 3
    initial = {
        "enabled": preference.enabled,
        "time_1": times[0],
        "time_2": times[1],
        "time_3": times[2],
        "weekdays": preference.weekdays,
        "timezone": patient.timezone,
    }
    form = ReminderForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reminder_preferences_update(
                actor=request.actor,
                patient=patient,
                enabled=data["enabled"],
                times=form.times(),
                weekdays=data["weekdays"],
                timezone_name=data["timezone"],
            )
        except ValidationError as exc:
            errors = exc.message_dict
            if "times" in errors:
                form.add_error("time_1", errors.pop("times"))
            if errors:
                add_service_errors(ValidationError(errors), form)
        else:
            messages.success(request, gettext("Your reminder settings are saved."))
            return redirect("portal:reminders")
    return render(
        request,
        "portal/reminders.html",
        {
            "form": form,
            "calendar_feed_on": calendar_feed_exists_for(patient=patient),
            "new_calendar_url": request.session.pop(NEW_FEED_URL_KEY, None),
        },
    )


@patient_required
def exercise_media_file(request: PortalRequest, media_id: int) -> HttpResponse:
    media = exercise_media_get_for_patient(patient=request.portal_patient, media_id=media_id)
    return media_file_response(media)


@patient_required
def learn(request: PortalRequest) -> HttpResponse:
    patient = request.portal_patient
    pinned = [pin.page for pin in pinned_pages_for(program=current_program_for(patient=patient))]
    pages = education_pages_for(clinic=patient.clinic)
    return render(request, "portal/learn.html", {"pinned": pinned, "pages": pages})


@patient_required
def learn_page(request: PortalRequest, slug: str) -> HttpResponse:
    page = education_page_get_for(clinic=request.portal_patient.clinic, slug=slug)
    return render(request, "portal/learn_page.html", {"page": page})
