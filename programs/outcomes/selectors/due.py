"""The clinic's patients whose outcome scores are due or overdue: a fixed number of queries,
each with a fixed number of parameters, whatever the number of patients.

At 100,000 patients the clinic has ~50,000 programs: this reads their columns as plain rows
(model instances took most of the 3.9 s the page took, bench/scale.py), works out the schedule
once per distinct set of inputs (most programs share theirs), and loads the patients of the
`limit` shown only.
"""

import datetime
import heapq
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

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
        return _rank(self.rows)


@dataclass(frozen=True)
class _Program:
    """The columns of a program that the schedule reads (a ScheduledProgram)."""

    status: str
    end_date: datetime.date | None


def _rank(rows: list[InstrumentDue]) -> int:
    return min(STATE_ORDER.index(row.due.state) for row in rows)


def clinic_due_for(*, clinic: Clinic, limit: int = 100) -> list[PatientDue]:
    """Patients of the clinic with an outcome due, overdue first (at most `limit`)."""
    active = {"patient__clinic": clinic, "patient__status": Patient.Status.ACTIVE}
    rows = (
        Program.objects.filter(**active)
        .exclude(status=Program.Status.DRAFT)
        .order_by("patient_id", "-created_at", "-id")
        .values_list(
            "pk",
            "patient_id",
            "status",
            "end_date",
            "outcome_schedule__interval_weeks",
            "patient__timezone",
            "patient__last_name",
            "patient__first_name",
        )
    )
    # Joined rather than `program_id IN (...)`: one parameter per program would pass
    # PostgreSQL's limit of 65,535 in a clinic group.
    discharged = set(
        Discharge.objects.filter(
            clinic=clinic, program__patient__status=Patient.Status.ACTIVE
        ).values_list("program_id", flat=True)
    )
    clinic_settings = ClinicOutcomeSettings.objects.filter(clinic=clinic).first()
    default = clinic_settings.interval_weeks if clinic_settings else DEFAULT_INTERVAL_WEEKS
    last: dict[int, dict[str, datetime.datetime]] = {}
    for patient_id, instrument, taken_at in (
        OutcomeScore.objects.filter(**active)
        .values("patient_id", "instrument")
        .annotate(last=Max("taken_at"))
        .values_list("patient_id", "instrument", "last")
    ):
        last.setdefault(patient_id, {})[instrument] = taken_at
    now = timezone.now()
    zones: dict[str, tuple[zoneinfo.ZoneInfo, datetime.date]] = {}
    schedules: dict[tuple[Any, ...], list[InstrumentDue]] = {}

    def due_of(row: tuple[Any, ...]) -> list[InstrumentDue]:
        pk, patient_id, status, end_date, own, zone_name = row[:6]
        if zone_name not in zones:
            zone = zoneinfo.ZoneInfo(zone_name)
            zones[zone_name] = (zone, now.astimezone(zone).date())
        zone, today = zones[zone_name]
        taken = tuple(
            sorted(
                (code, moment.astimezone(zone).date())
                for code, moment in last.get(patient_id, {}).items()
            )
        )
        # Programs with the same inputs have the same schedule: worked out once.
        key = (status, end_date, own or default, taken, pk in discharged, today)
        if key not in schedules:
            schedules[key] = [
                item
                for item in outcome_due_from(
                    program=_Program(status=status, end_date=end_date),
                    interval=int(own) if own is not None else default,
                    last_taken=dict(taken),
                    discharged=pk in discharged,
                    today=today,
                )
                if item.due.needs_score
            ]
        return schedules[key]

    def found() -> Iterator[tuple[Any, ...]]:
        # Streamed a patient at a time (the rows come by patient): holding every program's
        # row took 26 MB of a web worker at 100,000 patients (bench/scale.py).
        for patient_id, programs in groupby(rows.iterator(chunk_size=2000), key=itemgetter(1)):
            # The active program, else the latest that ran (as on the patient page).
            group = list(programs)
            chosen = group[0]
            for row in group[1:]:
                if row[2] == Program.Status.ACTIVE and chosen[2] != Program.Status.ACTIVE:
                    chosen = row
            due = due_of(chosen)
            if due:
                yield (_rank(due), chosen[6], chosen[7], patient_id, due)

    # The `limit` most pressing, keeping no more than those at any time.
    shown = heapq.nsmallest(limit, found(), key=itemgetter(0, 1, 2, 3))
    patients = Patient.objects.in_bulk([item[3] for item in shown])
    return [PatientDue(patient=patients[item[3]], rows=item[4]) for item in shown]
