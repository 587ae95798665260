"""Education pages in the patient's language: the standard pages translated, the clinic's
language with a notice when a translation is missing, and clinics translating their own."""

from importlib import import_module
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import translation

from clinic.models import AuditLog
from clinic.services import Actor
from programs.education.models import EducationPage
from programs.education.reading import language_name
from programs.education.services import education_page_create, education_page_translate
from programs.education.standard import STANDARD_PAGES
from programs.education.texts import body_blocks, page_text
from tests.factories import ClinicFactory, portal_client_for

pytestmark = pytest.mark.django_db

TRANSLATED = ("es", "fr", "de")
MIGRATIONS = Path(import_module("programs.education.migrations").__file__).parent

PAGE = {
    "title": "Sleeping comfortably",
    "summary": "Positions that ease back pain at night.",
    "body": "A pillow between your knees can help.\n\n- On your side\n- On your back",
    "sources": "Our clinic's physiotherapy team\nNICE NG59",
}
SPANISH = {
    "title_es": "Dormir cómodo",
    "summary_es": "Posturas que alivian el dolor de espalda por la noche.",
    "body_es": "Una almohada entre las rodillas puede ayudar.\n\n- De lado\n- Boca arriba",
}

# The emergency signs of when-to-get-help, as each translation must keep them (SPEC 2.2):
# numbness in the saddle area, bladder or bowel changes, weakness in both legs, sexual
# function; then emergency care now (112 across Europe, 999 in the UK).
EMERGENCY_WORDS = {
    "es": ("genitales", "orinar", "hace de vientre", "dos piernas", "urgencias", "112", "999"),
    "fr": ("organes génitaux", "uriner", "selle", "deux jambes", "urgences", "112", "999"),
    "de": ("Genitalien", "Wasser lassen", "Stuhlgang", "beiden Beinen", "Notaufnahme", "112"),
}
PROGRESSIVE_WEAKNESS = {
    "en_gb": "weakness in a leg that is getting worse",
    "es": "debilidad en una pierna que va a peor",
    "fr": "une faiblesse dans une jambe qui s’aggrave",
    "de": "Schwäche in einem Bein, die immer stärker wird",
}
TRAFFIC_LIGHT = {
    "es": ("Verde, de 0 a 3", "Ámbar, 4 o 5", "Rojo, 6 o más"),
    "fr": ("Vert, de 0 à 3", "Orange, 4 ou 5", "Rouge, 6 ou plus"),
    "de": ("Grün, 0 bis 3", "Gelb, 4 oder 5", "Rot, 6 oder mehr"),
}


def _text(response):
    return " ".join(response.content.decode().split())


