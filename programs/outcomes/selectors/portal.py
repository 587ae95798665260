"""Reads for the patient's own portal: which of the patient-reported outcomes are due, and
their own progress on them."""

import zoneinfo
from dataclasses import dataclass

from patients.models import Patient
from programs.outcomes.charts import OutcomeChart, OutcomePoint, outcome_chart
from programs.outcomes.instruments import Instrument, InstrumentSpec
from programs.outcomes.selectors.scores import (
    outcome_due_for,
    outcome_scores_for,
    summaries_from,
)
from programs.prescribing.models import Program

PORTAL_INSTRUMENTS = (Instrument.NPRS, Instrument.PSFS)


def portal_checkin_due_for(*, patient: Patient) -> list[str]:
    """The patient-reported instruments due now, while a program is active (a paused program
    waits for the clinician, and a completed one for its discharge at the clinic)."""
    if not patient.programs.filter(status=Program.Status.ACTIVE).exists():
        return []
    due, _ = outcome_due_for(patient=patient)
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
