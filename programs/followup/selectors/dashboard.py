"""The clinicians' dashboard: patients needing attention, most urgent first.

The reasons are worked out here, set-based, for a whole clinic or a few patients
(`attention_reasons_compute`); services keep them in AttentionReason rows as events happen,
and the dashboard reads one page of those rows from an index (`dashboard_page_for`), so its
cost does not grow with the clinic.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import Count, F, Max, Prefetch, QuerySet

from clinic.models import Clinic
from clinic.paging import CappedPaginator
from patients.models import Patient
from programs.followup.models import (
    Alert,
    AttentionReason,
    PatientAttention,
    PatientAttentionCode,
    SessionLog,
    Suggestion,
)
from programs.prescribing.models import Program

LOW_ADHERENCE = 0.5  # below half of the prescribed sessions in the last 7 days
DASHBOARD_PAGE_SIZE = 25

Code = AttentionReason.Code
# Lower is more urgent: emergency referrals, emergency symptoms, urgent referrals, red
# sessions, pain spikes, regress suggestions, inactivity, low adherence, progress suggestions.
RANKS: dict[str, int] = {
    Code.EMERGENCY_REFERRAL: -1,
    Code.EMERGENCY_SYMPTOM: 0,
    Code.URGENT_REFERRAL: 1,
    Code.RED_SESSION: 2,
    Code.PAIN_SPIKE: 4,
    Code.REGRESS: 5,
    Code.INACTIVITY: 6,
    Code.LOW_ADHERENCE: 10,
    Code.PROGRESS: 12,
}


def _reason(
    patient_id: int, clinic: Clinic, code: str, detail: str, **extra: Any
) -> AttentionReason:
    return AttentionReason(
        clinic=clinic,
        patient_id=patient_id,
        code=code,
        rank=RANKS[code],
        label=str(Code(code).label),
        detail=detail[:1000],
        **extra,
    )


def attention_reasons_compute(
    *, clinic: Clinic, today: datetime.date, patient_ids: list[int] | None = None
) -> list[AttentionReason]:
    """Every reason to look at the clinic's active patients (or only at `patient_ids`), as
    unsaved rows: a handful of set-based queries whatever the number of patients."""
    only = {} if patient_ids is None else {"patient_id__in": patient_ids}
    reasons = _referral_reasons(clinic, only)
    suggestions = list(
        Suggestion.objects.filter(
            patient__clinic=clinic, status=Suggestion.Status.PENDING, patient__status="active"
        ).filter(**only)
    )
    # A red session or pain spike raises an alert and a suggestion: one event, shown once.
    suggested_for = {s.session_id: s for s in suggestions if s.session_id is not None}
    alerts = Alert.objects.filter(
        clinic=clinic, resolved_at__isnull=True, patient__status="active"
    ).filter(**only)
    shown_sessions = set()
    for alert in alerts:
        detail = alert.message
        if alert.session_id in suggested_for:
            shown_sessions.add(alert.session_id)
            detail += f" {suggested_for[alert.session_id].get_kind_display()} suggested."
        reasons.append(
            _reason(alert.patient_id, clinic, alert.kind, detail, happened_at=alert.created_at)
        )
    for suggestion in suggestions:
        if suggestion.session_id not in shown_sessions:
            reasons.append(
                _reason(
                    suggestion.patient_id,
                    clinic,
                    suggestion.kind,
                    suggestion.reason,
                    happened_at=suggestion.created_at,
                )
            )
    return reasons + _adherence_reasons(clinic, today, only)


def _referral_reasons(clinic: Clinic, only: dict[str, Any]) -> list[AttentionReason]:
    """Every patient whose latest assessment carries a red flag: emergencies rank first."""
    patients = (
        Patient.objects.filter(
            clinic=clinic, status="active", latest_assessment__referral_required=True
        )
        .filter(**{k.removeprefix("patient_"): v for k, v in only.items()})
        .select_related("latest_assessment")
    )
    reasons = []
    for patient in patients:
        assessment = patient.latest_assessment
        if assessment is None:  # excluded by the query; kept for the type checker
            continue
        referral = assessment.referral
        code = Code.EMERGENCY_REFERRAL if referral.emergency else Code.URGENT_REFERRAL
        detail = f"{referral.advice} Red flags: {', '.join(referral.named)}."
        reasons.append(
            _reason(patient.pk, clinic, code, detail, happened_at=assessment.assessed_at)
        )
    return reasons


def _adherence_reasons(
    clinic: Clinic, today: datetime.date, only: dict[str, Any]
) -> list[AttentionReason]:
    """Active programs, running at least a week, with fewer than half of the prescribed
    sessions in the last 7 days; the sittings a week come from the busiest exercise.

    Two grouped queries joined in Python: correlated subqueries per program made PostgreSQL
    loop over every program of a large clinic.
    """
    window_start = today - datetime.timedelta(days=6)
    programs = Program.objects.filter(
        patient__clinic=clinic,
        patient__status="active",
        status=Program.Status.ACTIVE,
        start_date__lte=window_start,
    ).filter(**only)
    prescribed = (
        programs.order_by()
        .annotate(n=Max(F("items__sessions_per_day") * F("items__days_per_week")))
        .filter(n__gt=0)
        .values_list("pk", "patient_id", "n")
    )
    recent = dict(
        SessionLog.objects.filter(program__in=programs.values("pk"), local_date__gte=window_start)
        .order_by()
        .values("program")
        .annotate(n=Count("pk"))
        .values_list("program", "n")
    )
    reasons = []
    for program_id, patient_id, sessions in prescribed:
        done = recent.get(program_id, 0)
        if done < sessions * LOW_ADHERENCE:
            reasons.append(
                _reason(
                    patient_id,
                    clinic,
                    Code.LOW_ADHERENCE,
                    f"{done} of {sessions} sessions in the last 7 days",
                    program_id=program_id,
                )
            )
    return reasons


class DashboardPaginator(CappedPaginator):
    """The dashboard counts its patients up to 1,000 ("1000+"): forty pages of the most urgent
    are more than a clinic reads, and counting every waiting patient of a large clinic cost
    more than the rest of the page (bench/scale.py)."""

    cap = 1000


@dataclass(frozen=True)
class DashboardPage:
    """One page of patients needing attention, each with their reasons, and how many patients
    have each reason (for the filter)."""

    page: Page[PatientAttention] | Page[PatientAttentionCode]
    counts: dict[str, int]
    code: str


def dashboard_page_for(
    *,
    clinic: Clinic,
    code: str = "",
    clinician_id: int | None = None,
    page: str | int | None = 1,
) -> DashboardPage:
    """A page of the clinic's patients needing attention, most urgent first (filtered to one
    reason when `code` is given, to one clinician's patients when `clinician_id` is), read from
    the kept rows: a fixed number of queries, and a page size that stays the same however many
    patients need attention.

    The kept rows hold only what is shown (services/attention.py), so the page and the counts
    read their indexes alone: joining every waiting patient's record and program to hide
    stale rows cost 50-75 ms at 100,000 patients (bench/scale.py).
    """
    mine = {} if clinician_id is None else {"clinician_id": clinician_id}
    entries: QuerySet[PatientAttention] | QuerySet[PatientAttentionCode]
    if code:
        entries = PatientAttentionCode.objects.filter(clinic=clinic, code=code, **mine)
    else:
        entries = PatientAttention.objects.filter(clinic=clinic, **mine)
    entries = (
        # models.ATTENTION_ORDER, the indexes' order, but by the patient's id: "patient" in an
        # order_by would sort by the Patient model's own ordering, through a join.
        entries.order_by("rank", "-latest_at", "patient_id")
        .select_related("patient")
        .prefetch_related(
            Prefetch(
                "patient__attention_reasons",
                queryset=AttentionReason.objects.order_by("rank", "-happened_at", "id"),
                to_attr="reasons",
            )
        )
    )
    counts = dict(
        PatientAttentionCode.objects.filter(clinic=clinic, **mine)
        .order_by()
        .values_list("code")
        .annotate(n=Count("*"))
    )
    return DashboardPage(
        page=DashboardPaginator(entries, DASHBOARD_PAGE_SIZE).get_page(page),
        counts={c: counts.get(c, 0) for c in Code.values},
        code=code,
    )
