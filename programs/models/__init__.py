"""Models of the programs app, one module per concern; import them from here."""

from programs.models.library import CATEGORY_ORDER, Exercise
from programs.models.prescriptions import (
    DosageChange,
    PrescribedExercise,
    Program,
    ProgramItem,
    ProgramStatusChange,
    ProgramTemplate,
    TemplateItem,
)
from programs.models.reminders import ClinicianDigest, Reminder, ReminderPreference
from programs.models.sessions import Alert, SessionItemLog, SessionLog, Suggestion

__all__ = [
    "CATEGORY_ORDER",
    "Alert",
    "ClinicianDigest",
    "DosageChange",
    "PrescribedExercise",
    "Exercise",
    "Program",
    "ProgramItem",
    "ProgramStatusChange",
    "ProgramTemplate",
    "Reminder",
    "ReminderPreference",
    "SessionItemLog",
    "SessionLog",
    "Suggestion",
    "TemplateItem",
]
