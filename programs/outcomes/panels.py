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
    outcome_due_for,
    outcome_scores_for,
    patient_today,
    psfs_activities_for,
    summaries_from,
)
from programs.prescribing.models import Program


def outcomes_panel_context(request: ClinicianRequest, patient: Patient) -> dict[str, Any]:
    today = patient_today(patient)
    zone = zoneinfo.ZoneInfo(patient.timezone)
    summaries = summaries_from(list(outcome_scores_for(patient=patient)))
    due, interval = outcome_due_for(patient=patient, today=today)
    program = current_program_for_outcomes(patient=patient)
    discharges = list(patient.discharges.select_related("program"))
    discharged = {d.program_id for d in discharges}
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
        "psfs_activities": psfs_activities_for(patient=patient),
    }
