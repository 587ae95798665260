"""A search of words of three letters or more is sorted after the trigram index finds its
matches, and its pages are read ids first (clinic.paging): the same patients, in the same
name order, page after page, in a fixed number of queries."""

import random

import pytest
from django.urls import reverse

from clinic.paging import CappedPaginator
from patients.filters import PatientFilterSet, sorts_its_matches
from patients.selectors import patients_of
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/patients/"


@pytest.fixture
def kellys(clinic):
    """Matches of "kel" in every part of the name, made out of order; others that do not."""
    names = [(f"Kel{tail}", first) for tail in "zbma" for first in ("Uma", "Ada", "Ben")]
    names += [("Ashkelton", "Zoe"), ("Orr", "Mikel"), ("Kelby", "Ada")]  # a tie: Kelby, Ada
    random.Random(16).shuffle(names)
    matched = [
        PatientFactory(clinic=clinic, last_name=last, first_name=first) for last, first in names
    ]
    # Named in full: a random first name may hold "kel" (Kelly, Mikel) and match too.
    for last in ("Barton", "Zelwood", "Kemp"):
        PatientFactory(clinic=clinic, last_name=last, first_name="Ann")
    return sorted(matched, key=lambda p: (p.last_name, p.first_name, p.pk))


def test_which_searches_sort_their_matches():
    assert sorts_its_matches("kel") and sorts_its_matches("KEL smith")
    assert not sorts_its_matches("ke") and not sorts_its_matches("kel s")
    assert not sorts_its_matches("") and not sorts_its_matches("   ")


def test_pages_read_ids_first_hold_the_same_rows(clinic, kellys):
    rows = PatientFilterSet({"q": "kel"}, queryset=patients_of(clinic=clinic)).qs
    for number in (1, 2, 3):
        plain = CappedPaginator(rows, 6).page(number)
        first = CappedPaginator(rows, 6, ids_first=True).page(number)
        assert list(first.object_list) == list(plain.object_list)
        assert first.object_list[0].latest_assessment is not None  # joined as before
    assert [p.pk for p in CappedPaginator(rows, 6, ids_first=True).page(3)] == [
        p.pk for p in kellys[12:]
    ]


def test_the_web_search_lists_matches_by_name(clinician_client, kellys):
    page = clinician_client.get(reverse("patients:list"), {"q": "KEL"}).context["page"]
    assert page.paginator.count == len(kellys)
    assert list(page.object_list) == kellys


def test_the_api_search_lists_matches_by_name_page_after_page(api, kellys):
    listed = []
    for number in (1, 2, 3):
        body = api.get(LIST, {"q": "kel", "page_size": 6, "page": number}).json()
        assert body["count"] == len(kellys)
        listed += [row["id"] for row in body["results"]]
    assert listed == [p.pk for p in kellys]
    ordered = api.get(LIST, {"q": "kel", "ordering": "-first_name", "page_size": 100}).json()
    firsts = [row["first_name"] for row in ordered["results"]]
    assert firsts == sorted(firsts, reverse=True)  # an ordering asked for still applies


@pytest.mark.parametrize("rows", [1, 50])
def test_the_search_query_count_is_constant(
    clinician_client, clinic, django_assert_max_num_queries, rows
):
    PatientFactory.create_batch(rows, clinic=clinic, last_name="Kelby")
    # as the list (test_views), with the page's ids read before its rows
    with django_assert_max_num_queries(10):
        response = clinician_client.get(reverse("patients:list"), {"q": "kel"})
    assert len(response.context["page"].object_list) == min(rows, 25)


def test_pages_past_the_first_skip_rows_without_joining_them(clinic, kellys):
    """With OFFSET, one query joined every skipped row with its assessment (10,000 for the last
    page at 100,000 patients); a page past the first reads its ids alone, then its rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = patients_of(clinic=clinic)  # the plain list, not a search
    everyone = list(rows)
    for number in (2, 3):
        with CaptureQueriesContext(connection) as queries:
            page = CappedPaginator(rows, 6).page(number)
        assert list(page.object_list) == everyone[(number - 1) * 6 : number * 6]
        skipping = [q["sql"] for q in queries.captured_queries if "OFFSET" in q["sql"]]
        assert skipping and all("JOIN" not in sql for sql in skipping)
