"""Keeping the dashboard's attention rows: one patient's when something about them changes,
a whole clinic's on the hourly rebuild (adherence changes as days pass without any event)."""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone

from clinic.models import Clinic
from clinic.outbox import chunked
from clinic.services import Actor
from patients.models import Assessment, Patient
from programs.followup.models import Alert, AttentionReason, PatientAttention
from programs.followup.selectors.dashboard import RANKS, attention_reasons_compute

REBUILD_CHUNK = 5000  # rows a statement inserts on the rebuild


def _today(clinic: Clinic) -> datetime.date:
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(clinic.timezone))


def _store(clinic: Clinic, reasons: list[AttentionReason]) -> None:
    """Save the reasons and, per patient, the rank of the most urgent and the latest time."""
    AttentionReason.objects.bulk_create(reasons, batch_size=REBUILD_CHUNK)
    summary: dict[int, PatientAttention] = {}
    for reason in reasons:
        row = summary.setdefault(
            reason.patient_id,
            PatientAttention(clinic=clinic, patient_id=reason.patient_id, rank=reason.rank),
        )
        row.rank = min(row.rank, reason.rank)
        if reason.happened_at and (row.latest_at is None or reason.happened_at > row.latest_at):
            row.latest_at = reason.happened_at
    PatientAttention.objects.bulk_create(summary.values(), batch_size=REBUILD_CHUNK)


def attention_refresh(*, patient: Patient) -> None:
    """Work out again why one patient needs attention; called by every service that changes a
    reason (an assessment, an alert, a suggestion, a session), in its own transaction."""
    attention_refresh_many(clinic=patient.clinic, patient_ids=[patient.pk])


def attention_refresh_on_assessment(
    *, actor: Actor, patient: Patient, assessment: Assessment
) -> None:
    """A new assessment may add or clear a referral: registered with the patients app."""
    attention_refresh(patient=patient)


@transaction.atomic
def attention_refresh_many(*, clinic: Clinic, patient_ids: list[int]) -> None:
    """As attention_refresh, for many patients of one clinic at once (the inactivity check)."""
    today = _today(clinic)
    for chunk in chunked(patient_ids, REBUILD_CHUNK):
        AttentionReason.objects.filter(patient_id__in=chunk).delete()
        PatientAttention.objects.filter(patient_id__in=chunk).delete()
        reasons = attention_reasons_compute(clinic=clinic, today=today, patient_ids=list(chunk))
        _store(clinic, reasons)


@transaction.atomic
def attention_alerts_add(*, alerts: list[Alert]) -> None:
    """Add new alerts raised in bulk (the inactivity check, tens of thousands at once) to the
    patients' reasons without working out the rest again: an alert only adds a reason."""
    reasons = [
        AttentionReason(
            clinic_id=alert.clinic_id,
            patient_id=alert.patient_id,
            code=alert.kind,
            rank=RANKS[alert.kind],
            label=str(AttentionReason.Code(alert.kind).label),
            detail=alert.message,
            happened_at=alert.created_at,
        )
        for alert in alerts
    ]
    AttentionReason.objects.bulk_create(reasons, batch_size=REBUILD_CHUNK)
    for chunk in chunked([reason.patient_id for reason in reasons], REBUILD_CHUNK):
        for rank in sorted({reason.rank for reason in reasons}):
            PatientAttention.objects.filter(patient_id__in=chunk, rank__gt=rank).update(rank=rank)
    PatientAttention.objects.bulk_create(
        [
            PatientAttention(
                clinic_id=reason.clinic_id,
                patient_id=reason.patient_id,
                rank=reason.rank,
                latest_at=reason.happened_at,
            )
            for reason in reasons
        ],
        batch_size=REBUILD_CHUNK,
        ignore_conflicts=True,  # a patient already waiting keeps their row, re-ranked above
    )


@transaction.atomic
def attention_rebuild(*, clinic: Clinic) -> int:
    """Work out every patient's reasons in the clinic afresh; returns how many patients need
    attention. Runs hourly (and once after an upgrade: `manage.py attention_rebuild`)."""
    # Rows are replaced under a lock on the clinic, so two rebuilds never interleave.
    Clinic.objects.select_for_update().filter(pk=clinic.pk).first()
    reasons = attention_reasons_compute(clinic=clinic, today=_today(clinic))
    AttentionReason.objects.filter(clinic=clinic).delete()
    PatientAttention.objects.filter(clinic=clinic).delete()
    _store(clinic, reasons)
    return len({reason.patient_id for reason in reasons})
