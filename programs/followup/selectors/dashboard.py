"""The clinicians' dashboard: patients needing attention, most urgent first."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from clinic.models import Clinic
from patients.models import Patient
from programs.followup.models import Alert, Suggestion
from programs.followup.progression import prescribed_sessions_per_week
from programs.prescribing.models import Program

LOW_ADHERENCE = 0.5  # below half of the prescribed sessions in the last 7 days


@dataclass(frozen=True)
class AttentionRow:
    """One reason a patient needs a clinician's look, for the dashboard."""

    patient: Patient
    rank: int
    label: str
    detail: str
    when: datetime.datetime | datetime.date | None


def dashboard_for(*, clinic: Clinic, today: datetime.date) -> list["PatientAttention"]:
    """Patients needing attention, most urgent first: emergency referrals, emergency symptoms,
    urgent referrals, red sessions, pain spikes, regress suggestions, inactivity, low adherence,
    then progress suggestions."""
    rows: list[AttentionRow] = _referral_rows(clinic)
    suggestions = list(
        Suggestion.objects.filter(
            patient__clinic=clinic, status=Suggestion.Status.PENDING, patient__status="active"
        ).select_related("patient__latest_assessment")
    )
    # A red session or pain spike raises an alert and a suggestion: one event, shown once.
    suggested_for = {s.session_id: s for s in suggestions if s.session_id is not None}
    alerts = (
        Alert.objects.filter(clinic=clinic, resolved_at__isnull=True, patient__status="active")
        .select_related("patient__latest_assessment")
        .order_by("-created_at")
    )
    shown_sessions = set()
    for alert in alerts:
        detail = alert.message
        if alert.session_id in suggested_for:
            shown_sessions.add(alert.session_id)
            detail += f" {suggested_for[alert.session_id].get_kind_display()} suggested."
        rows.append(
            AttentionRow(
                alert.patient,
                Alert.PRIORITY.index(alert.kind) * 2,
                alert.get_kind_display(),
                detail,
                alert.created_at,
            )
        )
    for suggestion in suggestions:
        if suggestion.session_id in shown_sessions:
            continue
        regress = suggestion.kind == Suggestion.Kind.REGRESS
        rows.append(
            AttentionRow(
                suggestion.patient,
                5 if regress else 12,
                f"{suggestion.get_kind_display()} suggested",
                suggestion.reason,
                suggestion.created_at,
            )
        )
    window_start = today - datetime.timedelta(days=6)
    active = (
        Program.objects.filter(
            patient__clinic=clinic,
            patient__status="active",
            status=Program.Status.ACTIVE,
            start_date__lte=window_start,
        )
        .select_related("patient__latest_assessment")
        .prefetch_related("items")
        .annotate(recent=Count("sessions", filter=Q(sessions__local_date__gte=window_start)))
    )
    for program in active:
        prescribed = prescribed_sessions_per_week([item.dosage for item in program.items.all()])
        if prescribed and program.recent / prescribed < LOW_ADHERENCE:
            rows.append(
                AttentionRow(
                    program.patient,
                    10,
                    "Low adherence",
                    f"{program.recent} of {prescribed} sessions in the last 7 days",
                    None,
                )
            )
    return _by_patient(rows)


def _referral_rows(clinic: Clinic) -> list[AttentionRow]:
    """Every patient whose latest assessment carries a red flag: emergencies rank first."""
    patients = Patient.objects.filter(
        clinic=clinic, status="active", latest_assessment__referral_required=True
    ).select_related("latest_assessment")
    rows = []
    for patient in patients:
        assessment = patient.latest_assessment
        if assessment is None:  # excluded by the query; kept for the type checker
            continue
        referral = assessment.referral
        emergency = bool(referral.emergency)
        rows.append(
            AttentionRow(
                patient,
                -1 if emergency else 1,
                "Emergency referral" if emergency else "Urgent referral",
                f"{referral.advice} Red flags: {', '.join(referral.named)}.",
                assessment.assessed_at,
            )
        )
    return rows


@dataclass(frozen=True)
class PatientAttention:
    """A patient on the dashboard with every reason to look at them, most urgent first."""

    patient: Patient
    reasons: list[AttentionRow]

    @property
    def rank(self) -> int:
        return self.reasons[0].rank


def _by_patient(rows: list[AttentionRow]) -> list[PatientAttention]:
    grouped: dict[int, list[AttentionRow]] = {}
    for row in sorted(rows, key=lambda row: row.rank):
        grouped.setdefault(row.patient.pk, []).append(row)
    patients = [PatientAttention(reasons[0].patient, reasons) for reasons in grouped.values()]
    return sorted(patients, key=lambda p: (p.rank, p.patient.last_name, p.patient.pk))
