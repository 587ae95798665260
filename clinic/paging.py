"""Counting for long lists: exact up to a cap, "more than" beyond it (issue 16).

Counting every matching row for every page costs a scan of the whole clinic at 100,000
patients; nobody pages through more than ten thousand rows, so past COUNT_CAP the lists say
"more than 10,000" and ask for a narrower search (the API offers cursor pages to walk all).
"""

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

COUNT_CAP = 10_000


def capped_count(rows: QuerySet[Any] | Sequence[Any], cap: int = COUNT_CAP) -> int:
    """The number of rows, counting at most cap + 1 of them (one more says "more than")."""
    if isinstance(rows, QuerySet):
        # Without the list's ORDER BY: sorting every matching row only to count them cost the
        # dashboard 60 ms at 100,000 patients (bench/scale.py).
        # Only the ids of the rows counted: the list's columns would drag in its joins.
        return rows.order_by().values("pk")[: cap + 1].count()
    return min(len(rows), cap + 1)


class CappedPaginator(Paginator):
    """Django's paginator whose count stops at COUNT_CAP; `is_capped` says it did."""

    cap = COUNT_CAP

    @cached_property
    def _counted(self) -> int:
        return capped_count(self.object_list, self.cap)  # type: ignore[arg-type]

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def is_capped(self) -> bool:
        return self._counted > self.cap
