"""The clinic admin's staff page, and the page where an invited clinician joins."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import (
    ClinicTwoFactorForm,
    StaffInvitationAcceptForm,
    StaffInviteForm,
    add_service_errors,
)
from clinic.permissions import ClinicianRequest, clinic_admin_required
from clinic.selectors import (
    staff_for,
    staff_invitation_get_for,
    staff_invitations_open_for,
    staff_member_get_for,
)
from clinic.services.staff import (
    staff_active_set,
    staff_admin_set,
    staff_invitation_accept,
    staff_invitation_cancel,
    staff_invitation_for_token,
    staff_invite,
)
from clinic.services.two_factor import clinic_two_factor_require, two_factor_reset


@never_cache
@clinic_admin_required
@require_http_methods(["GET", "POST"])
def staff_list(request: ClinicianRequest) -> HttpResponse:
    """The clinic's clinicians and open invitations, and the form that invites one."""
    clinic = request.clinician.clinic
    form = StaffInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = staff_invite(actor=request.actor, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("clinic:staff")
    return render(
        request,
        "clinic/staff_list.html",
        {
            "form": form,
            "staff": staff_for(clinic=clinic),
            "invitations": staff_invitations_open_for(clinic=clinic),
            "two_factor_form": ClinicTwoFactorForm(
                initial={"require_two_factor": clinic.require_two_factor}
            ),
        },
        status=400 if form.errors else 200,
    )


def _staff_change(request: ClinicianRequest, clinician_id: int, change: Callable, done: str):
    clinician = staff_member_get_for(clinic=request.clinician.clinic, clinician_id=clinician_id)
    try:
        change(actor=request.actor, clinician=clinician)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done % {"email": clinician.user.email})
    return redirect("clinic:staff")


@clinic_admin_required
@require_POST
def staff_admin_role(request: ClinicianRequest, clinician_id: int) -> HttpResponse:
    make_admin = request.POST.get("is_clinic_admin") == "true"

    def change(**kwargs):
        return staff_admin_set(is_clinic_admin=make_admin, **kwargs)

    done = (
        _("%(email)s is now a clinic admin.")
        if make_admin
        else _("%(email)s is no longer an admin.")
    )
    return _staff_change(request, clinician_id, change, done)


@clinic_admin_required
@require_POST
def staff_active(request: ClinicianRequest, clinician_id: int) -> HttpResponse:
    activate = request.POST.get("is_active") == "true"

    def change(**kwargs):
        return staff_active_set(is_active=activate, **kwargs)

    done = (
        _("%(email)s can sign in again.")
        if activate
        else _("%(email)s was deactivated; their sessions and API tokens ended.")
    )
    return _staff_change(request, clinician_id, change, done)


@clinic_admin_required
@require_POST
def staff_two_factor_reset(request: ClinicianRequest, clinician_id: int) -> HttpResponse:
    done = _("Two-factor sign-in of %(email)s was reset; they set it up again at the next sign-in.")
    return _staff_change(request, clinician_id, two_factor_reset, done)


@clinic_admin_required
@require_POST
def staff_two_factor_requirement(request: ClinicianRequest) -> HttpResponse:
    form = ClinicTwoFactorForm(request.POST)
    form.is_valid()  # a checkbox: absent means off
    required = bool(form.cleaned_data.get("require_two_factor"))
    clinic_two_factor_require(actor=request.actor, required=required)
    messages.success(
        request,
        _("Two-factor sign-in is now required.")
        if required
        else _("Two-factor sign-in is no longer required."),
    )
    return redirect("clinic:staff")


@clinic_admin_required
@require_POST
def staff_invitation_cancel_view(request: ClinicianRequest, invitation_id: int) -> HttpResponse:
    invitation = staff_invitation_get_for(
        clinic=request.clinician.clinic, invitation_id=invitation_id
    )
    staff_invitation_cancel(actor=request.actor, invitation=invitation)
    messages.success(
        request, _("The invitation of %(email)s was cancelled.") % {"email": invitation.email}
    )
    return redirect("clinic:staff")


@never_cache
@require_http_methods(["GET", "POST"])
def staff_invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """An invited clinician sets their name and password, and is signed in."""
    invitation, state = staff_invitation_for_token(token)
    if invitation is None or state != "open":
        return render(request, "clinic/staff_invitation_accept.html", {"state": state}, status=400)
    form = StaffInvitationAcceptForm(
        request.POST or None, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            clinician = staff_invitation_accept(
                token=token,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as exc:
            # Password rules (too short, too common) and a link used meanwhile.
            add_service_errors(exc, form)
        else:
            login(request, clinician.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to %(clinic)s on Backstrong.") % {"clinic": clinician.clinic.name},
            )
            return redirect("home")
    return render(
        request,
        "clinic/staff_invitation_accept.html",
        {"state": state, "invitation": invitation, "form": form},
    )
