"""Exercises API: the standard library plus the clinic's own, by slug; filters; queries."""

import pytest

from clinic.services import Actor
from programs.library.models import Exercise
from programs.library.services import exercise_create
from tests.factories import ClinicFactory, ClinicianFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/exercises/"
FIELDS = {
    "slug",
    "name",
    "summary",
    "instructions",
    "cautions",
    "category",
    "position",
    "progression_order",
    "max_tier",
    "loads_flexion",
    "illustration",
    "clinic_own",
}


def _own_exercise(clinic, name="Seated twist"):
    admin = ClinicianFactory(clinic=clinic)
    return exercise_create(
        actor=Actor(clinic=clinic, user=admin.user),
        name=name,
        instructions="Kneel on all fours.\nArch and round the back slowly.\nRepeat.",
        category="mobility",
        position="quadruped",
        progression_order=1,
        dosage_profile="standing_extension",
        max_tier="moderate",
    )


def test_list_has_the_library_and_the_clinics_own(api, clinic):
    own = _own_exercise(clinic)
    _own_exercise(ClinicFactory(), name="Secret stretch")
    body = api.get(LIST, {"page_size": 100}).json()
    slugs = [row["slug"] for row in body["results"]]
    assert body["count"] == Exercise.objects.filter(clinic=None).count() + 1
    assert own.slug in slugs and "secret-stretch" not in slugs
    assert slugs[0] == "prone-lying"  # extension first, in progression order
    assert set(body["results"][0]) == FIELDS
    assert body["results"][0]["illustration"].endswith(".svg")
    assert {row["clinic_own"] for row in body["results"]} == {True, False}


def test_filters(api, clinic):
    core = api.get(LIST, {"category": "core", "page_size": 100}).json()["results"]
    assert core and {row["category"] for row in core} == {"core"}
    prone = api.get(LIST, {"position": "prone"}).json()["results"]
    assert {row["slug"] for row in prone} >= {"prone-lying", "prone-on-elbows"}
    assert api.get(LIST, {"category": "cardio"}).status_code == 400
    assert "position" in api.get(LIST, {"position": "upside-down"}).json()


def test_detail_by_slug(api, clinic):
    body = api.get(f"{LIST}prone-on-elbows/").json()
    assert set(body) == FIELDS
    assert any("10 seconds" in step for step in body["instructions"])
    assert body["max_tier"] == "severe" and body["clinic_own"] is False


def test_another_clinics_exercise_is_404(api, clinic):
    theirs = _own_exercise(ClinicFactory(), name="Secret stretch")
    assert api.get(f"{LIST}{theirs.slug}/").status_code == 404
    assert api.get(f"{LIST}no-such-exercise/").status_code == 404


def test_exercises_need_credentials(anonymous, clinic):
    assert anonymous.get(LIST).status_code == 401
    assert anonymous.get(f"{LIST}prone-lying/").status_code == 401


def test_exercises_are_read_only(api, read_key_api):
    for client in (api, read_key_api):
        assert client.post(LIST, {"slug": "x"}).status_code in (403, 405)
    assert api.post(LIST, {"slug": "x"}).status_code == 405


@pytest.mark.parametrize("rows", [1, 50])
def test_list_query_count_is_constant(api, clinic, django_assert_max_num_queries, rows):
    exercises = Exercise.objects.filter(clinic=None)
    for n in range(max(rows - exercises.count(), 0)):
        _own_exercise(clinic, name=f"Own exercise {n}")
    page_size = rows
    api.get(LIST)
    with django_assert_max_num_queries(4):
        response = api.get(LIST, {"page_size": page_size})
    assert len(response.json()["results"]) == rows


def test_search_and_tier_filters(api):
    found = api.get(LIST, {"q": "bridge", "tier": "none"}).json()["results"]
    assert [row["slug"] for row in found] == ["glute-bridge", "side-bridge", "bridge-march"]
    severe = api.get(LIST, {"tier": "severe"}).json()["results"]
    assert {row["max_tier"] for row in severe} == {"severe"}


def test_a_bad_tier_answers_400(api):
    response = api.get(LIST, {"tier": "worst"})
    assert response.status_code == 400 and "tier" in response.json()
