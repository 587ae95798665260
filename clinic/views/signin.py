"""Sign-in in two steps: the password, then (for two-factor accounts) a code (SPEC 6).

The password step does not sign in a user who has two-factor: it remembers them in the session
for a few minutes and asks for the code. Wrong codes count toward the same lockout as wrong
passwords (django-axes), and django-otp makes each wrong code double the wait before the next.
"""

import time
from typing import Any

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView, PasswordResetView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from clinic.forms import TwoFactorCodeForm
from clinic.models import User
from clinic.selectors import clinician_for, clinician_needs_code
from clinic.services.two_factor import WRONG_CODE, code_wait_seconds, two_factor_verify
from clinic.signin import (
    client_address,
    normalise_username,
    password_resets_per_account,
    password_resets_per_address,
    signin_failures_per_address,
)

PENDING = "two_factor_pending"


def _address_locked_out(request: HttpRequest) -> HttpResponse:
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, {"address": True}, status=429)


class SignInView(LoginView):
    """Step one: email and password. Two-factor accounts go on to the code step."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if signin_failures_per_address().reached(client_address(request)):
            return _address_locked_out(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        signin_failures_per_address().count(client_address(self.request))
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        clinician = clinician_for(user=user)
        if clinician is not None and getattr(clinician, "two_factor_on", False):
            self.request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "at": time.time(),
                "next": self.get_success_url(),
            }
            return redirect("two_factor_verify")
        response = super().form_valid(form)
        if clinician is not None and clinician_needs_code(clinician):
            # The clinic requires two-factor and this clinician has none: set it up now.
            return redirect("clinic:two_factor_setup")
        return response


def _pending_user(request: HttpRequest) -> tuple[User | None, dict]:
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict):
        return None, {}
    if time.time() - float(pending.get("at", 0)) > settings.TWO_FACTOR_PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None, {}
    user_id = pending.get("user")
    if not isinstance(user_id, int):
        return None, {}
    user = User.objects.filter(pk=user_id, is_active=True).first()
    return user, pending


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def two_factor_verify_view(request: HttpRequest) -> HttpResponse:
    """Step two: the code from the authenticator app, or a backup code."""
    user, pending = _pending_user(request)
    if user is None:
        return redirect("login")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        credentials = {"username": user.email}
        address_blocked = signin_failures_per_address().reached(client_address(request))
        if address_blocked or AxesProxyHandler.is_locked(request, credentials):
            request.session.pop(PENDING, None)
            return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        wait = code_wait_seconds(user=user, code=form.cleaned_data["code"])
        if wait:
            form.add_error(
                "code",
                ngettext(
                    "Too many wrong codes: wait %(wait)d second and try again.",
                    "Too many wrong codes: wait %(wait)d seconds and try again.",
                    wait,
                )
                % {"wait": wait},
            )
        else:
            device = two_factor_verify(user=user, code=form.cleaned_data["code"])
            if device is None:
                # Counted by django-axes like a wrong password; its middleware answers the
                # lockout page once the limit is reached.
                user_login_failed.send(sender=User, credentials=credentials, request=request)
                signin_failures_per_address().count(client_address(request))
                form.add_error("code", WRONG_CODE)
            else:
                request.session.pop(PENDING, None)
                login(request, user, backend=pending["backend"])
                django_otp.login(request, device)
                return redirect(_safe_next(request, pending.get("next")))
    return render(request, "registration/two_factor_verify.html", {"form": form})


def _safe_next(request: HttpRequest, url: object) -> str:
    if isinstance(url, str) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return settings.LOGIN_REDIRECT_URL


class LimitedPasswordResetView(PasswordResetView):
    """Django's password reset, limited per client address (a 429 page) and per account (no
    more emails this hour, with the same answer as usual, so that nobody learns who has one)."""

    def form_valid(self, form: Any) -> HttpResponse:
        address = client_address(self.request)
        limit = password_resets_per_address()
        if limit.reached(address):
            return render(self.request, "registration/password_reset_limited.html", status=429)
        limit.count(address)
        email = normalise_username(form.cleaned_data.get("email"))
        per_account = password_resets_per_account()
        if per_account.reached(email):
            return redirect(self.get_success_url())
        per_account.count(email)
        return super().form_valid(form)
