"""The 30-minute idle rule (SPEC 6) without writing the session row on every request.

Saving the session on each request (SESSION_SAVE_EVERY_REQUEST) costs an UPDATE per page and
API call. Instead a session is saved, which restarts its 30 minutes, only when its last save is
at least REFRESH_SECONDS old: a session then ends between 29 and 30 idle minutes, never later.
"""

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

REFRESH_SECONDS = 60
REFRESHED_KEY = "_refreshed_at"


class IdleSessionRefreshMiddleware:
    """Restart a signed-in session's idle clock at most once a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only sessions that exist: an anonymous visit must not create one.
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - int(session.get(REFRESHED_KEY, 0)) >= REFRESH_SECONDS:
                session[REFRESHED_KEY] = now  # marks it modified: SessionMiddleware saves it
        return response
