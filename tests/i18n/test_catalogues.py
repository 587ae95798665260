"""No marked string is left untranslated: makemessages, run as `make messages` runs it, into a
copy of locale/, must find every msgid of Spanish, French and German translated."""

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
TRANSLATED = ("es", "fr", "de")


def messages_flags() -> list[str]:
    """The flags of `make messages`, read from the Makefile so the test runs exactly them."""
    text = (ROOT / "Makefile").read_text()
    match = re.search(r"^MESSAGES_FLAGS :=((?:.*\\\n)*.*)$", text, flags=re.M)
    assert match, "the Makefile has no MESSAGES_FLAGS"
    return shlex.split(match.group(1).replace("\\\n", " "))


def problems(po_file: Path) -> list[str]:
    """Every empty or fuzzy translation of a catalogue, and a fuzzy header."""
    with po_file.open("rb") as handle:
        catalogue = read_po(handle)
    found = ["the header is marked fuzzy"] if catalogue.fuzzy else []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"untranslated: {message.id!r}")
        elif message.fuzzy:
            found.append(f"fuzzy: {message.id!r}")
    return found


@pytest.fixture
def fresh_catalogues(tmp_path, settings, monkeypatch):
    """locale/ copied aside and refreshed from today's marked strings."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install gettext: makemessages needs xgettext (.ci/run)")
        pytest.skip("xgettext is not installed (apt-get install gettext); CI runs this test")
    # makemessages writes to the locale/ nearest each source file, so it runs in a copy of
    # the project whose sources are links and whose locale/ is a real copy.
    project = tmp_path / "project"
    project.mkdir()
    for entry in ROOT.iterdir():
        if entry.name != "locale":
            (project / entry.name).symlink_to(entry)
    locale = project / "locale"
    shutil.copytree(ROOT / "locale", locale)
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(project)
    call_command("makemessages", *messages_flags(), "--symlinks", verbosity=0)
    return locale


def test_the_test_sees_an_untranslated_string(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Today"\nmsgstr "Hoy"\n\nmsgid "Log a session"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "History"\nmsgstr "Historia"\n'
    )
    assert problems(catalogue) == ["untranslated: 'Log a session'", "fuzzy: 'History'"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_marked_string_is_translated(fresh_catalogues, language):
    po_file = fresh_catalogues / language / "LC_MESSAGES" / "django.po"
    found = problems(po_file)
    assert not found, (
        f"{language}: run `make messages` and translate these in "
        f"locale/{language}/LC_MESSAGES/django.po:\n" + "\n".join(found)
    )
