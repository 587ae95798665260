"""Headers on every answer the app makes (static files are served before this, by WhiteNoise).

- `Permissions-Policy`: browser features the app never uses are refused.
- `Cache-Control: no-store`: pages and API answers may hold patients' data, which must not stay
  in a shared computer's browser cache or a proxy. A view that already says no-store keeps its
  header; one that asked for caching is overridden, since the header is about what the answer
  holds, not about speed.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class PrivacyHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if "no-store" not in response.get("Cache-Control", ""):
            if "max-age" in response.get("Cache-Control", ""):
                del response["Cache-Control"]
            patch_cache_control(response, no_store=True, private=True)
        return response
