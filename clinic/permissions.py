"""Access rules for clinician pages, and the request those pages receive."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from clinic.models import Clinician, User
from clinic.selectors import clinician_for
from clinic.services import Actor


class ClinicianRequest(HttpRequest):
    """A request that `clinician_required` let through: its clinician and audit identity."""

    user: User
    clinician: Clinician
    actor: Actor


def clinician_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send anonymous users to the login page and refuse users who are not clinicians.

    The view gets `request.clinician` and `request.actor` (the audit identity).
    """

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        clinician = clinician_for(user=user) if isinstance(user, User) else None
        if clinician is None:
            raise PermissionDenied("These pages are for clinicians.")
        request.clinician = clinician  # type: ignore[attr-defined]
        request.actor = Actor.from_request(request, clinic=clinician.clinic)  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


def clinic_admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like clinician_required, for clinic admins only; others get a 404, as for a missing page."""

    @clinician_required
    @wraps(view)
    def wrapper(request: ClinicianRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.clinician.is_clinic_admin:
            raise Http404("Only clinic admins can open this page.")
        return view(request, *args, **kwargs)

    return wrapper
