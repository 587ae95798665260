"""Template tags for an exercise's words in the page's language."""

from typing import Any

from django import template
from django.utils.translation import get_language

from programs.library.translations import ExerciseText, exercise_text

register = template.Library()


@register.simple_tag
def exercise_text_in_page_language(exercise: Any) -> ExerciseText:
    """The exercise's words in the active language, or the clinic's, marked as a fallback."""
    return exercise_text(exercise, get_language() or "")
