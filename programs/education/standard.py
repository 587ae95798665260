"""The education pages every clinic's patients can read, written for patients (SPEC 2.8).

Plain English at about a 12-year-old reading level, one text file per page in `pages/`
(prose reads better there than in Python strings). The Spanish, French and German versions
sit in `pages/<language>/`: the same body files, and `titles.toml` for titles and summaries.
Each page names its sources. The traffic light is the one of `programs.followup.progression`
(0–3 green, 4–5 amber, 6 or more red).
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils import translation

PAGES_DIR = Path(__file__).resolve().parent / "pages"

NICE_NG59 = (
    "NICE guideline NG59: Low back pain and sciatica in over 16s: assessment and management "
    "(2016, updated 2020)"
)
HSE_INDG143 = "Health and Safety Executive INDG143: Manual handling at work (2020)"
NHS_BACK_PAIN = "NHS: Back pain (nhs.uk)"
NHS_CAUDA_EQUINA = "NHS: Cauda equina syndrome (nhs.uk)"
MCGILL = "McGill SM. Low Back Disorders, 3rd ed. (2016)"
MCKENZIE = "McKenzie R, May S. The Lumbar Spine: Mechanical Diagnosis and Therapy (2003)"


@dataclass(frozen=True)
class StandardPage:
    slug: str
    title: str
    summary: str
    sources: tuple[str, ...]
    order: int

    @property
    def body(self) -> str:
        """The text, from pages/<slug>.txt: paragraphs apart by a blank line, "- " list items."""
        return (PAGES_DIR / f"{self.slug}.txt").read_text(encoding="utf-8").strip()


STANDARD_PAGES: tuple[StandardPage, ...] = (
    StandardPage(
        slug="everyday-back-care",
        title="Looking after your back every day",
        summary="How to bend, lift, move and pace yourself while your back gets better.",
        sources=(NICE_NG59, HSE_INDG143, NHS_BACK_PAIN),
        order=1,
    ),
    StandardPage(
        slug="why-exercise-helps",
        title="Why these exercises help",
        summary="How extension and core exercises make the muscles that hold your spine stronger.",
        sources=(NICE_NG59, MCKENZIE, MCGILL),
        order=2,
    ),
    StandardPage(
        slug="pain-during-exercise",
        title="How much pain is OK during exercise",
        summary="The traffic light: when to carry on, when to take care, and when to stop.",
        sources=(NICE_NG59, MCKENZIE),
        order=3,
    ),
    StandardPage(
        slug="surgery",
        title="Will I need an operation?",
        summary="Most back problems get better without surgery.",
        sources=(NICE_NG59, NHS_BACK_PAIN),
        order=4,
    ),
    StandardPage(
        slug="when-to-get-help",
        title="When to get help urgently",
        summary="Rare signs that need a doctor at once.",
        sources=(NICE_NG59, NHS_CAUDA_EQUINA),
        order=5,
    ),
)


TRANSLATED_LANGUAGES = ("es", "fr", "de")


def translations_of(page: StandardPage) -> dict[str, dict[str, str]]:
    """The page's title, summary and body in each translated language."""
    texts: dict[str, dict[str, str]] = {}
    for language in TRANSLATED_LANGUAGES:
        folder = PAGES_DIR / language
        with (folder / "titles.toml").open("rb") as titles:
            heading = tomllib.load(titles)[page.slug]
        texts[language] = {
            "title": heading["title"],
            "summary": heading["summary"],
            "body": (folder / f"{page.slug}.txt").read_text(encoding="utf-8").strip(),
        }
    return texts


def seed_standard_pages(page_model: Any) -> None:
    """Create or update the standard pages, translations included where the model has them.

    Takes the model so migrations can pass theirs: one from before the translation columns
    gets the English only. Every text column is named explicitly, and the English is also
    written to the original columns, so the result does not depend on the active language.
    """
    columns = {field.name for field in page_model._meta.get_fields()}
    for page in STANDARD_PAGES:
        english = {"title": page.title, "summary": page.summary, "body": page.body}
        texts = {f"{field}_en_gb": value for field, value in english.items()}
        for language, translated in translations_of(page).items():
            texts |= {f"{field}_{language}": value for field, value in translated.items()}
        with translation.override("en-gb"):
            page_model.objects.update_or_create(
                clinic=None,
                slug=page.slug,
                defaults={
                    **english,
                    **{column: value for column, value in texts.items() if column in columns},
                    "sources": "\n".join(page.sources),
                    "order": page.order,
                },
            )