def _get_in(client, url, language):
    """A page as a reader of `language` asks for it (cookie and header for LocaleMiddleware)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        return client.get(url, headers={"accept-language": language})


def _patient_reads(patient, url, language):
    """A portal page as a patient who chose `language` reads it: the patient's choice, not the
    browser's, sets the portal's language."""
    patient.language = language
    patient.save(update_fields=["language"])
    return portal_client_for(patient).get(url)


def _notice(language):
    with translation.override(language):
        return translation.gettext("Not yet translated: shown in %(language)s") % {
            "language": language_name(settings.LANGUAGE_CODE)
        }


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_standard_page_is_translated_whole_and_keeps_the_english_shape(language):
    for standard in STANDARD_PAGES:
        page = EducationPage.objects.get(clinic=None, slug=standard.slug)
        title, summary, body = (
            getattr(page, f"{f}_{language}") for f in ("title", "summary", "body")
        )
        assert title and summary and body, (standard.slug, language)
        assert (title, summary, body) != (standard.title, standard.summary, standard.body)
        english, translated = body_blocks(standard.body), body_blocks(body)
        # Same paragraphs and list items: no advice dropped or added in translation.
        assert [(kind, len(lines)) for kind, lines in translated] == [
            (kind, len(lines)) for kind, lines in english
        ], (standard.slug, language)
        assert page.title_en_gb == standard.title and page.body_en_gb == standard.body


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_translations_keep_the_safety_advice_and_the_traffic_light_exact(language):
    """Progressive leg weakness is an emergency (SPEC 2.2), in English as in translation."""
    urgent = EducationPage.objects.get(clinic=None, slug="when-to-get-help")
    body = getattr(urgent, f"body_{language}")
    assert all(word in body for word in EMERGENCY_WORDS[language]), language
    emergency_signs = body_blocks(body)[1]
    assert emergency_signs[0] == "ul" and len(emergency_signs[1]) == 5
    assert PROGRESSIVE_WEAKNESS[language] in emergency_signs[1]
    light = getattr(EducationPage.objects.get(slug="pain-during-exercise"), f"body_{language}")
    assert all(band in light for band in TRAFFIC_LIGHT[language])
    english = body_blocks(urgent.body_en_gb)[1][1]
    assert PROGRESSIVE_WEAKNESS["en_gb"] in english and len(english) == 5


def test_page_text_takes_a_translation_whole_or_falls_back_saying_so():
    page = SimpleNamespace(
        title_en_gb="Walking", summary_en_gb="Why walks help.", body_en_gb="Walk daily.",
        title_es="Caminar", summary_es="Por qué ayuda caminar.", body_es="Camine cada día.",
        title_fr="Marcher", summary_fr="", body_fr="Marchez chaque jour.",
    )  # fmt: skip
    spanish = page_text(page, "es", fallback_language="en-gb")
    assert (spanish.title, spanish.body, spanish.is_fallback) == (
        "Caminar",
        "Camine cada día.",
        False,
    )
    # French lacks its summary: the whole page is shown in English, never a mix.
    french = page_text(page, "fr", fallback_language="en-gb")
    assert (french.title, french.summary, french.language) == (
        "Walking",
        "Why walks help.",
        "en-gb",
    )
    assert french.is_fallback
    assert page_text(page, "de", fallback_language="en-gb").is_fallback
    assert not page_text(page, "en-gb", fallback_language="en-gb").is_fallback


def test_a_patient_reads_a_translated_page_in_their_language(patient):
    url = reverse("portal:learn_page", args=["when-to-get-help"])
    response = _patient_reads(patient, url, "es")
    page = _text(response)
    assert "entumecimiento u hormigueo alrededor de las nalgas" in page
    assert 'lang="es"' in page and 'data-testid="translation-fallback"' not in page
    assert "numbness or tingling" not in page and "NICE guideline NG59" in page


def test_an_untranslated_page_is_shown_in_the_clinics_language_with_a_notice(
    clinician_client, actor, patient
):
    page = education_page_create(actor=actor, **PAGE)
    for response in (
        _get_in(clinician_client, reverse("education:page_detail", args=[page.slug]), "fr"),
        _patient_reads(patient, reverse("portal:learn_page", args=[page.slug]), "fr"),
    ):
        text = _text(response)
        assert 'data-testid="translation-fallback"' in text and _notice("fr") in text
        assert "A pillow between your knees can help." in text and 'lang="en-gb"' in text


def test_the_clinician_reads_the_standard_page_in_their_language(clinician_client):
    url = reverse("education:page_detail", args=["surgery"])
    text = _text(_get_in(clinician_client, url, "de"))
    assert "Brauche ich eine Operation?" in text and "Spondylodese" in text
    assert 'data-testid="translation-fallback"' not in text


def test_the_form_offers_each_language_folded_away(clinician_client):
    text = _text(clinician_client.get(reverse("education:page_list")))
    for language in TRANSLATED:
        assert f'data-testid="translation-{language}"' in text
    assert 'name="title_es"' in text and 'name="body_de"' in text
    assert "<details" in text and "<details open" not in text


def test_the_form_saves_a_clinics_translation(clinician_client, clinic, patient):
    response = clinician_client.post(reverse("education:page_list"), PAGE | SPANISH)
    assert response.status_code == 302
    page = EducationPage.objects.get(clinic=clinic)
    assert (page.title_en_gb, page.title_es) == ("Sleeping comfortably", "Dormir cómodo")
    assert page.body_es == SPANISH["body_es"] and page.title_fr is None
    assert "translated: es" in AuditLog.objects.get(object_type="EducationPage").summary
    text = _text(_patient_reads(patient, reverse("portal:learn_page", args=[page.slug]), "es"))
    assert "Una almohada entre las rodillas" in text and "De lado" in text
    assert 'data-testid="translation-fallback"' not in text


@pytest.mark.parametrize(
    ("changes", "message", "opened"),
    [
        # Half a translation: the patient would read the page half in each language.
        ({"title_fr": "Bien dormir"}, "leave the whole French translation empty", "fr"),
        (SPANISH | {"summary_es": "   "}, "leave the whole Spanish translation empty", "es"),
        (SPANISH | {"title_es": "x" * 121}, "at most 120 characters", "es"),
        (SPANISH | {"title": ""}, "This field is required", None),
    ],
)
def test_bad_translations_are_refused_clearly_and_nothing_is_added(
    clinician_client, clinic, changes, message, opened
):
    response = clinician_client.post(reverse("education:page_list"), PAGE | changes)
    text = _text(response)
    assert response.status_code == 400 and message in text
    # The language with the mistake is unfolded, so the clinician sees where it is.
    assert [lang for lang in TRANSLATED if f'data-testid="translation-{lang}" open>' in text] == (
        [opened] if opened else []
    )
    assert not EducationPage.objects.filter(clinic=clinic).exists()
    assert not AuditLog.objects.filter(object_type="EducationPage").exists()


def test_the_service_refuses_an_unknown_language_and_writes_the_source_column(actor, clinic):
    with pytest.raises(ValidationError, match="not translated into"):
        education_page_create(actor=actor, **PAGE, translations={"it": {"title": "Dormire"}})
    assert not EducationPage.objects.filter(clinic=clinic).exists()
    # A clinician whose screen is in Spanish still writes the clinic's language column.
    with translation.override("es"):
        page = education_page_create(actor=actor, **PAGE)
    page.refresh_from_db()
    assert page.title_en_gb == "Sleeping comfortably" and page.title_es is None


def test_the_migration_keeps_existing_pages_text_in_the_clinics_language(actor, clinic):
    """Run on a database from before translations: each page's text lands in the English
    column, and the standard pages get their translations."""
    name = next(p.stem for p in MIGRATIONS.glob("*_education_translations.py"))
    migration = import_module(f"programs.education.migrations.{name}")
    # The models as the migration sees them: plain columns, no modeltranslation rewriting.
    state = MigrationLoader(connection).project_state(("education", name))
    page = education_page_create(actor=actor, **PAGE)
    EducationPage.objects.filter(pk=page.pk).update(title_en_gb=None, body_en_gb=None)
    EducationPage.objects.filter(clinic=None).update(title_es=None, body_de=None)
    migration.copy_source_text(state.apps, None)
    page.refresh_from_db()
    assert (page.title_en_gb, page.body_en_gb) == (PAGE["title"], PAGE["body"])
    surgery = EducationPage.objects.get(clinic=None, slug="surgery")
    assert surgery.title_es == "¿Necesitaré una operación?" and "Spondylodese" in surgery.body_de


def test_a_clinic_translates_its_existing_page_and_can_take_a_translation_back(
    clinician_client, actor, patient
):
    page = education_page_create(actor=actor, **PAGE)
    url = reverse("education:page_translations", args=[page.slug])
    detail = _text(clinician_client.get(reverse("education:page_detail", args=[page.slug])))
    assert url in detail
    assert 'name="title_de"' in _text(clinician_client.get(url))
    response = clinician_client.post(url, SPANISH)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_es == "Dormir cómodo" and page.title_en_gb == PAGE["title"]
    row = AuditLog.objects.get(object_type="EducationPage", action="change")
    assert {"field": "title_es", "old": None, "new": "Dormir cómodo"} in row.changes
    learn_url = reverse("portal:learn_page", args=[page.slug])
    assert "Una almohada" in _text(_patient_reads(patient, learn_url, "es"))
    # The form shows what is saved; emptying a language takes its translation away.
    assert 'value="Dormir cómodo"' in _text(clinician_client.get(url))
    clinician_client.post(url, {name: "" for name in SPANISH})
    page.refresh_from_db()
    assert page.title_es is None and page.body_es is None
    assert _notice("es") in _text(_patient_reads(patient, learn_url, "es"))


def test_a_bad_translation_of_an_existing_page_changes_nothing(clinician_client, actor):
    page = education_page_create(actor=actor, **PAGE | {"translations": {"es": {
        "title": "Dormir", "summary": "Posturas.", "body": "Almohada.",
    }}})  # fmt: skip
    url = reverse("education:page_translations", args=[page.slug])
    response = clinician_client.post(url, {"title_es": "", "summary_es": "Otra", "body_es": ""})
    text = _text(response)
    assert response.status_code == 400 and "leave the whole Spanish translation empty" in text
    assert 'data-testid="translation-es" open>' in text
    page.refresh_from_db()
    assert (page.title_es, page.summary_es) == ("Dormir", "Posturas.")
    assert not AuditLog.objects.filter(object_type="EducationPage", action="change").exists()


def test_only_the_clinics_own_pages_can_be_translated(clinician_client, actor):
    other = education_page_create(
        actor=Actor(clinic=ClinicFactory(), user=actor.user), **PAGE | {"title": "Secret"}
    )
    for slug in ("surgery", other.slug):
        url = reverse("education:page_translations", args=[slug])
        assert clinician_client.get(url).status_code == 404
        assert clinician_client.post(url, SPANISH).status_code == 404
    assert EducationPage.objects.get(slug="surgery").title_es == "¿Necesitaré una operación?"
    with pytest.raises(ValidationError, match="own pages"):
        education_page_translate(
            actor=actor, page=EducationPage.objects.get(slug="surgery"), translations={}
        )
