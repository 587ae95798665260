"""The programs app's emails that must not be lost, and the sweep that sends what was not sent.

Urgent alert emails and clinicians' digests are rows with a sent marker (clinic.outbox);
reminders and nudges have their own lifecycle (queued rows that no task picked up are claimed
again by `reminders_claim`). A broker outage delays these emails, never loses or doubles them.
"""

import datetime
import logging

from clinic.outbox import Outbox, publish_each
from patients.outbox import invitations_unsent
from programs.models import Alert, ClinicianDigest
from programs.schedule import local_now
from programs.services.digests import DIGEST_WINDOW_END

logger = logging.getLogger(__name__)

ALERT_EMAILS = Outbox(
    Alert,
    sent_field="emailed_at",
    claimed_at_field="email_claimed_at",
    claimed_by_field="email_claimed_by",
)
DIGESTS = Outbox(
    ClinicianDigest,
    sent_field="sent_at",
    claimed_at_field="claimed_at",
    claimed_by_field="claimed_by",
)
# How many rows of each kind one sweep publishes; the rest wait a minute for the next sweep.
SWEEP_LIMIT = 1000
# A digest is made once a day; older unsent ones are past their morning window anyway.
DIGEST_LOOKBACK = datetime.timedelta(days=1)


def alerts_unemailed(*, now: datetime.datetime, limit: int = SWEEP_LIMIT) -> list[int]:
    """Open emergency alerts whose email did not go out (partial index `alert_email_unsent`).

    Only emergency alerts are emailed at once; a resolved one has been seen in the app.
    """
    rows = ALERT_EMAILS.unsent(now=now).filter(
        kind=Alert.Kind.EMERGENCY_SYMPTOM, resolved_at__isnull=True
    )
    return list(rows.order_by("created_at").values_list("pk", flat=True)[:limit])


def digests_unsent(*, now: datetime.datetime, limit: int = SWEEP_LIMIT) -> list[int]:
    """Today's digests that did not go out and are still in their morning window.

    The window is the dispatcher's (a digest missed by 11:00 local is skipped, and the next
    day's covers its alerts); opted-out and deactivated clinicians are left out.
    """
    rows = (
        DIGESTS.unsent(now=now)
        .filter(
            created_at__gte=now - DIGEST_LOOKBACK,
            clinician__user__is_active=True,
            clinician__digest_opt_out=False,
        )
        .order_by("created_at")
        .values_list("pk", "local_date", "clinician__clinic__timezone")[:limit]
    )
    due = []
    for pk, local_date, zone in rows:
        local = local_now(now, zone)
        if local.date() == local_date and local.time() < DIGEST_WINDOW_END:
            due.append(pk)
    return due


def outbox_sweep(*, now: datetime.datetime) -> dict[str, int]:
    """Publish the send task of every email that should have gone out and did not.

    Safe to run at any time and any number of times: it only publishes, and each send task
    claims its row before sending, so a row published twice is still sent once. Returns how
    many tasks of each kind were published.
    """
    from patients.tasks import send_portal_invitation_task
    from programs.tasks import send_alert_email_task, send_digest_task

    work = [
        ("alerts", send_alert_email_task, alerts_unemailed(now=now)),
        (
            "invitations",
            send_portal_invitation_task,
            invitations_unsent(now=now, limit=SWEEP_LIMIT),
        ),
        ("digests", send_digest_task, digests_unsent(now=now)),
    ]
    published = dict.fromkeys([kind for kind, _, _ in work], 0)
    for kind, task, ids in work:
        published[kind] = publish_each(task, [(pk,) for pk in ids])
        if published[kind] < len(ids):
            # The broker is still down: the others would fail the same way.
            break
    if any(published.values()):
        logger.info("Outbox sweep published %s", published)
    return published
