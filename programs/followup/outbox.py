"""The follow-up app's emails that must not be lost: emergency alerts (clinic.outbox)."""

import datetime

from clinic.outbox import SWEEP_LIMIT, Outbox
from programs.followup.models import Alert

ALERT_EMAILS = Outbox(
    Alert,
    sent_field="emailed_at",
    claimed_at_field="email_claimed_at",
    claimed_by_field="email_claimed_by",
)


def alerts_unemailed(*, now: datetime.datetime, limit: int = SWEEP_LIMIT) -> list[int]:
    """Open emergency alerts whose email did not go out (partial index `alert_email_unsent`).

    Only emergency alerts are emailed at once; a resolved one has been seen in the app.
    """
    rows = ALERT_EMAILS.unsent(now=now).filter(
        kind=Alert.Kind.EMERGENCY_SYMPTOM, resolved_at__isnull=True
    )
    return list(rows.order_by("created_at").values_list("pk", flat=True)[:limit])
