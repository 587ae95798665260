"""The exercise pictures: one per standard exercise, up to date, readable, described in words."""

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings

from programs.library.pictures import PICTURES, alt_text, layout, svg
from programs.library.pictures.layout import (
    FONT_SIZE,
    MIN_SHOWN_WIDTH,
    NOTE_MAX_CHARS,
    START_COLOUR,
    WIDTH,
)
from programs.library.standard import STANDARD_EXERCISES

FOLDER = Path(settings.BASE_DIR) / "static" / "img" / "exercises"
SVG = "{http://www.w3.org/2000/svg}"
HOLDS_WITHOUT_MOVEMENT = {"abdominal-bracing"}  # the arrow points at what tightens
by_slug = {spec.slug: spec for spec in PICTURES}


def test_every_standard_exercise_has_a_picture_and_nothing_else_does():
    assert set(by_slug) == {e.slug for e in STANDARD_EXERCISES}
    assert {f.stem for f in FOLDER.glob("*.svg")} == set(by_slug)


@pytest.mark.parametrize("spec", PICTURES, ids=lambda s: s.slug)
def test_the_shipped_file_is_what_the_poses_draw(spec):
    # Fails when a pose changed without `manage.py draw_exercise_pictures`.
    assert (FOLDER / f"{spec.slug}.svg").read_text(encoding="utf-8") == svg(spec)


@pytest.mark.parametrize("spec", PICTURES, ids=lambda s: s.slug)
def test_each_picture_shows_start_and_end_an_arrow_the_floor_and_a_legend(spec):
    picture = layout(spec)
    if spec.slug not in HOLDS_WITHOUT_MOVEMENT:
        assert picture.start_lines or picture.start_head, "no start position drawn"
        assert all(line.colour == START_COLOUR for line in picture.start_lines)
    assert picture.end_lines and picture.arrow_path.startswith("M")
    root = ET.fromstring(svg(spec))  # noqa: S314 -- our own drawing, not untrusted input
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == spec.title
    assert root.find(f"{SVG}desc").text == spec.alt
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:2] == ["Start", "End"]
    assert root.find(f"{SVG}rect").get("y") == str(picture.floor.y)  # the floor comes first
    assert len(spec.note) <= NOTE_MAX_CHARS


@pytest.mark.parametrize("spec", PICTURES, ids=lambda s: s.slug)
def test_everything_drawn_is_inside_the_picture(spec):
    picture = layout(spec)
    for line in (*picture.start_lines, *picture.end_lines):
        for x, y in ((line.x1, line.y1), (line.x2, line.y2)):
            assert 0 <= x <= WIDTH and 30 <= y <= picture.floor.y + 1, (x, y)
    x, y = picture.end_head
    assert picture.head_radius <= x <= WIDTH - picture.head_radius


def test_labels_are_at_least_12_px_at_the_smallest_size_shown():
    assert FONT_SIZE * MIN_SHOWN_WIDTH / WIDTH >= 12


def test_the_wall_is_drawn_where_the_exercise_needs_it():
    assert layout(by_slug["wall-slide"]).wall is not None
    assert layout(by_slug["prone-lying"]).wall is None


def test_text_alternatives_describe_distinct_movements():
    alts = [spec.alt for spec in PICTURES]
    assert len(set(alts)) == len(alts)
    assert all(len(alt) >= 80 for alt in alts)
    assert alt_text("img/exercises/bird-dog.svg") == by_slug["bird-dog"].alt
    assert alt_text("img/exercises/unknown.svg") == ""


def test_the_command_draws_every_picture(settings, tmp_path):
    from django.core.management import call_command

    settings.BASE_DIR = tmp_path
    out = io.StringIO()
    call_command("draw_exercise_pictures", stdout=out)
    assert "Drew 22 pictures" in out.getvalue()
    drawn = tmp_path / "static" / "img" / "exercises"
    assert {f.stem for f in drawn.glob("*.svg")} == set(by_slug)
    assert (drawn / "bird-dog.svg").read_text(encoding="utf-8") == svg(by_slug["bird-dog"])


def test_every_standard_exercise_describes_its_movement_in_the_readers_language():
    from django.utils.functional import Promise

    from programs.library.models import Exercise

    for exercise in STANDARD_EXERCISES:
        spec = by_slug[exercise.slug]
        assert isinstance(spec.alt, Promise), f"{exercise.slug}: alt not marked for translation"
        assert str(spec.alt).strip(), f"{exercise.slug} has no description"
        model = Exercise(
            slug=exercise.slug,
            name=exercise.name,
            illustration=f"img/exercises/{exercise.slug}.svg",
        )
        assert model.illustration_alt == str(spec.alt)
    # A clinic's own exercise without one of our pictures still has a text alternative.
    assert (
        Exercise(name="Doorway lean", illustration="").illustration_alt == "Picture: Doorway lean"
    )
