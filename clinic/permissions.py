"""Access rules for clinician pages."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from clinic.selectors import clinician_for
from clinic.services import Actor


def clinician_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send anonymous users to the login page and refuse users who are not clinicians.

    The view gets `request.clinician` and `request.actor` (the audit identity).
    """

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        clinician = clinician_for(user=request.user)
        if clinician is None:
            raise PermissionDenied("These pages are for clinicians.")
        request.clinician = clinician
        request.actor = Actor.from_request(request, clinic=clinician.clinic)
        return view(request, *args, **kwargs)

    return wrapper


def clinic_admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like clinician_required, for clinic admins only; others get a 404, as for a missing page."""

    @clinician_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.clinician.is_clinic_admin:
            raise Http404("Only clinic admins can open this page.")
        return view(request, *args, **kwargs)

    return wrapper
