"""The outcomes panel of the patient page (patients.panels): what is due, each instrument's
course with its chart and verdict, and the discharge of a completed program."""

import zoneinfo
from typing import Any

from clinic.permissions import ClinicianRequest
from patients.models import Patient
from programs.outcomes.charts import OutcomePoint, outcome_chart
from programs.outcomes.instruments import SPECS, Instrument
from programs.outcomes.selectors import (
    current_program_for_outcomes,
    interval_weeks_for,
    last_taken_by_instrument,
    outcome_due_from,
    outcome_scores_for,
    patient_today,
    summaries_from,
)
from programs.prescribing.models import Program


def outcomes_panel_context(request: ClinicianRequest, patient: Patient) -> dict[str, Any]:
    today = patient_today(patient)
    zone = zoneinfo.ZoneInfo(patient.timezone)
    scores = list(outcome_scores_for(patient=patient))
    summaries = summaries_from(scores)
    program = current_program_for_outcomes(patient=patient)
    interval = interval_weeks_for(clinic=patient.clinic, program=program)
    discharges = list(patient.discharges.all())
    discharged = {d.program_id for d in discharges}
    due = outcome_due_from(
        program=program,
        interval=interval,
        last_taken=last_taken_by_instrument(patient, ((s.instrument, s.taken_at) for s in scores)),
        discharged=program is not None and program.pk in discharged,
        today=today,
    )
    return {
        "outcome_rows": [
            {
                "summary": summary,
                "chart": outcome_chart(
                    summary.spec.code,
                    [
                        OutcomePoint(s.taken_at.astimezone(zone).date(), s.score)
                        for s in summary.scores
                    ],
                ),
            }
            for summary in summaries
        ],
        "outcome_due": [row for row in due if row.due.needs_score],
        "outcome_interval": interval,
        "outcome_program": program,
        "outcome_discharge_offer": (
            program
            if program is not None
            and program.status == Program.Status.COMPLETED
            and program.pk not in discharged
            else None
        ),
        "outcome_discharges": discharges,
        "outcome_instruments": [SPECS[code] for code in Instrument.values],
        # The activities as the latest PSFS rated them: no query of their own.
        "psfs_activities": [
            rating.activity
            for rating in next(
                (s.psfs_ratings.all() for s in reversed(scores) if s.instrument == "psfs"), []
            )
        ],
    }
