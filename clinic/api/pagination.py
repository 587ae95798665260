"""Page-number pagination: ?page= and ?page_size= (default 25, capped at 100)."""

from collections.abc import Sequence

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

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


class ApiPagination(PageNumberPagination):
    """Answers {count, next, previous, results}; a bad page or page size is a 400, a page past
    the end a 404."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = "Page number, from 1; a page past the last one answers 404."
    page_size_query_description = (
        "Results per page: 25 unless given; larger values are capped at 100."
    )

    def get_page_size(self, request) -> int:
        size = _positive_int(request, self.page_size_query_param)
        return min(size, self.max_page_size) if size else self.page_size

    def get_page_number(self, request, paginator) -> int:
        return _positive_int(request, self.page_query_param) or 1

    def paginate_queryset(self, queryset: QuerySet | Sequence, request, view=None) -> list:
        """The page with LIMIT, then the total as its own plain count, unless the page tells
        it: a page shorter than the page size is the last, so the total is known."""
        self.request = request
        size = self.get_page_size(request)
        number = self.get_page_number(request, None)
        offset = (number - 1) * size
        rows = list(queryset[offset : offset + size]) if offset <= MAX_OFFSET else []
        if 0 < len(rows) < size or (number == 1 and not rows):
            count = offset + len(rows)
        else:
            count = queryset.count() if isinstance(queryset, QuerySet) else len(queryset)
        try:
            self.page = _ReadPaginator(rows, count, size).page(number)
        except InvalidPage as exc:
            raise NotFound(
                self.invalid_page_message.format(page_number=number, message=str(exc))
            ) from exc
        return rows


class _ReadPaginator(Paginator):
    """Django's paginator over a page already read, whose total is known."""

    def __init__(self, rows: list, count: int, per_page: int) -> None:
        super().__init__(rows, per_page)
        self.count = count  # instead of counting the rows of object_list

    def page(self, number: int | str) -> Page:
        return self._get_page(  # type: ignore[attr-defined]  # Django's own, untyped
            self.object_list, self.validate_number(number), self
        )
