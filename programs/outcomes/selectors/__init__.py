"""Reads of outcome scores, their summaries, the schedule and the clinic's results; import
them from here."""

from programs.outcomes.selectors.clinic import (
    ClinicOutcomeGroup,
    ClinicOutcomes,
    clinic_outcomes_for,
)
from programs.outcomes.selectors.scores import (
    InstrumentDue,
    InstrumentSummary,
    ProgramAdherence,
    current_program_for_outcomes,
    discharge_get_for,
    interval_weeks_for,
    last_taken_by_instrument,
    outcome_due_for,
    outcome_due_from,
    outcome_scores_for,
    outcome_summaries_for,
    patient_today,
    program_adherence_for,
    psfs_activities_for,
    summaries_from,
)

__all__ = [
    "ClinicOutcomeGroup",
    "ClinicOutcomes",
    "InstrumentDue",
    "InstrumentSummary",
    "ProgramAdherence",
    "clinic_clinicians_for",
    "clinic_outcomes_for",
    "current_program_for_outcomes",
    "discharge_get_for",
    "interval_weeks_for",
    "last_taken_by_instrument",
    "outcome_due_for",
    "outcome_due_from",
    "outcome_scores_for",
    "outcome_summaries_for",
    "patient_today",
    "program_adherence_for",
    "psfs_activities_for",
    "summaries_from",
]
