"""Writes of the prescribing app; import them from here."""

from programs.prescribing.services.base import ProgramConflict, ReferralRequired, patient_profile
from programs.prescribing.services.handout import handout_email_request, handout_email_send
from programs.prescribing.services.items import (
    program_item_add,
    program_item_change_dosage,
    program_item_move,
    program_item_remove,
)
from programs.prescribing.services.programs import (
    program_activate,
    program_change,
    program_complete,
    program_generate,
    program_pause,
    program_record_handout,
    program_record_view,
    program_schedule_change,
)
from programs.prescribing.services.status import (
    status_change_handler_register,
    status_change_record,
)
from programs.prescribing.services.templates import program_template_apply, program_template_save

__all__ = [
    "ProgramConflict",
    "ReferralRequired",
    "handout_email_request",
    "handout_email_send",
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
    "program_record_handout",
    "program_record_view",
    "program_schedule_change",
    "program_template_apply",
    "program_template_save",
    "status_change_handler_register",
    "status_change_record",
]
