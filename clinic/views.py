"""The clinic admin's pages: the clinic's details and its API keys."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import ApiKeyForm, ClinicDetailsForm, add_service_errors
from clinic.permissions import ClinicianRequest, clinic_admin_required
from clinic.selectors import api_key_get_for, api_keys_for
from clinic.services import api_key_create, api_key_revoke, clinic_details_update


@never_cache
@clinic_admin_required
@require_http_methods(["GET", "POST"])
def api_key_list(request: ClinicianRequest) -> HttpResponse:
    """The clinic's API keys, and the form that makes one; the secret is shown once, here."""
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            key, secret = api_key_create(actor=request.actor, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            # Rendered, not redirected: the secret is never stored, not even in the session.
            return render(request, "clinic/api_key_created.html", {"key": key, "secret": secret})
    keys = api_keys_for(clinic=request.clinician.clinic)
    return render(request, "clinic/api_key_list.html", {"form": form, "keys": keys})


@clinic_admin_required
@require_POST
def api_key_revoke_view(request: ClinicianRequest, key_id: int) -> HttpResponse:
    key = api_key_get_for(clinic=request.clinician.clinic, key_id=key_id)
    api_key_revoke(actor=request.actor, key=key)
    messages.success(request, f"The key “{key.name}” ({key.prefix}…) was revoked.")
    return redirect("clinic:api_keys")


@clinic_admin_required
@require_http_methods(["GET", "POST"])
def clinic_details(request: ClinicianRequest) -> HttpResponse:
    """What the clinic tells its patients: the phone printed on handouts."""
    clinic = request.clinician.clinic
    form = ClinicDetailsForm(request.POST or None, initial={"phone": clinic.phone})
    if request.method == "POST" and form.is_valid():
        try:
            clinic_details_update(actor=request.actor, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, "The clinic's details were saved.")
            return redirect("clinic:details")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "clinic/clinic_details.html", {"form": form, "clinic": clinic}, status=status
    )
