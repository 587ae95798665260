"""Page-number pagination: ?page= and ?page_size= (default 25, capped at 100)."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


def _positive_int(request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ValidationError({name: ["Enter a whole number of 1 or more."]})
    return int(raw)


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
