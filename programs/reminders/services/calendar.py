"""The patient's private calendar feed: made, remade and revoked from the portal."""

import hashlib
import secrets

from django.db import transaction

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.models import Patient
from programs.reminders.models import CalendarFeed


def calendar_feed_token_hash(token: str) -> str:
    """The stored form of a feed's secret."""
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_create(*, actor: Actor, patient: Patient) -> str:
    """Make the patient's feed, or replace its secret; returns the new secret (shown once).

    The old URL stops working at once: its hash is gone.
    """
    token = secrets.token_urlsafe(32)
    feed, created = CalendarFeed.objects.update_or_create(
        patient=patient, defaults={"token_hash": calendar_feed_token_hash(token)}
    )
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE if created else AuditLog.Action.CHANGE,
        obj=feed,
        patient=patient,
        summary="Calendar feed made" if created else "Calendar feed address replaced",
    )
    return token


@transaction.atomic
def calendar_feed_revoke(*, actor: Actor, patient: Patient) -> bool:
    """Delete the patient's feed, so its URL answers 404; False when there was none."""
    feed = CalendarFeed.objects.filter(patient=patient).first()
    if feed is None:
        return False
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=feed,
        patient=patient,
        summary="Calendar feed revoked",
    )
    feed.delete()
    return True
