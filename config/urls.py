from django.contrib import admin
from django.contrib.auth.views import PasswordResetConfirmView
from django.urls import include, path

from clinic.forms import ServiceSetPasswordForm
from clinic.views.account import AccountPasswordChangeView
from clinic.views.signin import LimitedPasswordResetView, SignInView, two_factor_verify_view
from clinic.views.staff import staff_invitation_accept_view
from config.health import healthz
from config.views import home

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    # Sign-in with the two-factor step, and a password reset that revokes API tokens; the rest
    # of Django's account pages as they are.
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/two-factor/", two_factor_verify_view, name="two_factor_verify"),
    path("accounts/password_reset/", LimitedPasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/invitation/<str:token>/",
        staff_invitation_accept_view,
        name="staff_invitation_accept",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(form_class=ServiceSetPasswordForm),
        name="password_reset_confirm",
    ),
    # Django's own password change page would show the admin's: the account page has it.
    path("accounts/password_change/", AccountPasswordChangeView.as_view()),
    path("accounts/", include("django.contrib.auth.urls")),
    path("patients/", include("patients.urls")),
    path("", include("programs.library.urls")),
    path("", include("programs.prescribing.urls")),
    path("", include("programs.education.urls")),
    path("", include("programs.followup.urls")),
    path("", include("programs.reminders.urls")),
    path("", include("programs.outcomes.urls")),
    path("portal/", include("patients.invitation_urls")),
    path("portal/", include("programs.portal.urls")),
    path("portal/", include("programs.outcomes.portal_urls")),
    path("clinic/", include("clinic.urls")),
    path("api/v1/", include("config.api_urls")),
    path("admin/", admin.site.urls),
]

# JSON for API clients, whatever the failure; a database outage is a 503, not a 500.
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
