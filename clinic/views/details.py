"""The clinic admin's page of what the clinic tells its patients."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clinic.forms import ClinicDetailsForm, add_service_errors
from clinic.permissions import ClinicianRequest, clinic_admin_required
from clinic.services import clinic_details_update


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
            messages.success(request, _("The clinic's details were saved."))
            return redirect("clinic:details")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "clinic/clinic_details.html", {"form": form, "clinic": clinic}, status=status
    )
