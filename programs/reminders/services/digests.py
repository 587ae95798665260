"""The clinicians' daily digests (SPEC 4): made once a day per clinician, sent through the
outbox (clinic/outbox.py), and stopped or restarted from the email's own link."""

import datetime

from django.db import transaction

from clinic.models import AuditLog, Clinician
from clinic.outbox import enqueue_on_commit
from clinic.services import Actor, audit_record
from programs.followup.models import Alert, Suggestion
from programs.reminders.emails import digest_message
from programs.reminders.models import ClinicianDigest
from programs.reminders.outbox import DIGESTS
from programs.reminders.schedule import DIGEST_TIME, DIGEST_WINDOW_END, local_now


def digests_dispatch(*, now: datetime.datetime) -> list[int]:
    """Claim today's digest for each clinician whose clinic's morning digest time has come.

    A digest missed by its window's end (the workers were down all morning) is skipped, not
    sent in the evening; the next day's digest covers the alerts since the last one.
    """
    from programs.reminders.tasks import send_digest_task

    created = []
    for clinician in Clinician.objects.select_related("clinic", "user").filter(
        user__is_active=True, digest_opt_out=False
    ):
        local = local_now(now, clinician.clinic.timezone)
        if not DIGEST_TIME <= local.time() < DIGEST_WINDOW_END:
            continue
        digest, made = ClinicianDigest.objects.get_or_create(
            clinician=clinician, local_date=local.date(), defaults={"created_at": now}
        )
        if made:
            created.append(digest.pk)
            # The row is made once; if this publish fails, the outbox sweep sends it.
            enqueue_on_commit(send_digest_task, digest.pk)
    return created


def digest_send(*, digest_id: int, owner: str) -> bool:
    """Email one clinician's daily digest of the clinic's open alerts, once.

    The digest is claimed for `owner` (a task id, which a retry keeps) before sending and
    marked sent right after, so the dispatcher's task and the outbox sweep's send one email.
    Returns whether this call handled it (a digest with nothing to say is marked, not sent).
    """
    digest = (
        ClinicianDigest.objects.select_related("clinician__user", "clinician__clinic")
        .filter(pk=digest_id)
        .first()
    )
    if digest is None or digest.sent_at is not None or digest.clinician.digest_opt_out:
        return False
    if not DIGESTS.claim(digest.pk, owner=owner):
        return False
    clinician = digest.clinician
    # Since the last digest that went out: a day whose digest was never sent (workers down
    # all morning) is covered by the next one instead of falling between the two.
    previous = (
        ClinicianDigest.objects.filter(
            clinician=clinician, local_date__lt=digest.local_date, sent_at__isnull=False
        )
        .order_by("-local_date")
        .first()
    )
    since = previous.created_at if previous else digest.created_at - datetime.timedelta(days=1)
    alerts = list(
        Alert.objects.filter(
            clinic_id=clinician.clinic_id, created_at__gte=since, resolved_at__isnull=True
        ).select_related("patient")
    )
    suggestions = Suggestion.objects.filter(
        patient__clinic_id=clinician.clinic_id, status=Suggestion.Status.PENDING
    ).count()
    if alerts or suggestions:
        digest_message(clinician, alerts, suggestions).send()
    DIGESTS.mark_sent(digest.pk, alert_count=len(alerts))
    return True


@transaction.atomic
def digests_unsubscribe(*, clinician: Clinician) -> bool:
    """Stop a clinician's daily digest from its email link; False when it already was.

    Urgent alerts are still emailed: they are safety critical and carry no unsubscribe.
    """
    clinician = Clinician.objects.select_for_update().get(pk=clinician.pk)
    if clinician.digest_opt_out:
        return False
    clinician.digest_opt_out = True
    clinician.save(update_fields=["digest_opt_out"])
    audit_record(
        actor=Actor(clinic=clinician.clinic, user=None, channel=AuditLog.Channel.SYSTEM),
        action=AuditLog.Action.CHANGE,
        obj=clinician,
        summary="Daily digest turned off from the email's unsubscribe link",
        changes=[("digest_opt_out", False, True)],
    )
    return True


@transaction.atomic
def digests_resubscribe(*, clinician: Clinician) -> bool:
    """Turn a clinician's daily digest back on from the same link; False when it was on."""
    clinician = Clinician.objects.select_for_update().get(pk=clinician.pk)
    if not clinician.digest_opt_out:
        return False
    clinician.digest_opt_out = False
    clinician.save(update_fields=["digest_opt_out"])
    audit_record(
        actor=Actor(clinic=clinician.clinic, user=None, channel=AuditLog.Channel.SYSTEM),
        action=AuditLog.Action.CHANGE,
        obj=clinician,
        summary="Daily digest turned on again from the email's unsubscribe page",
        changes=[("digest_opt_out", True, False)],
    )
    return True
