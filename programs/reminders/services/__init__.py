"""Writes of the reminders app; import them from here."""

from programs.reminders.services.calendar import (
    calendar_feed_create,
    calendar_feed_revoke,
    calendar_feed_token_hash,
)
from programs.reminders.services.digests import (
    digest_send,
    digests_dispatch,
    digests_resubscribe,
    digests_unsubscribe,
)
from programs.reminders.services.reminders import (
    inactivity_check,
    reminder_preferences_update,
    reminders_claim,
    reminders_dispatch,
    reminders_unsubscribe,
)
from programs.reminders.services.sending import (
    reminder_batch_send,
    reminder_mark_failed,
    reminder_mark_sent,
    reminders_take,
)

__all__ = [
    "calendar_feed_create",
    "calendar_feed_revoke",
    "calendar_feed_token_hash",
    "digest_send",
    "digests_dispatch",
    "digests_resubscribe",
    "digests_unsubscribe",
    "inactivity_check",
    "reminder_batch_send",
    "reminder_mark_failed",
    "reminder_mark_sent",
    "reminder_preferences_update",
    "reminders_claim",
    "reminders_dispatch",
    "reminders_take",
    "reminders_unsubscribe",
]
