"""The REST API, version 1 (SPEC 5): every app's api/urls.py, the schema and the docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from clinic.api.views import DocsView, NotFoundView

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include("clinic.api.urls")),
    path("", include("patients.api.urls")),
    path("", include("programs.library.api.urls")),
    path("", include("programs.prescribing.api.urls")),
    path("", include("programs.followup.api.urls")),
    path("", include("programs.outcomes.api.urls")),
    path("", include("programs.api.urls")),
    # Last: any other path under /api/v1/ answers a JSON 404, not the site's HTML page.
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="not_found"),
]
