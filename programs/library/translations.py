"""An exercise's words in the patient's language, or in the clinic's with a notice saying so.

The texts live in one column per language (django-modeltranslation, `translation.py`). The
clinic writes its exercises in the source language (`MODELTRANSLATION_DEFAULT_LANGUAGE`, the
site's language: the standard library is written in it too). A translation is shown only when
it is whole: its name, its steps, and its cautions whenever the source has cautions. Otherwise
the patient sees the source text, marked as such, rather than a mix of languages or steps
without their safety points. The services refuse partial translations, so what
modeltranslation's own fallback shows agrees with this.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import F, Q
from django.utils.translation import get_supported_language_variant

from programs.library.standard import shared_cautions_in

TRANSLATED_FIELDS = ("name", "summary", "instructions", "cautions")
# What a translation must have before a patient is shown it (cautions too when the source has).
REQUIRED_FIELDS = ("name", "instructions")


def source_language() -> str:
    """The language the clinic writes its exercises in, and the one missing texts fall back to."""
    return str(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def translation_languages() -> list[str]:
    """The languages an exercise may be translated into (every site language but the source)."""
    return [code for code, _name in settings.LANGUAGES if code != source_language()]


def column(field: str, language: str) -> str:
    """The model field holding `field` in `language` (modeltranslation's naming: name_en_gb)."""
    return f"{field}_{language.replace('-', '_')}"


def lines_of(text: str) -> list[str]:
    """The steps or cautions of an exercise's text: one per non-blank line."""
    return [line for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class ExerciseText:
    """The words of one exercise in one language, and whether they are a fallback."""

    name: str
    summary: str
    instructions: str
    cautions: str
    language_shown: str
    language_requested: str
    is_fallback: bool

    @property
    def language_shown_name(self) -> str:
        """The shown language's own name ("English"), as the language menu lists it."""
        return str(dict(settings.LANGUAGES).get(self.language_shown, self.language_shown))

    @property
    def instruction_steps(self) -> list[str]:
        return lines_of(self.instructions)

    @property
    def caution_list(self) -> list[str]:
        return lines_of(self.cautions)

    @property
    def specific_cautions(self) -> list[str]:
        """The cautions other than the shared safety advice, which a handout prints once."""
        shared = shared_cautions_in(self.language_shown)
        return [c for c in self.caution_list if c not in shared]


def missing_fields(texts: Mapping[str, str], source: Mapping[str, str]) -> list[str]:
    """The fields a translation still needs before it is whole (empty when it is)."""
    needed = [*REQUIRED_FIELDS, *(["cautions"] if source.get("cautions", "").strip() else [])]
    return [field for field in needed if not texts.get(field, "").strip()]


def texts_in(exercise: Any, language: str) -> dict[str, str]:
    """The exercise's stored texts in one language, without any fallback."""
    return {
        field: getattr(exercise, column(field, language), None) or "" for field in TRANSLATED_FIELDS
    }


def supported_language(language: str) -> str | None:
    """The site language matching `language` (`es-ES` → `es`, `en` → `en-gb`), or None."""
    try:
        return get_supported_language_variant(language.replace("_", "-").lower())
    except LookupError:
        return None


def shared_cautions(language: str) -> tuple[str, ...]:
    """The safety advice many exercises share, in `language` (the source language otherwise)."""
    return shared_cautions_in(supported_language(language) or source_language())


def exercise_text(exercise: Any, language: str) -> ExerciseText:
    """The exercise's words in `language`, else in the source language with `is_fallback` set.

    Reads only the loaded row (no queries). An unknown language counts as a missing translation.
    """
    source = source_language()
    wanted = supported_language(language) or language
    texts = texts_in(exercise, source)
    shown = source
    if wanted != source:
        translated = texts_in(exercise, wanted) if wanted in translation_languages() else {}
        if translated and not missing_fields(translated, texts):
            texts, shown = translated, wanted
    return ExerciseText(
        **texts, language_shown=shown, language_requested=wanted, is_fallback=shown != wanted
    )


def fill_source_language_columns(exercise_model: Any) -> int:
    """Copy each original text column into its empty source-language column; returns rows.

    modeltranslation's `update_translation_fields` logic, taking the model so a migration can
    pass its historical one and existing databases keep every text when the columns appear.
    """
    updated = 0
    for field in TRANSLATED_FIELDS:
        target = column(field, source_language())
        empty = Q(**{f"{target}__isnull": True}) | Q(**{target: ""})
        rows = exercise_model._base_manager.filter(empty)
        if hasattr(rows, "rewrite"):  # the live model: keep F("name") the original column
            rows = rows.rewrite(False)
        updated += rows.update(**{target: F(field)})
    return updated
