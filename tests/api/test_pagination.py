"""Long lists: counts stop at a cap ("more than"), and cursor pages walk a whole list."""

import pytest
from django.urls import reverse

from clinic.api.pagination import ApiPagination
from clinic.paging import CappedPaginator
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/patients/"


@pytest.fixture
def seven(clinic):
    return sorted(PatientFactory.create_batch(7, clinic=clinic), key=lambda p: p.pk)


def test_the_api_count_stops_at_the_cap(api, seven, monkeypatch):
    monkeypatch.setattr(ApiPagination, "count_cap", 5)
    body = api.get(LIST, {"page_size": 2}).json()
    assert (body["count"], body["count_capped"]) == (5, True)
    assert "page=2" in body["next"]
    # Page numbers stop at the cap: page 3 holds results 5-6 of "more than 5", page 4 is past it.
    assert api.get(LIST, {"page_size": 2, "page": 3}).json()["next"] is None
    assert api.get(LIST, {"page_size": 2, "page": 4}).status_code == 404


def test_under_the_cap_the_count_is_exact(api, seven):
    body = api.get(LIST, {"page_size": 2}).json()
    assert (body["count"], body["count_capped"]) == (7, False)


def test_cursor_pages_walk_every_patient_once_in_id_order_without_a_count(api, seven):
    url, seen = f"{LIST}?pagination=cursor&page_size=3", []
    while url:
        body = api.get(url).json()
        assert "count" not in body
        seen += [patient["id"] for patient in body["results"]]
        url = body["next"]
    assert seen == [patient.pk for patient in seven]


def test_cursor_pages_keep_the_filters(api, clinic, seven):
    PatientFactory(clinic=clinic, last_name="Zyzzyva")
    body = api.get(LIST, {"pagination": "cursor", "q": "zyzz"}).json()
    assert [patient["last_name"] for patient in body["results"]] == ["Zyzzyva"]


@pytest.mark.parametrize(
    "params",
    [
        {"pagination": "everything"},
        {"pagination": "cursor", "ordering": "-id"},
        {"pagination": "cursor", "page": "2"},
    ],
)
def test_a_bad_pagination_is_a_400_naming_it(api, seven, params):
    response = api.get(LIST, params)
    assert response.status_code == 400
    assert list(response.json()) == ["pagination"]


def test_the_schema_documents_cursor_pages_and_the_capped_count(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/patients/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"pagination", "cursor", "page", "page_size"} <= names
    page = schema["components"]["schemas"]["PaginatedPatientList"]["properties"]
    assert "count_capped" in page


def test_the_web_list_says_more_than_past_the_cap(clinician_client, seven, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    response = clinician_client.get(reverse("patients:list"))
    html = response.content.decode()
    assert "More than 5 patients" in html
    assert response.context["page"].paginator.is_capped


def test_the_web_list_counts_exactly_under_the_cap(clinician_client, seven):
    response = clinician_client.get(reverse("patients:list"))
    assert "7 patients" in response.content.decode()
    assert not response.context["page"].paginator.is_capped
