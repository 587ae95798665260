"""Exercise texts in Spanish, French and German: the standard library, a clinic's own, fallbacks."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from clinic.models import AuditLog
from programs.library.models import Exercise
from programs.library.services import exercise_create, exercise_translations_update
from programs.library.standard import (
    SHARED_CAUTIONS,
    STANDARD_EXERCISES,
    TRANSLATIONS,
    shared_cautions_in,
)
from programs.library.translations import exercise_text, fill_source_language_columns
from programs.prescribing.handout import handout_context
from programs.prescribing.models import ProgramItem
from tests.factories import ClinicFactory, program_factory
from tests.library.test_api import _own_exercise

pytestmark = pytest.mark.django_db

LANGUAGES = ("es", "fr", "de")
NOTICE = "Not yet translated: shown in English."
CREATE = reverse("library:exercise_create")
SPANISH = {
    "name": "Giro sentado",
    "summary": "",
    "instructions": "Ponte a cuatro patas.\nArquea y redondea la espalda despacio.\nRepite.",
    "cautions": "",
}


def _translations_url(exercise):
    return reverse("library:exercise_translations", args=[exercise.slug])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_standard_exercise_is_translated_line_for_line(language):
    texts = TRANSLATIONS[language]
    assert set(texts) == {e.slug for e in STANDARD_EXERCISES}
    shared = dict(zip(SHARED_CAUTIONS, shared_cautions_in(language), strict=True))
    for english in STANDARD_EXERCISES:
        own = texts[english.slug]
        assert own["name"].strip() and own["summary"].strip(), english.slug
        assert len(own["instructions"]) == len(english.instructions), english.slug
        assert all(step.strip() for step in own["instructions"]), english.slug
        assert len(own["cautions"]) == len(english.cautions), english.slug
        for source, translated in zip(english.cautions, own["cautions"], strict=True):
            assert translated.strip() and translated != source, english.slug
            # A shared safety point is translated the same way everywhere, so it prints once.
            assert translated == shared.get(source, translated), english.slug


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seeded_library_reads_whole_in_each_language(language):
    for exercise in Exercise.objects.filter(clinic=None):
        text = exercise_text(exercise, language)
        assert not text.is_fallback, exercise.slug
        assert text.name == TRANSLATIONS[language][exercise.slug]["name"]
        assert text.instruction_steps == TRANSLATIONS[language][exercise.slug]["instructions"]
        assert len(text.caution_list) == len(exercise.caution_list) > 0
        # The handout prints the shared advice once, then only each exercise's own points.
        assert len(text.specific_cautions) == len(exercise.specific_cautions)


def test_prone_on_elbows_in_plain_clinical_words():
    exercise = Exercise.objects.get(clinic=None, slug="prone-on-elbows")
    assert exercise_text(exercise, "es").name == "Tumbado boca abajo apoyado en los codos"
    assert exercise_text(exercise, "fr").name == "Allongé sur le ventre en appui sur les coudes"
    assert exercise_text(exercise, "de").name == "Bauchlage auf die Unterarme gestützt"
    # modeltranslation serves the active language, and English stays the source.
    with translation.override("de"):
        assert exercise.name == "Bauchlage auf die Unterarme gestützt"
    assert exercise.name == "Lying on your elbows"


def test_a_regional_variant_gets_its_language_and_an_unknown_one_english():
    exercise = Exercise.objects.get(clinic=None, slug="bird-dog")
    assert exercise_text(exercise, "es-MX").language_shown == "es"
    assert exercise_text(exercise, "en").is_fallback is False
    unknown = exercise_text(exercise, "pt")
    assert unknown.is_fallback and unknown.language_shown == "en-gb"
    assert unknown.name == "Bird-dog"


def test_a_clinic_exercise_without_spanish_shows_english_and_says_so(clinic, clinician_client):
    own = _own_exercise(clinic)
    text = exercise_text(own, "es")
    assert text.is_fallback and text.language_shown == "en-gb"
    assert text.name == "Seated twist"
    assert text.instruction_steps[0] == "Kneel on all fours."
    page = clinician_client.get(
        reverse("library:exercise_detail", args=[own.slug]), {"language": "es"}
    ).content.decode()
    assert NOTICE in page and "Kneel on all fours." in page


def test_with_a_spanish_translation_it_shows_spanish(clinic, actor, clinician_client):
    own = _own_exercise(clinic)
    exercise_translations_update(actor=actor, exercise=own, translations={"es": SPANISH})
    own.refresh_from_db()
    text = exercise_text(own, "es")
    assert not text.is_fallback and text.name == "Giro sentado"
    assert exercise_text(own, "fr").is_fallback  # French is still missing
    page = clinician_client.get(
        reverse("library:exercise_detail", args=[own.slug]), {"language": "es"}
    ).content.decode()
    assert "Ponte a cuatro patas." in page and NOTICE not in page
    english = clinician_client.get(reverse("library:exercise_detail", args=[own.slug]))
    assert "Kneel on all fours." in english.content.decode()


def test_the_handout_says_which_exercise_is_not_yet_translated(clinic, patient):
    program = program_factory(patient=patient, tier="moderate", slugs=("prone-on-elbows",))
    first = program.items.get()
    own = _own_exercise(clinic)
    ProgramItem.objects.create(
        program=program,
        exercise=own,
        order=2,
        sets=first.sets,
        reps=first.reps,
        hold_seconds=first.hold_seconds,
        sessions_per_day=first.sessions_per_day,
        days_per_week=first.days_per_week,
    )
    with translation.override("es"):
        page = render_to_string(
            "prescribing/program_handout.html", handout_context(program=program)
        )
    assert "Tumbado boca abajo apoyado en los codos" in page
    # The safety advice shared by the exercises is printed once, in Spanish too.
    assert page.count(shared_cautions_in("es")[0]) == 1
    assert page.count('data-testid="translation-fallback"') == 1  # the clinic's exercise only
    assert "Kneel on all fours." in page
    with translation.override("en-gb"):
        page = render_to_string(
            "prescribing/program_handout.html", handout_context(program=program)
        )
    assert 'data-testid="translation-fallback"' not in page


def test_a_clinic_writing_with_spanish_pages_still_writes_its_own_language(clinic):
    with translation.override("es"):
        own = _own_exercise(clinic)
    own.refresh_from_db()
    assert own.name_en_gb == own.name == "Seated twist"
    assert not own.name_es  # not filed as a Spanish translation
    assert exercise_text(own, "es").is_fallback


def _form(**extra):
    return {
        "name": "Seated twist",
        "category": "mobility",
        "position": "quadruped",
        "progression_order": 1,
        "dosage_profile": "standing_extension",
        "max_tier": "moderate",
        "min_hold_seconds": 0,
        "instructions": "Kneel on all fours.\nRepeat.",
        "cautions": "Stop if it hurts.",
        **extra,
    }


def test_the_form_saves_translations_through_the_service(clinician_client, clinic):
    response = clinician_client.get(CREATE)
    assert 'lang="fr"' in response.content.decode() and "<details" in response.content.decode()
    response = clinician_client.post(
        CREATE,
        _form(
            name_de="Drehung im Sitzen",
            instructions_de="Gehen Sie in den Vierfüßlerstand.\nWiederholen Sie.",
            cautions_de="Hören Sie auf, wenn es schmerzt.",
        ),
    )
    assert response.status_code == 302
    own = Exercise.objects.get(clinic=clinic, slug="seated-twist")
    assert own.name_en_gb == "Seated twist" and own.name_de == "Drehung im Sitzen"
    assert not own.name_es  # left empty: Spanish patients see English, marked as such
    assert exercise_text(own, "de").caution_list == ["Hören Sie auf, wenn es schmerzt."]
    assert AuditLog.objects.filter(object_type="Exercise", action="create").count() == 1


def test_a_partial_translation_is_refused_and_nothing_is_saved(clinician_client, clinic):
    # Steps without their cautions would leave a patient without the safety points.
    response = clinician_client.post(
        CREATE, _form(name_es="Giro sentado", instructions_es="Ponte a cuatro patas.")
    )
    assert response.status_code == 200
    assert "cautions_es" in response.context["form"].errors
    assert "nothing was saved" in response.content.decode()
    assert not Exercise.objects.filter(clinic=clinic).exists()
    assert not AuditLog.objects.filter(object_type="Exercise").exists()


def test_translations_page_updates_and_audits_the_change(clinician_client, clinic):
    own = _own_exercise(clinic)
    data = {f"{field}_es": text for field, text in SPANISH.items()}
    response = clinician_client.post(_translations_url(own), data)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name_es == "Giro sentado"
    row = AuditLog.objects.get(object_type="Exercise", action="change")
    assert {c["field"] for c in row.changes} == {"name_es", "instructions_es"}
    # Saved again unchanged: no new audit row.
    clinician_client.post(_translations_url(own), data)
    assert AuditLog.objects.filter(object_type="Exercise", action="change").count() == 1


def test_a_bad_translation_changes_nothing(clinician_client, clinic):
    own = _own_exercise(clinic)
    response = clinician_client.post(
        _translations_url(own), {"name_fr": "Torsion assise", "name_es": "x" * 200}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "name_es" in errors  # too long for the column
    own.refresh_from_db()
    assert not own.name_fr and not own.name_es
    response = clinician_client.post(_translations_url(own), {"name_fr": "Torsion assise"})
    assert response.status_code == 400 and "instructions_fr" in response.context["form"].errors
    own.refresh_from_db()
    assert not own.name_fr
    assert not AuditLog.objects.filter(object_type="Exercise", action="change").exists()


def test_translations_page_is_only_for_the_clinics_own(clinician_client):
    standard = Exercise.objects.get(clinic=None, slug="bird-dog")
    assert clinician_client.get(_translations_url(standard)).status_code == 404
    other = _own_exercise(ClinicFactory(), name="Secret stretch")
    assert clinician_client.get(_translations_url(other)).status_code == 404


def test_the_service_refuses_unknown_languages_and_fields(clinic, actor):
    own = _own_exercise(clinic)
    for translations in ({"pt": SPANISH}, {"es": {**SPANISH, "source": "x"}}):
        with pytest.raises(ValidationError):
            exercise_translations_update(actor=actor, exercise=own, translations=translations)
    with pytest.raises(ValidationError):
        exercise_create(
            actor=actor,
            name="Other twist",
            instructions="Kneel.",
            category="mobility",
            position="quadruped",
            progression_order=1,
            dosage_profile="standing_extension",
            max_tier="moderate",
            translations={"es": {"name": "Otro giro"}},
        )
    assert not Exercise.objects.filter(slug="other-twist").exists()
    standard = Exercise.objects.get(clinic=None, slug="bird-dog")
    with pytest.raises(ValidationError):
        exercise_translations_update(actor=actor, exercise=standard, translations={"es": SPANISH})


def test_the_api_stays_in_english(api):
    body = api.get(reverse("api:exercise_detail", args=["prone-on-elbows"])).json()
    assert body["name"] == "Lying on your elbows"


def test_filling_the_source_columns_copies_the_original_text(clinic):
    own = _own_exercise(clinic)
    # As a row from before the language columns: only the original columns hold text.
    Exercise.objects.filter(pk=own.pk).rewrite(False).update(
        name_en_gb=None, summary_en_gb=None, instructions_en_gb="", cautions_en_gb=None
    )
    assert fill_source_language_columns(Exercise) >= 4
    own.refresh_from_db()
    assert own.name_en_gb == "Seated twist"
    assert own.instructions_en_gb == "Kneel on all fours.\nArch and round the back slowly.\nRepeat."
    assert own.summary_en_gb == "" and own.cautions_en_gb == ""
    # The standard library's source columns were full already and are left as they were.
    bird_dog = Exercise.objects.get(clinic=None, slug="bird-dog")
    assert bird_dog.name_en_gb == "Bird-dog"


@pytest.mark.django_db(transaction=True)
def test_migrating_an_existing_database_keeps_and_translates_the_texts():
    before = [("library", "0005_exercise_media")]  # the last migration without the columns
    clinic = ClinicFactory()
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("library", "Exercise")
    old.objects.create(
        clinic_id=clinic.pk,
        slug="old-twist",
        name="Old twist",
        instructions="Twist.",
        category="mobility",
        position="supine",
        progression_order=1,
        dosage_profile="mobility",
        max_tier="mild",
    )
    executor = MigrationExecutor(connection)
    after = executor.loader.graph.leaf_nodes()  # every app at its latest again
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("library", "Exercise")
    row = new.objects.get(slug="old-twist")
    assert (row.name_en_gb, row.instructions_en_gb) == ("Old twist", "Twist.")
    assert row.name_es is None  # not translated: patients see English, marked as such
    bird_dog = new.objects.get(clinic=None, slug="bird-dog")
    assert bird_dog.name_en_gb == bird_dog.name == "Bird-dog"
    assert bird_dog.name_fr == "Chien d'arrêt (bird-dog)"
