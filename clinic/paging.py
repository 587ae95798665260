"""Counting for long lists: exact up to a cap, "more than" beyond it (issue 16).

Counting every matching row for every page costs a scan of the whole clinic at 100,000
patients; nobody pages through more than ten thousand rows, so past COUNT_CAP the lists say
"more than 10,000" and ask for a narrower search (the API offers cursor pages to walk all).
"""

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
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


def rows_ids_first(rows: QuerySet[Any], bottom: int, top: int) -> list[Any]:
    """Rows bottom..top of an ordered list, read in two steps: their ids in the list's order,
    without the list's joins, then those rows (ordered again, a page's worth).

    For a list whose matches are found by one index and sorted (a search, patients.filters):
    PostgreSQL does not sort before a LEFT JOIN, so one query joined every match with its
    related rows first, hashing a whole table at 100,000 patients (bench/scale.py). And for
    any page past the first: with OFFSET, one query joined every row it skipped (10,000 for
    the patients list's last page at 100,000 patients, 8 of its 12 ms).
    """
    ids = list(rows.values_list("pk", flat=True)[bottom:top])
    return list(rows.filter(pk__in=ids))


class CappedPaginator(Paginator):
    """Django's paginator whose count stops at COUNT_CAP; `is_capped` says it did. Pages past
    the first of a QuerySet, and every page with `ids_first`, are read by rows_ids_first."""

    cap = COUNT_CAP

    def __init__(self, *args: Any, ids_first: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ids_first = ids_first

    def page(self, number: int | str) -> Page[Any]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not isinstance(self.object_list, QuerySet) or not (self.ids_first or bottom):
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = rows_ids_first(self.object_list, bottom, top)
        return self._get_page(rows, number, self)  # type: ignore[attr-defined]  # Django's own

    @cached_property
    def _counted(self) -> int:
        return capped_count(self.object_list, self.cap)  # type: ignore[arg-type]

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def is_capped(self) -> bool:
        return self._counted > self.cap
