"""Clinician pages for patient records, and the page where a patient accepts an invitation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import add_service_errors
from clinic.paging import CappedPaginator
from clinic.permissions import ClinicianRequest, clinic_admin_required, clinician_required
from clinic.services import audit_patients_shown
from patients.filters import PatientFilterSet, sorts_its_matches
from patients.forms import AssessmentForm, PasswordSetForm, PatientForm
from patients.models import Patient
from patients.panels import patient_panels_for
from patients.selectors import (
    assessment_history_for,
    audit_rows_for,
    patient_get_for,
    patients_of,
)
from patients.services import (
    assessment_record,
    patient_archive,
    patient_create,
    patient_record_view,
    patient_update,
    portal_invitation_accept,
    portal_invitation_for_token,
    portal_invitation_send,
)

PATIENTS_PER_PAGE = 25


@clinician_required
def patient_list(request: ClinicianRequest) -> HttpResponse:
    # Always bound, so that no filters lists the active patients; bad values are shown and
    # ignored.
    filters = PatientFilterSet(request.GET, queryset=patients_of(clinic=request.clinician.clinic))
    # A search's matches are sorted: its page is read ids first (clinic.paging).
    searched = sorts_its_matches(request.GET.get("q", ""))
    page = CappedPaginator(filters.qs, PATIENTS_PER_PAGE, ids_first=searched).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    audit_patients_shown(
        actor=request.actor,
        patient_ids=[patient.pk for patient in page.object_list],
        object_type="Patient",
        summary=f"Patient list, page {page.number}" + (f": {query.urlencode()}" if query else ""),
    )
    return render(
        request,
        "patients/patient_list.html",
        {"filter_form": filters.form, "page": page, "query": query.urlencode()},
    )


@clinician_required
@require_http_methods(["GET", "POST"])
def patient_create_view(request: ClinicianRequest) -> HttpResponse:
    clinic = request.clinician.clinic
    patient_form = PatientForm(
        request.POST or None,
        clinic=clinic,
        initial={"timezone": clinic.timezone, "clinician": request.user.pk},
    )
    assessment_form = AssessmentForm(request.POST or None)
    # Validate both forms so every bad field is reported at once.
    forms_valid = [patient_form.is_valid(), assessment_form.is_valid()]
    if request.method == "POST" and all(forms_valid):
        try:
            patient = patient_create(
                actor=request.actor,
                timezone_name=patient_form.cleaned_data.pop("timezone"),
                **patient_form.cleaned_data,
                **assessment_form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(exc, patient_form, assessment_form)
        else:
            messages.success(request, _("%(name)s was added.") % {"name": patient.full_name})
            return redirect("patients:detail", patient_id=patient.pk)
    return render(
        request,
        "patients/patient_form.html",
        {"patient_form": patient_form, "assessment_form": assessment_form, "patient": None},
    )


@clinician_required
@require_http_methods(["GET", "POST"])
def patient_edit(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    if patient.is_archived:
        messages.error(request, _("This patient is archived; archived records cannot be changed."))
        return redirect("patients:detail", patient_id=patient.pk)
    form = PatientForm(request.POST or None, instance=patient, clinic=patient.clinic)
    if request.method == "GET":
        patient_record_view(actor=request.actor, patient=patient, summary="Edit form")
    if request.method == "POST" and form.is_valid():
        try:
            patient_update(actor=request.actor, patient=patient, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, _("The record was saved."))
            return redirect("patients:detail", patient_id=patient.pk)
    return render(
        request,
        "patients/patient_form.html",
        {"patient_form": form, "assessment_form": None, "patient": patient},
    )


def _render_detail(
    request: ClinicianRequest, patient: Patient, assessment_form: AssessmentForm, status: int = 200
) -> HttpResponse:
    panel_context, panels = patient_panels_for(request, patient)
    return render(
        request,
        "patients/patient_detail.html",
        {
            **panel_context,
            "patient": patient,
            "assessment": patient.latest_assessment,
            "assessments": assessment_history_for(patient=patient),
            "assessment_form": assessment_form,
            "invitation": patient.invitations.first(),
            "panels": panels,
        },
        status=status,
    )


@clinician_required
def patient_detail(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    patient_record_view(actor=request.actor, patient=patient)
    latest = patient.latest_assessment
    initial = {"injury_severity": latest.injury_severity} if latest else {}
    return _render_detail(request, patient, AssessmentForm(initial=initial))


@clinician_required
@require_POST
def assessment_create(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    form = AssessmentForm(request.POST)
    if form.is_valid():
        try:
            assessment = assessment_record(
                actor=request.actor, patient=patient, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(
                request, _("Assessment recorded: %(reason)s.") % {"reason": assessment.tier_reason}
            )
            return redirect("patients:detail", patient_id=patient.pk)
    return _render_detail(request, patient, form, status=400)


@clinician_required
@require_http_methods(["GET", "POST"])
def patient_archive_view(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    if request.method == "POST":
        try:
            patient_archive(actor=request.actor, patient=patient)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("patients:detail", patient_id=patient.pk)
        messages.success(
            request,
            _("%(name)s was archived; their records are kept.") % {"name": patient.full_name},
        )
        return redirect("patients:list")
    patient_record_view(actor=request.actor, patient=patient, summary="Archive form")
    return render(request, "patients/patient_archive.html", {"patient": patient})


@clinician_required
@require_POST
def patient_invite(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    try:
        invitation = portal_invitation_send(actor=request.actor, patient=patient)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Invitation sent to %(email)s; the link works once, for 7 days.")
            % {"email": invitation.email},
        )
    return redirect("patients:detail", patient_id=patient.pk)


@clinic_admin_required
def patient_audit(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    # Recorded first, so the page it shows counts its own row.
    patient_record_view(actor=request.actor, patient=patient, summary="Audit trail")
    page = Paginator(audit_rows_for(patient=patient), 50).get_page(request.GET.get("page"))
    return render(request, "patients/patient_audit.html", {"patient": patient, "page": page})


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """A patient sets a password from their invitation link and signs in to the portal."""
    invitation, state = portal_invitation_for_token(token)
    form = PasswordSetForm(request.POST or None)
    if state == "open" and request.method == "POST" and form.is_valid():
        try:
            user = portal_invitation_accept(
                token=token, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as exc:
            form.add_error("new_password1", exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your password is set. Welcome to your exercise program."))
            # The start page routes the patient to the portal (a floor above this app).
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(
        request,
        "patients/invitation_accept.html",
        {"form": form, "state": state, "invitation": invitation},
        status=200 if state == "open" else 410 if state in ("used", "expired", "replaced") else 404,
    )
