"""Reads for the patient's own portal: which of the patient-reported outcomes are due, and
their own progress on them."""

import zoneinfo
from dataclasses import dataclass

from patients.models import Patient
from programs.outcomes.charts import OutcomeChart, OutcomePoint, outcome_chart
from programs.outcomes.instruments import Instrument, InstrumentSpec
from programs.outcomes.selectors.scores import (
    current_program_for_outcomes,
    interval_weeks_for,
    last_taken_by_instrument,
    outcome_due_from,
    outcome_scores_for,
    patient_today,
    summaries_from,
)
from programs.prescribing.models import Program

PORTAL_INSTRUMENTS = (Instrument.NPRS, Instrument.PSFS)


def portal_checkin_due_for(*, patient: Patient) -> list[str]:
    """The patient-reported instruments due now, while a program is active (a paused program
    waits for the clinician, and a completed one for its discharge at the clinic)."""
    program = current_program_for_outcomes(patient=patient)
    if program is None or program.status != Program.Status.ACTIVE:
        return []
    scores = patient.outcome_scores.filter(instrument__in=PORTAL_INSTRUMENTS)
    due = outcome_due_from(
        program=program,
        interval=interval_weeks_for(clinic=patient.clinic, program=program),
        last_taken=last_taken_by_instrument(patient, scores.values_list("instrument", "taken_at")),
        discharged=False,  # an active program has no discharge
        today=patient_today(patient),
    )
    return [
        row.spec.code for row in due if row.spec.code in PORTAL_INSTRUMENTS and row.due.needs_score
    ]


@dataclass(frozen=True)
class PortalProgress:
    spec: InstrumentSpec
    chart: OutcomeChart


def portal_progress_for(*, patient: Patient) -> list[PortalProgress]:
    """Charts of the patient's pain and PSFS scores, with baseline and threshold."""
    zone = zoneinfo.ZoneInfo(patient.timezone)
    scores = list(outcome_scores_for(patient=patient).filter(instrument__in=PORTAL_INSTRUMENTS))
    return [
        PortalProgress(
            spec=summary.spec,
            chart=outcome_chart(
                summary.spec.code,
                [OutcomePoint(s.taken_at.astimezone(zone).date(), s.score) for s in summary.scores],
            ),
        )
        for summary in summaries_from(scores)
    ]
