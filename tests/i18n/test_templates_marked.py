"""No template shows words outside {% translate %} / {% blocktranslate %}: what is left once
tags, variables, comments and markup are taken out must be punctuation, numbers or names."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Names and codes that read the same in every language.
NOT_WORDS = {"LOINC", "Backstrong"}

# Removed before looking for words; each keeps its line breaks so line numbers stay true.
HIDDEN = [
    re.compile(r"\{%\s*blocktranslate.*?\{%\s*endblocktranslate\s*%\}", re.S),
    re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.S),
    re.compile(r"<script.*?</script>", re.S),
    re.compile(r"<style.*?</style>", re.S),
    re.compile(r"\{#.*?#\}", re.S),
    re.compile(r"\{%.*?%\}", re.S),
    re.compile(r"\{\{.*?\}\}", re.S),
]
# Attributes a person reads or hears; checked on the portal's pages, which patients read.
SPOKEN_ATTRIBUTE = re.compile(r'\b(title|placeholder|alt|aria-label|data-t-[\w-]+)="([^"]*)"')
WORD = re.compile(r"[A-Za-z]{2,}")


def _blank(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


def _leftovers(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    for pattern in HIDDEN:
        text = pattern.sub(_blank, text)
    found = []
    if path.is_relative_to(TEMPLATES / "portal"):
        for match in SPOKEN_ATTRIBUTE.finditer(text):
            if WORD.search(match.group(2)):
                found.append(f"{match.group(0)}")
    if path.suffix == ".html":
        text = re.sub(r"<[^>]*>", _blank, text)
    for number, line in enumerate(text.split("\n"), 1):
        words = [w for w in WORD.findall(line) if w not in NOT_WORDS]
        if words and not re.fullmatch(r"\s*&[a-z]+;\s*", line):
            found.append(f"line {number}: {line.strip()}")
    return found


PATHS = sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt"})


@pytest.mark.parametrize("path", PATHS, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_every_visible_word_is_marked_for_translation(path):
    assert _leftovers(path) == []


def test_the_check_finds_unmarked_words(tmp_path, monkeypatch):
    portal = tmp_path / "portal"
    portal.mkdir()
    page = portal / "page.html"
    page.write_text(
        '{% load i18n %}<h1>{% translate "Hello" %}</h1>\n<p>Save it</p>\n'
        '<img alt="A back" src="x.png">{{ name }} · 3/10'
    )
    monkeypatch.setattr(f"{__name__}.TEMPLATES", tmp_path)
    assert _leftovers(page) == ['alt="A back"', "line 2: Save it"]
