"""Pictures of the standard exercises, drawn by the project from one posed figure.

`figure` poses the body (pure geometry), `poses` gives each exercise its start and end
position and its text alternative, `layout` places both positions, the arrow, the floor or
wall and the labels on a 320-unit wide drawing, and `templates/library/picture.svg` draws it.
`manage.py draw_exercise_pictures` writes the results to `static/img/exercises/`, where the
pages, the handout and the PDF take them from; a test fails when a file there is out of date.
"""

from django.template.loader import render_to_string
from django.utils import translation

from programs.library.pictures.layout import Picture, PictureSpec, layout
from programs.library.pictures.poses import PICTURE_BY_SLUG, PICTURES

__all__ = ["PICTURES", "PICTURE_BY_SLUG", "Picture", "PictureSpec", "alt_text", "layout", "svg"]


def svg(spec: PictureSpec) -> str:
    """The SVG document of one exercise's picture, in English.

    The file is shipped once under static/ for every language; pages give the <img> the
    description in the reader's language (`alt_text`).
    """
    with translation.override("en"):
        return render_to_string("library/picture.svg", {"picture": layout(spec)})


def alt_text(illustration: str) -> str:
    """The text alternative of a picture shipped under static/, in the active language ('' when
    it is not ours)."""
    stem = illustration.rsplit("/", 1)[-1].removesuffix(".svg")
    spec = PICTURE_BY_SLUG.get(stem)
    return str(spec.alt) if spec else ""
