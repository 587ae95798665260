"""The languages education pages are written and read in, from the project's settings.

Clinics write their pages in the source language (settings.LANGUAGE_CODE); it is the
clinic's language that a missing translation falls back to. The pure choice of text is
`programs.education.texts.page_text`.
"""

from django.conf import settings
from django.utils.translation import get_language, get_language_info, get_supported_language_variant

from programs.education.texts import PageText, page_text


def source_language() -> str:
    """The language clinics write pages in, shown when a translation is missing."""
    return str(settings.LANGUAGE_CODE)


def translation_languages() -> list[tuple[str, str]]:
    """(code, name) of each portal language a page may be translated into."""
    return [(code, name) for code, name in settings.LANGUAGES if code != source_language()]


def language_name(code: str) -> str:
    """The language's everyday name in the reader's language ("en-gb" → "English")."""
    return str(get_language_info(code.split("-")[0])["name_translated"])


def reader_language() -> str:
    """The active language, as one of the portal's languages."""
    try:
        return get_supported_language_variant(get_language() or source_language())
    except LookupError:
        return source_language()


def page_text_for_reader(page: object) -> PageText:
    """The page in the active language, or in the clinic's language with `is_fallback`."""
    return page_text(page, reader_language(), fallback_language=source_language())
