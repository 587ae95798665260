"""Writes of the outcomes app; import them from here."""

from programs.outcomes.services.discharge import DischargeConflict, discharge_record
from programs.outcomes.services.scores import (
    PsfsEntry,
    clinic_outcome_interval_set,
    outcome_record,
    outcome_record_assessment_pain,
    program_outcome_interval_set,
)

__all__ = [
    "DischargeConflict",
    "PsfsEntry",
    "clinic_outcome_interval_set",
    "discharge_record",
    "outcome_record",
    "outcome_record_assessment_pain",
    "program_outcome_interval_set",
]
