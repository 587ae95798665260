"""Reads of the follow-up app; import them from here."""

from programs.followup.selectors.dashboard import (
    DashboardPage,
    attention_reasons_compute,
    dashboard_page_for,
)
from programs.followup.selectors.sessions import (
    DosagePreview,
    alert_get_for,
    open_alerts_for,
    pain_points_for,
    pending_morning_check_for,
    session_get_for,
    session_history_for,
    sessions_for,
    suggestion_get_for,
    suggestions_for,
    suggestions_with_preview_for,
    weekly_adherence_for,
)

__all__ = [
    "DashboardPage",
    "DosagePreview",
    "alert_get_for",
    "attention_reasons_compute",
    "dashboard_page_for",
    "open_alerts_for",
    "pain_points_for",
    "pending_morning_check_for",
    "session_get_for",
    "session_history_for",
    "sessions_for",
    "suggestion_get_for",
    "suggestions_for",
    "suggestions_with_preview_for",
    "weekly_adherence_for",
]
