"""Writes of the follow-up app; import them from here."""

from programs.followup.services.alerts import (
    alert_email_send,
    alert_raise,
    alert_resolve,
    inactivity_alerts_raise,
)
from programs.followup.services.attention import (
    attention_alerts_add,
    attention_follow_record,
    attention_rebuild,
    attention_refresh,
    attention_refresh_many,
    attention_refresh_on_assessment,
    attention_refresh_on_status_change,
)
from programs.followup.services.safety import (
    pending_suggestions_withdraw,
    program_pause_for_emergency,
    program_pause_for_red_flags,
)
from programs.followup.services.sessions import (
    ItemReport,
    session_log_record,
    session_morning_record,
)
from programs.followup.services.suggestions import suggest, suggestion_accept, suggestion_decline

__all__ = [
    "ItemReport",
    "alert_email_send",
    "alert_raise",
    "alert_resolve",
    "attention_alerts_add",
    "attention_follow_record",
    "attention_rebuild",
    "attention_refresh",
    "attention_refresh_many",
    "attention_refresh_on_assessment",
    "attention_refresh_on_status_change",
    "inactivity_alerts_raise",
    "pending_suggestions_withdraw",
    "program_pause_for_emergency",
    "program_pause_for_red_flags",
    "session_log_record",
    "session_morning_record",
    "suggest",
    "suggestion_accept",
    "suggestion_decline",
]
