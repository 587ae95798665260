"""Pagination of every list: page numbers (?page=, ?page_size=: default 25, capped at 100),
or cursor pages (?pagination=cursor) for integrations that walk a whole list."""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.response import Response

from clinic.paging import COUNT_CAP, capped_count, rows_ids_first

# Past this the database's 64-bit OFFSET would overflow; no page there can hold anything.
MAX_OFFSET = 2**62
LONGEST = 18  # digits of a page number or size read as they are


def _positive_int(request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    digits = raw.lstrip("0")
    if not raw.isascii() or not raw.isdigit() or not digits:
        raise ValidationError({name: ["Enter a whole number of 1 or more."]})
    # Python refuses to read integers of thousands of digits; such a page is past the last one
    # and such a page size is capped anyway.
    return int(digits) if len(digits) <= LONGEST else 10**LONGEST


class _IdCursorPagination(CursorPagination):
    """Cursor pages in id order: stable while rows are added, and never counted."""

    ordering = "id"
    page_size = 25

    def __init__(self, page_size: int) -> None:
        self.page_size = page_size

    def _get_position_from_instance(self, instance: Any, ordering: Sequence[str]) -> str:
        # A list that reads plain rows (values_list) puts the id first.
        return str(instance[0] if isinstance(instance, tuple) else instance.pk)


class ApiPagination(PageNumberPagination):
    """Answers {count, count_capped, next, previous, results}, counting at most COUNT_CAP rows;
    a bad page or page size is a 400, a page past the end a 404. With ?pagination=cursor it
    answers {next, previous, results} in id order, never counting."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = "Page number, from 1; a page past the last one answers 404."
    page_size_query_description = (
        "Results per page: 25 unless given; larger values are capped at 100."
    )
    cursor: _IdCursorPagination | None = None
    count_cap = COUNT_CAP
    # Every page of a list best read ids first (a search, clinic.paging); pages past the first
    # always are.
    ids_first = False
    # A list that reads its page as plain rows names their columns (values_list); the count
    # reads the queryset without them, so that their joins stay out of it (bench/api.py).
    columns: tuple[str, ...] = ()

    def get_page_size(self, request) -> int:
        size = _positive_int(request, self.page_size_query_param)
        return min(size, self.max_page_size) if size else self.page_size

    def get_page_number(self, request, paginator) -> int:
        return _positive_int(request, self.page_query_param) or 1

    def paginate_queryset(self, queryset: QuerySet | Sequence, request, view=None) -> list:
        """The page with LIMIT, then the total as its own count (capped), unless the page tells
        it: a page shorter than the page size is the last, so the total is known."""
        self.request = request
        mode = request.query_params.get("pagination", "pages")
        if mode not in ("pages", "cursor"):
            raise ValidationError({"pagination": ["Choose pages or cursor."]})
        size = self.get_page_size(request)
        counted = queryset
        if self.columns and isinstance(queryset, QuerySet):
            queryset = queryset.values_list(*self.columns)
        if mode == "cursor":
            if request.query_params.get("ordering") or request.query_params.get("page"):
                raise ValidationError(
                    {"pagination": ["Cursor pages are in id order: send no ordering or page."]}
                )
            self.cursor = _IdCursorPagination(size)
            return self.cursor.paginate_queryset(queryset, request, view) or []
        number = self.get_page_number(request, None)
        offset = (number - 1) * size
        if offset > MAX_OFFSET:
            rows = []
        elif (self.ids_first or offset) and isinstance(queryset, QuerySet):  # clinic.paging
            rows = rows_ids_first(queryset, offset, offset + size)
        else:
            rows = list(queryset[offset : offset + size])
        if 0 < len(rows) < size or (number == 1 and not rows):
            count = offset + len(rows)
        elif isinstance(counted, QuerySet):
            count = capped_count(counted, self.count_cap)
        else:
            count = len(counted)
        self.count_capped = count > self.count_cap
        try:
            self.page = _ReadPaginator(rows, min(count, self.count_cap), size).page(number)
        except InvalidPage as exc:
            raise NotFound(
                self.invalid_page_message.format(page_number=number, message=str(exc))
            ) from exc
        return rows

    def get_paginated_response(self, data: Any) -> Response:
        if self.cursor is not None:
            return self.cursor.get_paginated_response(data)
        return Response(
            {
                "count": self.page.paginator.count,  # type: ignore[union-attr]  # set above
                "count_capped": self.count_capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paged = super().get_paginated_response_schema(schema)
        paged["required"] = ["results"]  # cursor pages carry no count
        paged["properties"]["count"]["description"] = (
            f"Results in all pages, counted up to {COUNT_CAP:,}; absent from cursor pages."
        )
        paged["properties"]["count_capped"] = {
            "type": "boolean",
            "description": f"True when there are more than {COUNT_CAP:,} results: page "
            "numbers then stop there; walk them all with pagination=cursor.",
        }
        return paged

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": "pagination",
                "required": False,
                "in": "query",
                "description": (
                    "pages (the default): numbered pages with a count. cursor: pages in id "
                    "order linked by next/previous, without a count, for walking a whole list; "
                    "not combined with ordering or page."
                ),
                "schema": {"type": "string", "enum": ["pages", "cursor"]},
            },
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "With pagination=cursor: a position from a next or previous link.",
                "schema": {"type": "string"},
            },
        ]


class _ReadPaginator(Paginator):
    """Django's paginator over a page already read, whose total is known."""

    def __init__(self, rows: list, count: int, per_page: int) -> None:
        super().__init__(rows, per_page)
        self.count = count  # instead of counting the rows of object_list

    def page(self, number: int | str) -> Page:
        return self._get_page(  # type: ignore[attr-defined]  # Django's own, untyped
            self.object_list, self.validate_number(number), self
        )
