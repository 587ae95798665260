"""The patients app's outgoing emails that must not be lost: portal invitations."""

import datetime

from clinic.outbox import Outbox
from patients.models import PortalInvitation

INVITATIONS = Outbox(
    PortalInvitation,
    sent_field="sent_at",
    claimed_at_field="claimed_at",
    claimed_by_field="claimed_by",
)


def invitations_unsent(*, now: datetime.datetime, limit: int) -> list[int]:
    """Open invitations whose email did not go out (their publish failed, or their worker
    died): the outbox sweep sends them. Served by the partial index `invitation_unsent`."""
    rows = INVITATIONS.unsent(now=now).filter(
        used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    return list(rows.order_by("created_at").values_list("pk", flat=True)[:limit])
