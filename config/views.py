"""The start page: it routes each signed-in user to their part of the app. It lives above every
app, since it knows them all."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from clinic.models import User
from clinic.selectors import clinician_for
from patients.selectors import portal_patient_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send a signed-in user to their part of the app: the dashboard, the portal or the admin."""
    user = request.user
    if isinstance(user, User) and clinician_for(user=user) is not None:
        return redirect("followup:dashboard")
    if isinstance(user, User) and portal_patient_for(user=user) is not None:
        return redirect("portal:today")
    if request.user.is_staff:
        return redirect("admin:index")
    raise PermissionDenied(_("Your account has no clinic. Ask your clinic admin for access."))
