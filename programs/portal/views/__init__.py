"""The patient portal's views; import them from here."""

from programs.portal.views.calendar import calendar_feed, calendar_feed_make, calendar_feed_stop
from programs.portal.views.offline import log_sync, manifest, morning_sync, service_worker
from programs.portal.views.pages import (
    emergency,
    exercise_media_file,
    history,
    learn,
    learn_page,
    log_session,
    morning_check,
    reminders,
    session_advice,
    today,
)

__all__ = [
    "calendar_feed",
    "calendar_feed_make",
    "calendar_feed_stop",
    "emergency",
    "exercise_media_file",
    "history",
    "learn",
    "learn_page",
    "log_session",
    "log_sync",
    "manifest",
    "morning_check",
    "morning_sync",
    "reminders",
    "service_worker",
    "session_advice",
    "today",
]
