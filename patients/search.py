"""Folding of names and external IDs for search: case and accents do not matter (SPEC 2.1).

A pure module: the same folding makes the stored `Patient.search_text` and the searched terms,
so "müller", "MULLER" and "Müller" find each other on PostgreSQL and SQLite alike.
"""

import unicodedata


def fold(text: str) -> str:
    """Lower-case `text` without accents: "Zoë Müller-Ångström" -> "zoe muller-angstrom"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # "ß".casefold() is already "ss"; "ø" and "ł" have no decomposition and are spelled out.
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.translate(_NO_DECOMPOSITION)


_NO_DECOMPOSITION = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})


def search_text(*, first_name: str, last_name: str, external_id: str) -> str:
    """What a patient is found by: first name, last name and external ID, folded."""
    return fold(" ".join(part for part in (first_name, last_name, external_id) if part))


def search_terms(query: str) -> list[str]:
    """The folded words of a search; a patient must contain each of them somewhere."""
    return fold(query).split()
