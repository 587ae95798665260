"""Writes of clinician alerts: raised by what patients report, emailed at once when they are
emergencies, resolved by a clinician."""

import datetime

from django.db import transaction
from django.utils import timezone

from clinic.models import AuditLog, Clinician
from clinic.outbox import chunked
from clinic.services import Actor, audit_record
from patients.models import Patient
from programs.followup.emails import alert_message
from programs.followup.models import Alert, SessionLog
from programs.followup.outbox import ALERT_EMAILS
from programs.followup.services.attention import attention_alerts_add, attention_refresh


def alert_raise(*, patient: Patient, kind: str, message: str, session: SessionLog | None) -> Alert:
    """Raise an alert once per (session, kind); a repeat returns the alert already raised."""
    alert, _ = Alert.objects.get_or_create(
        clinic_id=patient.clinic_id,
        patient=patient,
        kind=kind,
        session=session,
        defaults={"message": message[:500]},
    )
    return alert


@transaction.atomic
def alert_resolve(*, actor: Actor, alert: Alert) -> Alert:
    """Mark an alert as handled by the actor."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.resolved_at is None:
        alert.resolved_at = timezone.now()
        alert.resolved_by = actor.user
        alert.save(update_fields=["resolved_at", "resolved_by"])
        audit_record(
            actor=actor,
            action=AuditLog.Action.CHANGE,
            obj=alert,
            patient=alert.patient,
            summary=f"Alert resolved: {alert.get_kind_display()}",
            changes=[("resolved_at", None, alert.resolved_at)],
        )
        attention_refresh(patient=alert.patient)
    return alert


def alert_email_send(*, alert_id: int, owner: str) -> bool:
    """Email an emergency alert to every active clinician of the patient's clinic, once.

    The email is claimed for `owner` (a task id, which a retry keeps) before sending and marked
    sent right after, so the after-commit task and the outbox sweep's copy send one email.
    Returns whether this call sent it.
    """
    alert = Alert.objects.select_related("patient").filter(pk=alert_id).first()
    if alert is None or alert.emailed_at is not None:
        return False
    if not ALERT_EMAILS.claim(alert.pk, owner=owner):
        return False
    recipients = list(
        Clinician.objects.filter(clinic_id=alert.clinic_id, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )
    if recipients:
        alert_message(alert, recipients).send()
    ALERT_EMAILS.mark_sent(alert.pk)
    return True


def inactivity_alerts_raise(
    *, stale: dict[int, tuple[int, datetime.datetime]], now: datetime.datetime
) -> None:
    """Alert clinicians of patients idle since `stale[patient_id] = (clinic_id, since)`, in
    bulk (the inactivity check may find tens of thousands): one open alert per patient."""
    alerted: set[int] = set()
    for chunk in chunked(list(stale)):
        alerted.update(
            Alert.objects.filter(
                patient_id__in=chunk, kind=Alert.Kind.INACTIVITY, resolved_at__isnull=True
            ).values_list("patient_id", flat=True)
        )
    new = [
        Alert(
            clinic_id=clinic_id,
            patient_id=patient_id,
            kind=Alert.Kind.INACTIVITY,
            message=f"No session logged for {(now - since).days} days.",
            created_at=now,
        )
        for patient_id, (clinic_id, since) in stale.items()
        if patient_id not in alerted
    ]
    # Batched: PostgreSQL takes at most 65,535 parameters per statement.
    Alert.objects.bulk_create(new, batch_size=1000)
    attention_alerts_add(alerts=new)
