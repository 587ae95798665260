"""Access rules for portal pages."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from clinic.services import Actor
from patients.selectors import portal_patient_for


def patient_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Portal pages: anonymous users sign in first; only patient users may enter.

    The view gets `request.portal_patient` and `request.actor`.
    """

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        patient = portal_patient_for(user=request.user)
        if patient is None:
            raise PermissionDenied("The portal is for patients invited by their clinic.")
        request.portal_patient = patient
        request.actor = Actor.from_request(request, clinic=patient.clinic)
        return view(request, *args, **kwargs)

    return wrapper
