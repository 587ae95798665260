from django.contrib import admin
from django.urls import include, path

from clinic.views import home
from config.health import healthz
from programs.views import unsubscribe

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("unsubscribe/<str:token>/", unsubscribe, name="unsubscribe"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("patients/", include("patients.urls")),
    path("", include("programs.urls")),
    path("portal/", include("programs.portal.urls")),
    path("clinic/", include("clinic.urls")),
    path("api/v1/", include("config.api_urls")),
    path("admin/", admin.site.urls),
]
