"""A transactional outbox: messages that matter are rows first, and publishing is best effort.

Every email that must not be lost (SPEC 4) is a database row with a "sent" marker, written in
the transaction of the change that calls for it. Its send task is published after commit; if
the broker is down, publishing logs a warning and gives up, since the data is committed and a
periodic sweep publishes the task again once the broker is back. A send task first claims
its row, so two copies of the task (the after-commit one and the sweep's) send one email.

Generic on purpose: it knows field names, not clinical data, so every app can use it.
"""

import datetime
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from celery import Task
from django.db import connection, models, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What a publish raises when the broker cannot be reached: kombu wraps most connection errors
# in OperationalError, a few transports let socket or Redis errors through. Serialisation and
# programming errors are not among them and still raise.
PUBLISH_ERRORS = (OperationalError, RedisError, OSError)

# A row unsent this long after it was written lost its after-commit publish: the sweep
# publishes it again. Long enough not to race the normal path, short enough to be "delayed".
SWEEP_GRACE = datetime.timedelta(minutes=2)

# How long a claim keeps other copies of a send task away. Longer than a task's hard time
# limit (300 s) plus the longest retry backoff (600 s), so a send that is running or waiting
# for its retry keeps its row; a worker killed mid-send frees it once the lease runs out.
CLAIM_LEASE = datetime.timedelta(minutes=15)

# How many rows of each kind one sweep publishes; the rest wait a minute for the next sweep.
SWEEP_LIMIT = 1000

# PostgreSQL takes at most 65,535 bound parameters per statement (parameters are bound on the
# server here); id lists are cut well below that.
MAX_IDS_PER_QUERY = 10_000


def chunked(ids: Sequence[int], size: int = MAX_IDS_PER_QUERY) -> Iterable[Sequence[int]]:
    """Slices of `ids` small enough for one `pk__in` query."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def ids_in(ids: Sequence[int]) -> Sequence[int] | RawSQL:
    """The right side of an `__in` filter on ids (a chunk of them): one array parameter on
    PostgreSQL, the list elsewhere.

    Django binds a parameter per id in `IN (…)`; preparing and quoting 10,000 of them took
    longer than the query itself (a third of a 100,000-reminder dispatch, bench/reminders.py).
    """
    if connection.vendor != "postgresql":
        return ids
    return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])


def publish(task: Task, *args: Any) -> bool:
    """Publish a task; on a broker failure log a warning and return False instead of raising."""
    try:
        task.delay(*args)
    except PUBLISH_ERRORS as exc:
        logger.warning(
            "Could not enqueue %s%r (%s: %s); the outbox sweep will enqueue it again.",
            task.name,
            args,
            type(exc).__name__,
            exc,
        )
        return False
    return True


def publish_each(task: Task, args_list: Iterable[tuple[Any, ...]]) -> int:
    """Publish one task per argument tuple, stopping at the first broker failure.

    Once the broker failed, the rest would only wait out the same connection timeouts; they
    are rows too, and the sweep publishes them. Returns how many were published.
    """
    published = 0
    for args in args_list:
        if not publish(task, *args):
            break
        published += 1
    return published


def enqueue_on_commit(task: Task, *args: Any) -> None:
    """Publish `task(*args)` once the current transaction commits; never raises for the broker."""
    transaction.on_commit(lambda: publish(task, *args))


def enqueue_each_on_commit(task: Task, args_list: Sequence[tuple[Any, ...]]) -> None:
    """Publish one task per argument tuple after commit (see `publish_each`)."""
    transaction.on_commit(lambda: publish_each(task, args_list))


@dataclass(frozen=True)
class Outbox:
    """An outbox table: its rows' sent marker and claim fields, named per model."""

    model: type[models.Model]
    sent_field: str
    claimed_at_field: str
    claimed_by_field: str
    created_field: str = "created_at"
    lease: datetime.timedelta = CLAIM_LEASE

    def claim(self, pk: int, *, owner: str, now: datetime.datetime | None = None) -> bool:
        """Take an unsent row for one sender; True only for the one caller that owns it now.

        One UPDATE, so two workers cannot both win: the row must be unsent and unclaimed, or
        its claim expired, or already this owner's (a retry of the same task keeps its id).
        """
        now = now or timezone.now()
        owner = owner[:64]
        free = (
            Q(**{f"{self.claimed_at_field}__isnull": True})
            | Q(**{f"{self.claimed_at_field}__lt": now - self.lease})
            | Q(**{self.claimed_by_field: owner})
        )
        claimed = self.model._default_manager.filter(
            free, pk=pk, **{f"{self.sent_field}__isnull": True}
        ).update(**{self.claimed_at_field: now, self.claimed_by_field: owner})
        return claimed == 1

    def mark_sent(self, pk: int, **changes: Any) -> None:
        """Record the delivery right after sending, so no later sweep sends it again."""
        self.model._default_manager.filter(pk=pk).update(
            **{self.sent_field: timezone.now()}, **changes
        )

    def unsent(self, *, now: datetime.datetime, grace: datetime.timedelta = SWEEP_GRACE):
        """Rows the sweep should publish again: unsent, older than the grace, not claimed
        (or their claim expired). Callers add their own conditions and a partial index."""
        return self.model._default_manager.filter(
            Q(**{f"{self.claimed_at_field}__isnull": True})
            | Q(**{f"{self.claimed_at_field}__lt": now - self.lease}),
            **{f"{self.sent_field}__isnull": True, f"{self.created_field}__lt": now - grace},
        )
