"""Keeping the dashboard's attention rows: one patient's when something about them changes,
a whole clinic's on the hourly rebuild (adherence changes as days pass without any event).

The rows hold only what the dashboard shows (AttentionReason's docstring): archiving a patient
deletes theirs, and a change of a program's status or of the responsible clinician reaches
them in the same transaction, so the dashboard counts and pages them without joins.
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from clinic.models import Clinic
from clinic.outbox import chunked
from clinic.services import Actor
from patients.models import Assessment, Patient
from programs.followup.models import (
    Alert,
    AttentionReason,
    PatientAttention,
    PatientAttentionCode,
)
from programs.followup.selectors.dashboard import RANKS, attention_reasons_compute
from programs.prescribing.models import Program

REBUILD_CHUNK = 5000  # rows a statement inserts on the rebuild


def _today(clinic: Clinic) -> datetime.date:
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(clinic.timezone))


def _clinicians(patient_ids: Iterable[int]) -> dict[int, int | None]:
    """Each patient's responsible clinician, copied into the rows for "my patients"."""
    found: dict[int, int | None] = {}
    for chunk in chunked(sorted(set(patient_ids)), REBUILD_CHUNK):
        found.update(Patient.objects.filter(pk__in=chunk).values_list("pk", "clinician_id"))
    return found


def _codes_by_patient(reasons: Iterable[AttentionReason]) -> dict[int, set[str]]:
    codes: dict[int, set[str]] = {}
    for reason in reasons:
        codes.setdefault(reason.patient_id, set()).add(reason.code)
    return codes


def _codes(summary: Iterable[PatientAttention], codes: dict[int, set[str]]) -> None:
    """One row per patient and kind of reason, placed as the patient is in the list."""
    PatientAttentionCode.objects.bulk_create(
        [
            PatientAttentionCode(
                patient_id=row.patient_id,
                code=code,
                clinic_id=row.clinic_id,
                clinician_id=row.clinician_id,
                rank=row.rank,
                latest_at=row.latest_at,
            )
            for row in summary
            for code in sorted(codes.get(row.patient_id, ()))
        ],
        batch_size=REBUILD_CHUNK,
        ignore_conflicts=True,  # a kind the patient already waits for keeps its row
    )


def _store(clinic: Clinic, reasons: list[AttentionReason]) -> None:
    """Save the reasons and, per patient, the rank of the most urgent and the latest time."""
    AttentionReason.objects.bulk_create(reasons, batch_size=REBUILD_CHUNK)
    clinicians = _clinicians(reason.patient_id for reason in reasons)
    summary: dict[int, PatientAttention] = {}
    for reason in reasons:
        row = summary.setdefault(
            reason.patient_id,
            PatientAttention(
                clinic=clinic,
                patient_id=reason.patient_id,
                clinician_id=clinicians.get(reason.patient_id),
                rank=reason.rank,
            ),
        )
        row.rank = min(row.rank, reason.rank)
        if reason.happened_at and (row.latest_at is None or reason.happened_at > row.latest_at):
            row.latest_at = reason.happened_at
    PatientAttention.objects.bulk_create(summary.values(), batch_size=REBUILD_CHUNK)
    _codes(summary.values(), _codes_by_patient(reasons))


def _delete(**patients: Any) -> None:
    AttentionReason.objects.filter(**patients).delete()
    PatientAttention.objects.filter(**patients).delete()
    PatientAttentionCode.objects.filter(**patients).delete()


def attention_refresh(*, patient: Patient) -> None:
    """Work out again why one patient needs attention; called by every service that changes a
    reason (an assessment, an alert, a suggestion, a session), in its own transaction."""
    attention_refresh_many(clinic=patient.clinic, patient_ids=[patient.pk])


def attention_refresh_on_assessment(
    *, actor: Actor, patient: Patient, assessment: Assessment
) -> None:
    """A new assessment may add or clear a referral: registered with the patients app."""
    attention_refresh(patient=patient)


def attention_refresh_on_status_change(*, program: Program) -> None:
    """A program paused, completed or (re)activated adds or drops its low adherence:
    registered with the prescribing app, run in the status change's transaction."""
    attention_refresh_many(clinic=program.patient.clinic, patient_ids=[program.patient_id])


def attention_follow_record(*, actor: Actor, patient: Patient, changed: list[str]) -> None:
    """An archived patient leaves the dashboard at once; a new responsible clinician takes
    them to their "my patients". Registered with the patients app, in the change's
    transaction."""
    if patient.is_archived:
        _delete(patient_id=patient.pk)
    elif "clinician" in changed:
        for model in (PatientAttention, PatientAttentionCode):
            model.objects.filter(patient_id=patient.pk).update(clinician_id=patient.clinician_id)


@transaction.atomic
def attention_refresh_many(*, clinic: Clinic, patient_ids: list[int]) -> None:
    """As attention_refresh, for many patients of one clinic at once (the inactivity check)."""
    today = _today(clinic)
    for chunk in chunked(patient_ids, REBUILD_CHUNK):
        _delete(patient_id__in=chunk)
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
    clinicians = _clinicians(reason.patient_id for reason in reasons)
    for chunk in chunked([reason.patient_id for reason in reasons], REBUILD_CHUNK):
        for rank in sorted({reason.rank for reason in reasons}):
            for model in (PatientAttention, PatientAttentionCode):
                model.objects.filter(patient_id__in=chunk, rank__gt=rank).update(rank=rank)
    PatientAttention.objects.bulk_create(
        [
            PatientAttention(
                clinic_id=reason.clinic_id,
                patient_id=reason.patient_id,
                clinician_id=clinicians.get(reason.patient_id),
                rank=reason.rank,
                latest_at=reason.happened_at,
            )
            for reason in reasons
        ],
        batch_size=REBUILD_CHUNK,
        ignore_conflicts=True,  # a patient already waiting keeps their row, re-ranked above
    )
    # Each patient's new kind of reason, placed where their (re-ranked) row now stands.
    codes = _codes_by_patient(reasons)
    for chunk in chunked(sorted(codes), REBUILD_CHUNK):
        _codes(PatientAttention.objects.filter(patient_id__in=chunk), codes)


@transaction.atomic
def attention_rebuild(*, clinic: Clinic) -> int:
    """Work out every patient's reasons in the clinic afresh; returns how many patients need
    attention. Runs hourly (and once after an upgrade: `manage.py attention_rebuild`)."""
    # Rows are replaced under a lock on the clinic, so two rebuilds never interleave. NO KEY
    # UPDATE: a plain FOR UPDATE would also stop, for the whole rebuild (5 s at 100,000
    # patients, bench/scale.py's database), every insert whose foreign key points at the
    # clinic (a new patient, a session's dashboard rows), as PostgreSQL checks those with a
    # KEY SHARE lock.
    Clinic.objects.select_for_update(no_key=True).filter(pk=clinic.pk).first()
    reasons = attention_reasons_compute(clinic=clinic, today=_today(clinic))
    _delete(clinic=clinic)
    _store(clinic, reasons)
    return len({reason.patient_id for reason in reasons})
