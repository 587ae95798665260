"""Reads of one patient's outcomes: their scores, baseline against latest, what is due, and
a program's adherence over its whole course."""

import datetime
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clinic.models import Clinic
from patients.models import Patient
from programs.followup.progression import prescribed_sessions_per_week
from programs.outcomes.instruments import (
    MATCHED_CARE,
    SPECS,
    InstrumentSpec,
    RiskGroup,
    Verdict,
    responder_verdict,
    rule_text,
)
from programs.outcomes.models import (
    ClinicOutcomeSettings,
    Discharge,
    OutcomeScore,
    PsfsActivity,
    PsfsRating,
)
from programs.outcomes.schedule import DEFAULT_INTERVAL_WEEKS, Due, due_for
from programs.prescribing.models import Program


def patient_today(patient: Patient) -> datetime.date:
    """The patient's own calendar day."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(patient.timezone)).date()


def outcome_scores_for(*, patient: Patient) -> QuerySet[OutcomeScore]:
    """A patient's scores, oldest first, with their PSFS ratings and activities."""
    return patient.outcome_scores.prefetch_related(
        Prefetch("psfs_ratings", queryset=PsfsRating.objects.select_related("activity"))
    ).order_by("taken_at", "id")


def psfs_activities_for(*, patient: Patient) -> list[PsfsActivity]:
    return list(patient.psfs_activities.order_by("position"))


@dataclass(frozen=True)
class InstrumentSummary:
    """One instrument's course for a patient: baseline, latest and what the rule makes of it."""

    spec: InstrumentSpec
    scores: tuple[OutcomeScore, ...]
    verdict: Verdict | None
    rule: str

    @property
    def baseline(self) -> OutcomeScore:
        return self.scores[0]

    @property
    def latest(self) -> OutcomeScore:
        return self.scores[-1]

    @property
    def change(self) -> Decimal:
        return self.latest.score - self.baseline.score

    @property
    def risk_group(self) -> RiskGroup | None:
        return self.latest.risk_group

    @property
    def matched_care(self) -> str:
        """NICE NG59's note for the latest STarT Back group; empty for other instruments."""
        group = self.risk_group
        return str(MATCHED_CARE[group]) if group else ""


def summaries_from(scores: list[OutcomeScore]) -> list[InstrumentSummary]:
    """Group scores (oldest first) by instrument, in the instruments' order."""
    by_instrument: dict[str, list[OutcomeScore]] = defaultdict(list)
    for score in scores:
        by_instrument[score.instrument].append(score)
    summaries = []
    for code, spec in SPECS.items():
        rows = by_instrument.get(code)
        if not rows:
            continue
        verdict = responder_verdict(code, rows[0].score, rows[-1].score) if len(rows) > 1 else None
        summaries.append(
            InstrumentSummary(spec=spec, scores=tuple(rows), verdict=verdict, rule=rule_text(code))
        )
    return summaries


def outcome_summaries_for(*, patient: Patient) -> list[InstrumentSummary]:
    """Each instrument the patient has scores of, baseline (the first) against the latest."""
    return summaries_from(list(outcome_scores_for(patient=patient)))


def current_program_for_outcomes(*, patient: Patient) -> Program | None:
    """The program a new score belongs to: the active one, else the latest that ran."""
    programs = list(
        patient.programs.exclude(status=Program.Status.DRAFT)
        .select_related("outcome_schedule")
        .order_by("-created_at", "-id")
    )
    active = [p for p in programs if p.status == Program.Status.ACTIVE]
    return active[0] if active else next(iter(programs), None)


def interval_weeks_for(*, clinic: Clinic, program: Program | None) -> int:
    """The program's own repeat interval, else the clinic's, else the default (2 weeks)."""
    if program is not None:
        own = getattr(program, "outcome_schedule", None)
        if own is not None:
            return int(own.interval_weeks)
    settings_row = ClinicOutcomeSettings.objects.filter(clinic=clinic).first()
    return settings_row.interval_weeks if settings_row else DEFAULT_INTERVAL_WEEKS


@dataclass(frozen=True)
class InstrumentDue:
    spec: InstrumentSpec
    due: Due
    last_taken: datetime.date | None


def last_taken_by_instrument(
    patient: Patient, scores: Iterable[tuple[str, datetime.datetime]]
) -> dict[str, datetime.date]:
    """The patient's own day of each instrument's latest score, from (instrument, taken_at)."""
    zone = zoneinfo.ZoneInfo(patient.timezone)
    last: dict[str, datetime.date] = {}
    for code, taken_at in scores:
        day = taken_at.astimezone(zone).date()
        last[code] = max(day, last.get(code, day))
    return last


class ScheduledProgram(Protocol):
    """What the schedule reads of a program: a Program, or the columns of one."""

    @property
    def status(self) -> str: ...

    @property
    def end_date(self) -> datetime.date | None: ...


def outcome_due_from(
    *,
    program: ScheduledProgram | None,
    interval: int,
    last_taken: dict[str, datetime.date],
    discharged: bool,
    today: datetime.date,
) -> list[InstrumentDue]:
    """Each instrument's state on the schedule, from what the caller has loaded.

    Only while the patient has a program that runs, or one completed and not yet discharged:
    there is nothing to repeat before a program starts or after the discharge.
    """
    if program is None or program.status == Program.Status.DRAFT or discharged:
        return []
    completed_on = None
    if program.status == Program.Status.COMPLETED:
        completed_on = program.end_date or today
    return [
        InstrumentDue(
            spec=spec,
            due=due_for(
                last_taken=last_taken.get(code),
                today=today,
                interval_weeks=interval,
                repeated=spec.repeated,
                baseline_required=spec.collected_by == "patient",
                completed_on=completed_on,
            ),
            last_taken=last_taken.get(code),
        )
        for code, spec in SPECS.items()
    ]


def outcome_due_for(
    *, patient: Patient, today: datetime.date | None = None
) -> tuple[list[InstrumentDue], int]:
    """Each instrument's state on the schedule for the patient, and the repeat interval."""
    today = today or patient_today(patient)
    program = current_program_for_outcomes(patient=patient)
    interval = interval_weeks_for(clinic=patient.clinic, program=program)
    discharged = program is not None and Discharge.objects.filter(program=program).exists()
    last = last_taken_by_instrument(
        patient, patient.outcome_scores.values_list("instrument", "taken_at")
    )
    rows = outcome_due_from(
        program=program, interval=interval, last_taken=last, discharged=discharged, today=today
    )
    return rows, interval


@dataclass(frozen=True)
class ProgramAdherence:
    logged: int
    prescribed: int
    weeks: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.logged / self.prescribed) if self.prescribed else None


def program_adherence_for(*, program: Program, today: datetime.date) -> ProgramAdherence:
    """Sessions logged against the program, against sessions prescribed over its whole course
    (its start to its end, or today) at the sittings a week its items ask for now."""
    end = program.end_date or today
    days = max((end - program.start_date).days + 1, 1)
    per_week = prescribed_sessions_per_week([item.dosage for item in program.items.all()])
    prescribed = round(per_week * days / 7)
    logged = program.sessions.count()
    return ProgramAdherence(logged=logged, prescribed=prescribed, weeks=-(-days // 7))


def discharge_get_for(*, clinic: Clinic, discharge_id: int) -> Discharge:
    """A discharge of the clinic, with its outcomes and program; another clinic's is a 404."""
    return get_object_or_404(
        Discharge.objects.select_related("patient", "program", "discharged_by").prefetch_related(
            "outcomes"
        ),
        clinic=clinic,
        pk=discharge_id,
    )
