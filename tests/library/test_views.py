"""The library pages: search and filters, and each exercise's page with its defaults per tier."""

import pytest
from django.urls import reverse

from programs.library.models import Exercise
from tests.factories import ClinicFactory
from tests.library.test_api import _own_exercise

pytestmark = pytest.mark.django_db

LIST = reverse("library:exercise_list")


def _names(response):
    return [e.slug for e in response.context["exercises"]]


def test_the_library_lists_all_twenty_two_standard_exercises_with_pictures(clinician_client):
    response = clinician_client.get(LIST)
    assert len(_names(response)) == 22
    page = response.content.decode()
    assert 'alt="On hands and knees with a flat back' in page  # the bird-dog's description
    assert page.count('class="card-img-top exercise-picture"') == 22


def test_search_by_name_is_case_insensitive_and_word_by_word(clinician_client):
    assert _names(clinician_client.get(LIST, {"q": "BRIDGE"})) == [
        "glute-bridge",
        "side-bridge",
        "bridge-march",
    ]
    assert _names(clinician_client.get(LIST, {"q": "flexor STRETCH"})) == ["hip-flexor-stretch"]
    assert _names(clinician_client.get(LIST, {"q": "no such thing"})) == []


def test_filter_by_tier_keeps_what_may_be_prescribed_there(clinician_client):
    severe = set(_names(clinician_client.get(LIST, {"tier": "severe"})))
    assert severe == {
        "prone-lying",
        "prone-on-elbows",
        "standing-back-extension",
        "abdominal-bracing",
    }
    moderate = set(_names(clinician_client.get(LIST, {"tier": "moderate"})))
    assert moderate == severe | {"prone-press-up", "standing-head-chest-extension"}
    everything = set(_names(clinician_client.get(LIST, {"tier": "none"})))
    assert len(everything) == 22


def test_filters_combine(clinician_client):
    slugs = _names(
        clinician_client.get(LIST, {"category": "mobility", "position": "supine", "tier": "mild"})
    )
    assert slugs == ["pelvic-tilt", "knee-to-chest", "lower-trunk-rotation", "hamstring-stretch"]


def test_a_bad_filter_answers_a_clear_error_and_the_whole_library(clinician_client):
    response = clinician_client.get(LIST, {"tier": "worst"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert len(_names(response)) == 22


def test_an_exercise_page_shows_its_defaults_per_tier_and_source(clinician_client):
    response = clinician_client.get(reverse("library:exercise_detail", args=["prone-on-elbows"]))
    page = response.content.decode()
    assert "McKenzie" in page
    defaults = response.context["defaults"]
    assert [label for label, _ in defaults] == ["prevention", "mild", "moderate", "severe"]
    assert all(d is not None and d.hold_seconds >= 10 for _, d in defaults)
    assert "5 reps, hold 10 s, 2× a day, 7 days a week" in page  # tier severe


def test_a_library_only_exercise_shows_where_it_is_not_prescribed(clinician_client):
    response = clinician_client.get(reverse("library:exercise_detail", args=["knee-to-chest"]))
    defaults = dict(response.context["defaults"])
    assert defaults["severe"] is None and defaults["moderate"] is None
    assert defaults["mild"].hold_seconds == 20
    page = response.content.decode()
    assert "herniated or bulging disc" in page and "Williams" in page
    assert "added by the clinician, not generated" in page


def test_another_clinics_exercise_is_a_404(clinician_client, clinic):
    other = _own_exercise(ClinicFactory(), name="Secret stretch")
    url = reverse("library:exercise_detail", args=[other.slug])
    assert clinician_client.get(url).status_code == 404
    mine = _own_exercise(clinic, name="Our stretch")
    assert (
        clinician_client.get(reverse("library:exercise_detail", args=[mine.slug])).status_code
        == 200
    )


def test_library_pages_need_a_clinician(client):
    url = reverse("library:exercise_detail", args=["bird-dog"])
    assert client.get(url).status_code == 302


def test_every_standard_exercise_row_has_a_source():
    assert not Exercise.objects.filter(clinic=None, source="").exists()
    assert Exercise.objects.filter(clinic=None, in_generated_program=False).count() == 12


def test_every_picture_shown_carries_its_movement_description(clinician_client, patient):
    """The library, the program page and the handout give each picture its description."""
    from django.utils.html import escape

    from programs.library.pictures import PICTURE_BY_SLUG
    from tests.factories import program_factory

    library = clinician_client.get(LIST).content.decode()
    for spec in PICTURE_BY_SLUG.values():
        assert f'alt="{escape(spec.alt)}"' in library, spec.slug
    slugs = ("prone-on-elbows", "abdominal-bracing")
    program = program_factory(patient=patient, slugs=slugs)
    for name in ("prescribing:detail", "prescribing:handout"):
        page = clinician_client.get(reverse(name, args=[program.pk])).content.decode()
        for slug in slugs:
            assert f'alt="{escape(PICTURE_BY_SLUG[slug].alt)}"' in page, (name, slug)
