"""Every clinician's account page: name and email, password, two-factor and API tokens."""

import io

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clinic.forms import (
    ServicePasswordChangeForm,
    TwoFactorCodeForm,
    TwoFactorSetupForm,
    add_service_errors,
)
from clinic.permissions import (
    ClinicianRequest,
    clinician_required,
    clinician_setting_up_two_factor,
    is_verified,
)
from clinic.selectors import api_token_get_for, api_tokens_for, backup_codes_left
from clinic.services import api_token_revoke
from clinic.services.two_factor import (
    two_factor_backup_codes_renew,
    two_factor_disable,
    two_factor_enrolment_confirm,
    two_factor_enrolment_start,
    two_factor_pending_device,
)

SETUP_DEVICE = "two_factor_setup_device"


@never_cache
@clinician_required
@require_GET
def account_view(request: ClinicianRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "clinic/account.html",
        {
            "two_factor_on": request.clinician.two_factor_on,  # type: ignore[attr-defined]
            "backup_codes_left": backup_codes_left(user=user),
            "tokens": api_tokens_for(user=user),
            "disable_form": TwoFactorCodeForm(),
        },
    )


@never_cache
@clinician_setting_up_two_factor
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: ClinicianRequest) -> HttpResponse:
    """Show the secret (QR code and text) and turn two-factor on once a code from it is right."""
    user = request.user
    if request.clinician.two_factor_on:  # type: ignore[attr-defined]
        messages.info(request, _("Two-factor sign-in is already on."))
        return redirect("clinic:account")
    device = two_factor_pending_device(user=user, device_id=request.session.get(SETUP_DEVICE))
    if device is None:
        device = two_factor_enrolment_start(user=user)
        request.session[SETUP_DEVICE] = device.pk
    form = TwoFactorSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor_enrolment_confirm(
                actor=request.actor, user=user, device=device, code=form.cleaned_data["code"]
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            request.session.pop(SETUP_DEVICE, None)
            device.refresh_from_db()
            django_otp.login(request, device)  # this session has just proved the code
            # Rendered, not redirected: the codes are shown once and never stored in the session.
            return render(request, "clinic/two_factor_backup_codes.html", {"codes": codes})
    return render(
        request,
        "clinic/two_factor_setup.html",
        {
            "form": form,
            "secret": _grouped_secret(device.config_url),
            "required": request.clinician.clinic.require_two_factor,
        },
    )


@never_cache
@clinician_setting_up_two_factor
@require_GET
def two_factor_qr(request: ClinicianRequest) -> HttpResponse:
    """The QR code of the secret being set up, as SVG (drawn here: no outside service)."""
    device = two_factor_pending_device(
        user=request.user, device_id=request.session.get(SETUP_DEVICE)
    )
    if device is None:
        return HttpResponse(status=404)
    svg = io.BytesIO()
    segno.make(device.config_url, error="m").save(svg, kind="svg", scale=5, border=2)
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")


@clinician_required
@require_POST
def two_factor_backup_codes(request: ClinicianRequest) -> HttpResponse:
    try:
        codes = two_factor_backup_codes_renew(actor=request.actor, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("clinic:account")
    return render(request, "clinic/two_factor_backup_codes.html", {"codes": codes})


@clinician_required
@require_POST
def two_factor_turn_off(request: ClinicianRequest) -> HttpResponse:
    form = TwoFactorCodeForm(request.POST)
    if form.is_valid():
        try:
            code = form.cleaned_data["code"]
            two_factor_disable(actor=request.actor, user=request.user, code=code)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Two-factor sign-in is off."))
    else:
        messages.error(request, _("Enter a code to turn two-factor sign-in off."))
    return redirect("clinic:account")


@clinician_required
@require_POST
def api_token_revoke_view(request: ClinicianRequest, token_id: int) -> HttpResponse:
    """Revoke one of one's own API tokens (another user's token is a 404)."""
    token = api_token_get_for(user=request.user, token_id=token_id)
    api_token_revoke(token=token)
    messages.success(request, _("The API token was revoked."))
    return redirect("clinic:account")


@method_decorator(never_cache, name="dispatch")
@method_decorator(clinician_required, name="dispatch")  # type: ignore[arg-type]
class AccountPasswordChangeView(PasswordChangeView):
    """Password change in the app's style; API tokens are revoked and other sessions end."""

    form_class = ServicePasswordChangeForm
    template_name = "clinic/password_change.html"
    success_url = reverse_lazy("clinic:account")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        verified = is_verified(self.request)
        device = getattr(self.request.user, "otp_device", None)
        form.save()
        # Keeps this session (Django's rule) and its two-factor proof; the others end.
        update_session_auth_hash(self.request, form.user)
        if verified and device is not None:
            django_otp.login(self.request, device)
        messages.success(
            self.request, _("Your password was changed; your API tokens were revoked.")
        )
        return redirect(self.get_success_url())


def _grouped_secret(config_url: str) -> str:
    """The base32 secret from the otpauth URL, in groups of four for typing by hand."""
    from urllib.parse import parse_qs, urlsplit

    secret = parse_qs(urlsplit(config_url).query)["secret"][0]
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
