from django.contrib import admin
from django.urls import include, path

from config.health import healthz
from config.views import home

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("patients/", include("patients.urls")),
    path("", include("programs.library.urls")),
    path("", include("programs.prescribing.urls")),
    path("", include("programs.education.urls")),
    path("", include("programs.followup.urls")),
    path("", include("programs.reminders.urls")),
    path("portal/", include("patients.invitation_urls")),
    path("portal/", include("programs.portal.urls")),
    path("clinic/", include("clinic.urls")),
    path("api/v1/", include("config.api_urls")),
    path("admin/", admin.site.urls),
]

# JSON for API clients, whatever the failure; a database outage is a 503, not a 500.
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
