"""The clinic's results: discharges per condition and tier, responders per instrument, median
change and median adherence. Two queries whatever the number of patients (the discharges,
then their outcomes), because each discharge keeps its figures as they stood."""

import datetime
import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext

from clinic.models import Clinic
from patients.clinical import TIER_LABELS, Condition
from programs.outcomes.instruments import SPECS, Verdict
from programs.outcomes.models import Discharge, DischargeOutcome


@dataclass
class InstrumentResult:
    code: str
    short: str
    judged: int = 0
    responders: int = 0
    worse: int = 0
    changes: list[Decimal] = field(default_factory=list)

    @property
    def responder_percent(self) -> int | None:
        return round(100 * self.responders / self.judged) if self.judged else None

    @property
    def unchanged(self) -> int:
        return self.judged - self.responders - self.worse

    @property
    def median_change(self) -> Decimal | None:
        return (
            Decimal(statistics.median(self.changes)).quantize(Decimal("0.1"))
            if self.changes
            else None
        )


@dataclass
class ClinicOutcomeGroup:
    condition: str
    tier: str
    patients: set[int] = field(default_factory=set)
    adherence: list[int] = field(default_factory=list)
    instruments: dict[str, InstrumentResult] = field(default_factory=dict)

    @property
    def label(self) -> str:
        if not self.condition:
            return gettext("All discharges")
        return f"{Condition(self.condition).label}, {TIER_LABELS.get(self.tier, self.tier)}"

    @property
    def discharged(self) -> int:
        return len(self.patients)

    @property
    def median_adherence(self) -> int | None:
        return round(statistics.median(self.adherence)) if self.adherence else None

    def results(self) -> list[InstrumentResult]:
        return [self.instruments[code] for code in SPECS if code in self.instruments]

    def add(self, discharge: Discharge) -> None:
        self.patients.add(discharge.patient_id)
        if discharge.adherence_percent is not None:
            self.adherence.append(discharge.adherence_percent)
        for outcome in discharge.outcomes.all():
            if not outcome.verdict:
                continue
            result = self.instruments.setdefault(
                outcome.instrument,
                InstrumentResult(
                    code=outcome.instrument, short=str(SPECS[outcome.instrument].short)
                ),
            )
            result.judged += 1
            result.responders += outcome.verdict == Verdict.IMPROVED
            result.worse += outcome.verdict == Verdict.WORSE
            result.changes.append(outcome.change)


@dataclass(frozen=True)
class ClinicOutcomes:
    total: ClinicOutcomeGroup
    groups: list[ClinicOutcomeGroup]
    discharges: list[Discharge]


def clinic_discharges_for(
    *,
    clinic: Clinic,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    clinician_user_id: int | None = None,
) -> QuerySet[Discharge]:
    """The clinic's discharges in a date range (inclusive), by one clinician if given."""
    rows = Discharge.objects.filter(clinic=clinic)
    if date_from:
        rows = rows.filter(discharged_at__date__gte=date_from)
    if date_to:
        rows = rows.filter(discharged_at__date__lte=date_to)
    if clinician_user_id:
        rows = rows.filter(discharged_by_id=clinician_user_id)
    return rows.select_related("patient", "discharged_by").prefetch_related(
        Prefetch("outcomes", queryset=DischargeOutcome.objects.order_by("id"))
    )


def clinic_outcomes_for(
    *,
    clinic: Clinic,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    clinician_user_id: int | None = None,
) -> ClinicOutcomes:
    """Results per condition and tier, and for the whole selection."""
    discharges = list(
        clinic_discharges_for(
            clinic=clinic,
            date_from=date_from,
            date_to=date_to,
            clinician_user_id=clinician_user_id,
        )
    )
    total = ClinicOutcomeGroup(condition="", tier="")
    groups: dict[tuple[str, str], ClinicOutcomeGroup] = {}
    for discharge in discharges:
        key = (discharge.condition, discharge.tier)
        if key not in groups:
            groups[key] = ClinicOutcomeGroup(condition=discharge.condition, tier=discharge.tier)
        groups[key].add(discharge)
        total.add(discharge)
    ordered = sorted(groups.values(), key=lambda g: (g.condition, g.tier))
    return ClinicOutcomes(total=total, groups=ordered, discharges=discharges)


def clinic_clinicians_for(*, clinic: Clinic) -> list[tuple[int, str]]:
    """(user id, name) of the clinic's clinicians, for the results' filter."""
    rows = clinic.clinicians.select_related("user").order_by("user__full_name", "user__email")
    return [(c.user_id, c.user.full_name or c.user.email) for c in rows]
