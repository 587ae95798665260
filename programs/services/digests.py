"""The clinicians' daily digests (SPEC 4): made once a day per clinician, sent through the
outbox (clinic/outbox.py), and stopped or restarted from the email's own link."""

import datetime

from django.db import transaction

from clinic.models import AuditLog, Clinician
from clinic.outbox import enqueue_on_commit
from clinic.services import Actor, audit_record
from programs.models import ClinicianDigest
from programs.schedule import local_now

# From 07:00 the clinic's time; a digest missed by 11:00 is skipped, not sent in the evening.
DIGEST_TIME = datetime.time(7, 0)
DIGEST_WINDOW_END = datetime.time(11, 0)


def digests_dispatch(*, now: datetime.datetime) -> list[int]:
    """Claim today's digest for each clinician whose clinic's morning digest time has come.

    A digest missed by its window's end (the workers were down all morning) is skipped, not
    sent in the evening; the next day's digest covers the alerts since the last one.
    """
    from programs.tasks import send_digest_task

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
    )
    return True
