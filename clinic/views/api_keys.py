"""The clinic admin's API key pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from clinic.forms import ApiKeyForm, add_service_errors
from clinic.permissions import ClinicianRequest, clinic_admin_required
from clinic.selectors import api_key_get_for, api_keys_for
from clinic.services import api_key_create, api_key_revoke


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
@require_http_methods(["GET", "POST"])
def api_key_revoke_view(request: ClinicianRequest, key_id: int) -> HttpResponse:
    """GET asks to confirm (what stops working, and that it cannot be undone); POST revokes."""
    key = api_key_get_for(clinic=request.clinician.clinic, key_id=key_id)
    if request.method == "GET" or key.revoked_at is not None:
        if key.revoked_at is not None:
            messages.info(
                request, _("The key “%(name)s” was already revoked.") % {"name": key.name}
            )
            return redirect("clinic:api_keys")
        return render(request, "clinic/api_key_revoke.html", {"key": key})
    api_key_revoke(actor=request.actor, key=key)
    messages.success(
        request,
        _("The key “%(name)s” (%(prefix)s…) was revoked.")
        % {"name": key.name, "prefix": key.prefix},
    )
    return redirect("clinic:api_keys")
