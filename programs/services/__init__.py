"""Writes of the programs app; import them from here."""

from programs.services.prescribing import (
    ProgramConflict,
    ReferralRequired,
    exercise_create,
    patient_profile,
    program_activate,
    program_change,
    program_complete,
    program_generate,
    program_item_add,
    program_item_change_dosage,
    program_item_move,
    program_item_remove,
    program_pause,
    program_template_apply,
    program_template_save,
)
from programs.services.reminders import (
    reminder_preferences_update,
    reminders_dispatch,
    reminders_unsubscribe,
)
from programs.services.sessions import (
    ItemReport,
    alert_resolve,
    session_log_record,
    session_morning_record,
    suggestion_accept,
    suggestion_decline,
)

__all__ = [
    "ItemReport",
    "alert_resolve",
    "reminder_preferences_update",
    "reminders_dispatch",
    "reminders_unsubscribe",
    "session_log_record",
    "session_morning_record",
    "suggestion_accept",
    "suggestion_decline",
    "ProgramConflict",
    "ReferralRequired",
    "exercise_create",
    "patient_profile",
    "program_activate",
    "program_change",
    "program_complete",
    "program_generate",
    "program_item_add",
    "program_item_change_dosage",
    "program_item_move",
    "program_item_remove",
    "program_pause",
    "program_template_apply",
    "program_template_save",
]
