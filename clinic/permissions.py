"""Access rules for clinician pages, and the request those pages receive."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from clinic.models import Clinician, User
from clinic.selectors import clinician_for, clinician_needs_code
from clinic.services import Actor


class ClinicianRequest(HttpRequest):
    """A request that `clinician_required` let through: its clinician and audit identity."""

    user: User
    clinician: Clinician
    actor: Actor


def is_verified(request: HttpRequest) -> bool:
    """Whether this session passed the two-factor code step (django-otp's middleware says)."""
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


def _clinician_view(
    view: Callable[..., HttpResponse], *, before_two_factor: bool
) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        clinician = clinician_for(user=user) if isinstance(user, User) else None
        if clinician is None:
            raise PermissionDenied(_("These pages are for clinicians."))
        if clinician_needs_code(clinician) and not is_verified(request):
            if getattr(clinician, "two_factor_on", False):
                # A session that skipped the code step: sign in again, with the code.
                logout(request)
                return redirect_to_login(request.get_full_path())
            if not before_two_factor:
                # The clinic requires two-factor and this clinician has none yet: set it up.
                return redirect("clinic:two_factor_setup")
        request.clinician = clinician  # type: ignore[attr-defined]
        request.actor = Actor.from_request(request, clinic=clinician.clinic)  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


def clinician_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send anonymous users to the login page and refuse users who are not clinicians; a
    clinician who must use two-factor and has not passed the code step is led to it.

    The view gets `request.clinician` and `request.actor` (the audit identity).
    """
    return _clinician_view(view, before_two_factor=False)


def clinician_setting_up_two_factor(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Like clinician_required, for the pages that set two-factor up (reached before it is on)."""
    return _clinician_view(view, before_two_factor=True)


def clinic_admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like clinician_required, for clinic admins only; others get a 404, as for a missing page."""

    @clinician_required
    @wraps(view)
    def wrapper(request: ClinicianRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.clinician.is_clinic_admin:
            raise Http404(_("Only clinic admins can open this page."))
        return view(request, *args, **kwargs)

    return wrapper
