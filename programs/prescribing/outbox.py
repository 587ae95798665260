"""The prescribing app's emails that must not be lost: handouts sent to patients."""

import datetime

from clinic.outbox import SWEEP_LIMIT, Outbox
from programs.prescribing.models import HandoutEmail

HANDOUT_EMAILS = Outbox(
    HandoutEmail, sent_field="sent_at", claimed_at_field="claimed_at", claimed_by_field="claimed_by"
)


def handout_emails_unsent(*, now: datetime.datetime, limit: int = SWEEP_LIMIT) -> list[int]:
    """Handout emails whose task never ran (partial index `handout_email_unsent`)."""
    rows = HANDOUT_EMAILS.unsent(now=now).order_by("created_at")
    return list(rows.values_list("pk", flat=True)[:limit])
