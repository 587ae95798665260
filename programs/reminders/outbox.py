"""The sweep that sends every email that must not be lost and was not sent, and the digests'
outbox rows.

Urgent alert emails (programs.followup.outbox), invitations (patients.outbox, clinic.staff_outbox)
and clinicians'
digests are rows with a sent marker (clinic.outbox);
reminders and nudges have their own lifecycle (queued rows that no task picked up are claimed
again by `reminders_claim`). A broker outage delays these emails, never loses or doubles them.
"""

import datetime
import logging

from clinic.outbox import SWEEP_LIMIT, Outbox, publish_each
from clinic.staff_outbox import staff_invitations_unsent
from patients.outbox import invitations_unsent
from programs.followup.outbox import alerts_unemailed
from programs.prescribing.outbox import handout_emails_unsent
from programs.reminders.models import ClinicianDigest
from programs.reminders.schedule import DIGEST_WINDOW_END, local_now

logger = logging.getLogger(__name__)

DIGESTS = Outbox(
    ClinicianDigest,
    sent_field="sent_at",
    claimed_at_field="claimed_at",
    claimed_by_field="claimed_by",
)
# A digest is made once a day; older unsent ones are past their morning window anyway.
DIGEST_LOOKBACK = datetime.timedelta(days=1)


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
    from clinic.tasks import send_staff_invitation_task
    from patients.tasks import send_portal_invitation_task
    from programs.followup.tasks import send_alert_email_task
    from programs.prescribing.tasks import send_handout_email_task
    from programs.reminders.tasks import send_digest_task

    work = [
        ("alerts", send_alert_email_task, alerts_unemailed(now=now)),
        (
            "invitations",
            send_portal_invitation_task,
            invitations_unsent(now=now, limit=SWEEP_LIMIT),
        ),
        ("digests", send_digest_task, digests_unsent(now=now)),
        (
            "staff_invitations",
            send_staff_invitation_task,
            staff_invitations_unsent(now=now, limit=SWEEP_LIMIT),
        ),
        ("handouts", send_handout_email_task, handout_emails_unsent(now=now)),
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
