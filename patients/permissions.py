"""Access rules for portal pages, and the request those pages receive."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from clinic.models import User
from clinic.services import Actor
from patients.middleware import patient_language_remember
from patients.models import Patient
from patients.selectors import portal_patient_for


class PortalRequest(HttpRequest):
    """A request that `patient_required` let through: the patient and the audit identity."""

    user: User
    portal_patient: Patient
    actor: Actor


def patient_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Portal pages: anonymous users sign in first; only patient users may enter.

    The view gets `request.portal_patient` and `request.actor`.
    """

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        patient = portal_patient_for(user=user) if isinstance(user, User) else None
        if patient is None:
            raise PermissionDenied(_("The portal is for patients invited by their clinic."))
        # The patient row is loaded here anyway: its language costs no query, and a change
        # the clinician made shows on the patient's next page.
        patient_language_remember(request, patient)
        request.portal_patient = patient  # type: ignore[attr-defined]
        request.actor = Actor.from_request(request, clinic=patient.clinic)  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper
