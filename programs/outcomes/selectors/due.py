"""The clinic's patients whose outcome scores are due or overdue: a fixed number of queries
whatever the number of patients."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from clinic.models import Clinic
from patients.models import Patient
from programs.outcomes.models import ClinicOutcomeSettings, Discharge, OutcomeScore
from programs.outcomes.schedule import DEFAULT_INTERVAL_WEEKS, DueState
from programs.outcomes.selectors.scores import InstrumentDue, outcome_due_from
from programs.prescribing.models import Program

# Most pressing first.
STATE_ORDER = (DueState.OVERDUE, DueState.DISCHARGE, DueState.DUE, DueState.BASELINE)


@dataclass(frozen=True)
class PatientDue:
    patient: Patient
    rows: list[InstrumentDue]

    @property
    def rank(self) -> int:
        return min(STATE_ORDER.index(row.due.state) for row in self.rows)


def clinic_due_for(*, clinic: Clinic, limit: int = 100) -> list[PatientDue]:
    """Patients of the clinic with an outcome due, overdue first (at most `limit`)."""
    programs = (
        Program.objects.filter(patient__clinic=clinic, patient__status=Patient.Status.ACTIVE)
        .exclude(status=Program.Status.DRAFT)
        .select_related("patient", "outcome_schedule")
        .order_by("patient_id", "-created_at", "-id")
    )
    current: dict[int, Program] = {}
    for program in programs:
        chosen = current.get(program.patient_id)
        # The active program, else the latest that ran (as on the patient page).
        if chosen is None or (
            program.status == Program.Status.ACTIVE and chosen.status != Program.Status.ACTIVE
        ):
            current[program.patient_id] = program
    if not current:
        return []
    discharged = set(
        Discharge.objects.filter(
            clinic=clinic, program_id__in=[p.pk for p in current.values()]
        ).values_list("program_id", flat=True)
    )
    clinic_settings = ClinicOutcomeSettings.objects.filter(clinic=clinic).first()
    default = clinic_settings.interval_weeks if clinic_settings else DEFAULT_INTERVAL_WEEKS
    last: dict[int, dict[str, datetime.datetime]] = {}
    for patient_id, instrument, taken_at in (
        OutcomeScore.objects.filter(patient__clinic=clinic, patient__status=Patient.Status.ACTIVE)
        .values("patient_id", "instrument")
        .annotate(last=Max("taken_at"))
        .values_list("patient_id", "instrument", "last")
    ):
        last.setdefault(patient_id, {})[instrument] = taken_at
    now = timezone.now()
    found = []
    for patient_id, program in current.items():
        patient = program.patient
        zone = zoneinfo.ZoneInfo(patient.timezone)
        own = getattr(program, "outcome_schedule", None)
        rows = outcome_due_from(
            program=program,
            interval=int(own.interval_weeks) if own is not None else default,
            last_taken={
                code: taken.astimezone(zone).date()
                for code, taken in last.get(patient_id, {}).items()
            },
            discharged=program.pk in discharged,
            today=now.astimezone(zone).date(),
        )
        due = [row for row in rows if row.due.needs_score]
        if due:
            found.append(PatientDue(patient=patient, rows=due))
    found.sort(key=lambda d: (d.rank, d.patient.last_name, d.patient.first_name, d.patient.pk))
    return found[:limit]
