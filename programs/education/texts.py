"""Which language's text of an education page a reader gets (pure: no ORM, no settings).

A page is translated into a language only when its title, summary and body all exist in it:
a patient never reads half a page in one language and half in another. Otherwise the page is
shown in the clinic's language, and `is_fallback` tells the template to say so.
"""

from dataclasses import dataclass
from typing import Any

from modeltranslation.utils import build_localized_fieldname

TRANSLATED_FIELDS = ("title", "summary", "body")


def body_blocks(body: str) -> list[tuple[str, list[str]]]:
    """A body as ("p", [text]) paragraphs and ("ul", [items]) lists, for the template."""
    blocks: list[tuple[str, list[str]]] = []
    for chunk in body.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        prose = [line for line in lines if not line.startswith("- ")]
        if prose:
            blocks.append(("p", [" ".join(prose)]))
        if items:
            blocks.append(("ul", items))
    return blocks


@dataclass(frozen=True)
class PageText:
    """The text a reader gets, the language it is in, and whether it stands in for theirs."""

    title: str
    summary: str
    body: str
    language: str
    is_fallback: bool

    @property
    def blocks(self) -> list[tuple[str, list[str]]]:
        return body_blocks(self.body)


def localized_field(field: str, language: str) -> str:
    """The column holding `field` in `language` ("title", "en-gb" → "title_en_gb")."""
    return build_localized_fieldname(field, language)


def translation_of(page: Any, language: str) -> dict[str, str] | None:
    """The page's title, summary and body in `language`, or None unless all three exist."""
    texts = {
        field: (getattr(page, localized_field(field, language), None) or "").strip()
        for field in TRANSLATED_FIELDS
    }
    return texts if all(texts.values()) else None


def page_text(page: Any, language: str, *, fallback_language: str) -> PageText:
    """The page in `language` when translated, else in `fallback_language`, flagged as such."""
    texts = translation_of(page, language)
    if texts is not None:
        return PageText(**texts, language=language, is_fallback=False)
    fallback = {
        field: (getattr(page, localized_field(field, fallback_language), None) or "").strip()
        for field in TRANSLATED_FIELDS
    }
    return PageText(
        **fallback, language=fallback_language, is_fallback=language != fallback_language
    )
