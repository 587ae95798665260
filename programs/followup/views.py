"""Clinician pages of follow-up: the dashboard, and deciding suggestions and alerts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clinic.permissions import ClinicianRequest, clinician_required
from clinic.services import audit_patients_shown
from programs.followup.forms import DashboardClinicianForm, SuggestionDecisionForm
from programs.followup.models import AttentionReason
from programs.followup.selectors import alert_get_for, dashboard_page_for, suggestion_get_for
from programs.followup.services import alert_resolve, suggestion_accept, suggestion_decline


@clinician_required
def dashboard(request: ClinicianRequest) -> HttpResponse:
    clinic = request.clinician.clinic
    code = request.GET.get("reason", "")
    unknown = bool(code) and code not in AttentionReason.Code.values
    whose = DashboardClinicianForm(request.GET, clinic=clinic, me=request.user)
    clinician = whose.cleaned_data["clinician"] if whose.is_valid() else None
    dashboard = dashboard_page_for(
        clinic=clinic,
        code="" if unknown else code,
        clinician_id=clinician.pk if clinician else None,
        page=request.GET.get("page"),
    )
    query = request.GET.copy()
    query.pop("page", None)
    audit_patients_shown(
        actor=request.actor,
        patient_ids=[entry.patient_id for entry in dashboard.page.object_list],
        object_type="Patient",
        summary=f"Dashboard, page {dashboard.page.number}"
        + (f": {query.urlencode()}" if query else ""),
    )
    return render(
        request,
        "followup/dashboard.html",
        {
            "dashboard": dashboard,
            "page": dashboard.page,
            "reasons": [
                (value, label, dashboard.counts[value])
                for value, label in AttentionReason.Code.choices
            ],
            "unknown_reason": unknown,
            "whose": whose,
            # The reason links keep the chosen clinician.
            "clinician_query": f"clinician={clinician.pk}" if clinician else "",
            "query": query.urlencode(),
        },
    )


@clinician_required
@require_POST
def suggestion_decide(request: ClinicianRequest, suggestion_id: int) -> HttpResponse:
    suggestion = suggestion_get_for(clinic=request.clinician.clinic, suggestion_id=suggestion_id)
    form = SuggestionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or decline and give a reason; nothing changed."))
        return redirect("patients:detail", patient_id=suggestion.patient_id)
    decide = suggestion_accept if form.cleaned_data["decision"] == "accept" else suggestion_decline
    try:
        decide(actor=request.actor, suggestion=suggestion, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if form.cleaned_data["decision"] == "accept":
            done = _("Suggestion accepted and applied; the reason is kept in the history.")
        else:
            done = _("Suggestion declined; the reason is kept in the history.")
        messages.success(request, done)
    return redirect("patients:detail", patient_id=suggestion.patient_id)


@clinician_required
@require_POST
def alert_resolve_view(request: ClinicianRequest, alert_id: int) -> HttpResponse:
    alert = alert_get_for(clinic=request.clinician.clinic, alert_id=alert_id)
    alert_resolve(actor=request.actor, alert=alert)
    messages.success(request, _("Alert marked as handled."))
    if request.POST.get("next") == "dashboard":
        return redirect("followup:dashboard")
    return redirect("patients:detail", patient_id=alert.patient_id)
