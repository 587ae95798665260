"""The portal's check-in: when pain or the PSFS is due, the patient answers here (their PSFS
activities pre-filled), and sees their own progress."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clinic.forms import add_service_errors
from patients.permissions import PortalRequest, patient_required
from patients.services import patient_record_view
from programs.outcomes.forms import PainCheckForm, PsfsForm
from programs.outcomes.instruments import Instrument
from programs.outcomes.models import OutcomeScore
from programs.outcomes.selectors import psfs_activities_for
from programs.outcomes.selectors.portal import portal_checkin_due_for, portal_progress_for
from programs.outcomes.services import outcome_record


@patient_required
@require_http_methods(["GET", "POST"])
def checkin(request: PortalRequest) -> HttpResponse:
    patient = request.portal_patient
    if request.method == "GET":
        patient_record_view(actor=request.actor, patient=patient)
    due = portal_checkin_due_for(patient=patient)
    data = request.POST if request.method == "POST" else None
    pain_form = PainCheckForm(data, prefix="pain") if Instrument.NPRS in due else None
    psfs_form = (
        PsfsForm(
            data,
            prefix="psfs",
            activities=psfs_activities_for(patient=patient),
            radios=True,
            dated=False,
        )
        if Instrument.PSFS in due
        else None
    )
    forms = [form for form in (pain_form, psfs_form) if form is not None]
    if not forms:
        if request.method == "POST":
            messages.info(request, _("Your check-in is done; nothing is due now."))
        return render(request, "outcomes/portal_checkin.html", _context(patient, None, None))
    if request.method == "POST" and all([form.is_valid() for form in forms]):
        try:
            with transaction.atomic():
                if pain_form is not None:
                    outcome_record(
                        actor=request.actor,
                        patient=patient,
                        instrument=Instrument.NPRS,
                        score=pain_form.cleaned_data["pain"],
                        source=OutcomeScore.Source.PATIENT,
                    )
                if psfs_form is not None:
                    outcome_record(
                        actor=request.actor,
                        patient=patient,
                        instrument=Instrument.PSFS,
                        psfs=psfs_form.entries(),
                        source=OutcomeScore.Source.PATIENT,
                    )
        except ValidationError as exc:
            add_service_errors(exc, *forms)
        else:
            messages.success(request, _("Thank you. Your answers were sent to your clinician."))
            return redirect("portal:today")
    return render(
        request,
        "outcomes/portal_checkin.html",
        _context(patient, pain_form, psfs_form),
        status=400 if request.method == "POST" else 200,
    )


def _context(patient, pain_form, psfs_form) -> dict:
    return {
        "patient": patient,
        "pain_form": pain_form,
        "psfs_form": psfs_form,
        "progress": portal_progress_for(patient=patient),
    }
