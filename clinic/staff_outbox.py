"""Clinicians' invitation emails, which must not be lost: rows of the clinic outbox."""

import datetime

from clinic.models import StaffInvitation
from clinic.outbox import Outbox

STAFF_INVITATIONS = Outbox(
    StaffInvitation,
    sent_field="sent_at",
    claimed_at_field="claimed_at",
    claimed_by_field="claimed_by",
)


def staff_invitations_unsent(*, now: datetime.datetime, limit: int) -> list[int]:
    """Open invitations whose email did not go out: the outbox sweep sends them (served by the
    partial index `staff_invitation_unsent`)."""
    rows = STAFF_INVITATIONS.unsent(now=now).filter(
        used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    return list(rows.order_by("created_at").values_list("pk", flat=True)[:limit])
