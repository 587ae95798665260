"""Template access to an education page in the reader's language (programs.education.reading)."""

from django import template

from programs.education.models import EducationPage
from programs.education.reading import language_name, page_text_for_reader
from programs.education.texts import PageText

register = template.Library()


@register.simple_tag
def page_text(page: EducationPage) -> PageText:
    """`{% page_text page as text %}`: text.title, .summary, .blocks, .language, .is_fallback."""
    return page_text_for_reader(page)


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    """ "en-gb" → "English", in the reader's language."""
    return language_name(code)
