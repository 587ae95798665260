"""Program pages: access, editing through forms, handout and query counts."""

import pytest
from django.test import Client
from django.urls import reverse

from programs.prescribing.models import DosageChange, Program
from tests.factories import ClinicFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db

ALL_SLUGS = (
    "prone-lying",
    "prone-on-elbows",
    "prone-press-up",
    "standing-head-chest-extension",
    "abdominal-bracing",
)


@pytest.fixture
def program(patient):
    return program_factory(patient=patient, slugs=ALL_SLUGS[:3])


def _program_urls(program):
    item = program.items.first()
    return [
        ("get", reverse("prescribing:detail", args=[program.pk])),
        ("get", reverse("prescribing:handout", args=[program.pk])),
        ("post", reverse("prescribing:activate", args=[program.pk])),
        ("post", reverse("prescribing:pause", args=[program.pk])),
        ("post", reverse("prescribing:complete", args=[program.pk])),
        ("post", reverse("prescribing:item_add", args=[program.pk])),
        ("post", reverse("prescribing:template_save", args=[program.pk])),
        ("post", reverse("prescribing:item_dosage", args=[program.pk, item.pk])),
        ("post", reverse("prescribing:item_remove", args=[program.pk, item.pk])),
        ("post", reverse("prescribing:item_move", args=[program.pk, item.pk])),
        ("post", reverse("prescribing:generate", args=[program.patient_id])),
        ("post", reverse("prescribing:template_apply", args=[program.patient_id])),
    ]


def test_every_program_url_of_another_clinic_is_404(clinician_client):
    theirs = program_factory(patient=PatientFactory(clinic=ClinicFactory()))
    for method, url in _program_urls(theirs):
        assert getattr(clinician_client, method)(url).status_code == 404, url
    theirs.refresh_from_db()
    assert theirs.status == "draft" and theirs.items.count() == 1
    assert Program.objects.count() == 1


def test_every_program_url_needs_sign_in(program):
    for method, url in _program_urls(program) + [
        ("get", reverse("library:exercise_list")),
        ("get", reverse("library:exercise_create")),
        ("get", reverse("library:dosage_defaults")),
        ("get", reverse("prescribing:template_list")),
    ]:
        response = getattr(Client(), method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_generate_from_patient_page_then_activate(clinician_client, clinic):
    patient = PatientFactory(clinic=clinic, severity="moderate", pain_level=5)
    page = clinician_client.get(reverse("patients:detail", args=[patient.pk])).content.decode()
    assert "Generate program" in page
    response = clinician_client.post(
        reverse("prescribing:generate", args=[patient.pk]), follow=True
    )
    program = Program.objects.get()
    html = response.content.decode()
    assert "Draft program generated" in html
    assert "Default at tier moderate: 8 reps, hold 10 s, 2× a day, 7 days a week" in html
    clinician_client.post(reverse("prescribing:activate", args=[program.pk]))
    program.refresh_from_db()
    assert program.status == "active"


def test_red_flag_patient_sees_referral_instead_of_generate(clinician_client, clinic):
    flagged = PatientFactory(clinic=clinic, red_flags=["bilateral_leg_symptoms"])
    page = clinician_client.get(reverse("patients:detail", args=[flagged.pk])).content.decode()
    assert "Generate program" not in page
    assert "No program can be prescribed" in page
    response = clinician_client.post(
        reverse("prescribing:generate", args=[flagged.pk]), follow=True
    )
    assert "Bilateral leg symptoms (emergency)" in response.content.decode()
    assert not Program.objects.exists()


def test_dosage_form_needs_a_reason_and_shows_errors(clinician_client, program):
    item = program.items.get(exercise__slug="prone-on-elbows")
    url = reverse("prescribing:item_dosage", args=[program.pk, item.pk])
    data = {f"item{item.pk}-{k}": v for k, v in item.dosage.as_dict().items()}
    response = clinician_client.post(url, data | {f"item{item.pk}-reps": "0"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page  # the reason
    assert "greater than or equal to 1" in page
    assert not DosageChange.objects.exists()
    ok = data | {f"item{item.pk}-reps": "12", f"item{item.pk}-reason": "Tolerating well"}
    assert clinician_client.post(url, ok).status_code == 302
    history = clinician_client.get(
        reverse("prescribing:detail", args=[program.pk])
    ).content.decode()
    assert "reps 8 → 12" in history and "Tolerating well" in history


def test_a_dosage_form_is_rendered_only_for_the_item_asked_for(clinician_client, program):
    url = reverse("prescribing:detail", args=[program.pk])
    items = list(program.items.all())
    plain = clinician_client.get(url).content.decode()
    assert 'name="item' not in plain  # no dosage field at all
    assert all(f'href="?dosage={item.pk}#item-{item.pk}"' in plain for item in items)
    chosen = items[1]
    page = clinician_client.get(url, {"dosage": chosen.pk}).content.decode()
    assert f'name="item{chosen.pk}-reps"' in page and "autofocus" in page
    assert not any(f'name="item{item.pk}-reps"' in page for item in items if item != chosen)
    # Another program's item, or nonsense, shows the plain page.
    for value in ("999999", "x"):
        assert 'name="item' not in clinician_client.get(url, {"dosage": value}).content.decode()


def test_add_unsafe_exercise_shows_the_reason(clinician_client, clinic):
    disc = PatientFactory(
        clinic=clinic, condition="herniated_disc", severity="severe", pain_level=8
    )
    program = program_factory(patient=disc)
    from programs.library.models import Exercise

    curl_up = Exercise.objects.get(slug="curl-up")
    response = clinician_client.post(
        reverse("prescribing:item_add", args=[program.pk]), {"exercise": curl_up.pk}
    )
    assert response.status_code == 400
    assert (
        "Curl-up" in response.content.decode()
        and "cannot be prescribed" in response.content.decode()
    )
    assert program.items.count() == 1


def test_handout_has_instructions_dosage_picture_and_safety_advice(clinician_client, program):
    page = clinician_client.get(reverse("prescribing:handout", args=[program.pk])).content.decode()
    assert program.patient.full_name in page
    assert "Consult your clinician before changing the program" in page
    assert "bladder or bowel changes" in page
    for item in program.items.all():
        assert item.exercise.name in page
        assert item.exercise.illustration in page
        assert item.exercise.instruction_steps[0] in page
    # The dosage table: sets, reps, hold, times a day, days a week.
    assert "<td>1</td>\n                <td>8</td>\n                <td>10 s</td>" in page


def test_library_page_filters_and_shows_clinic_exercises_only_to_their_clinic(
    clinician_client, actor
):
    from programs.library.services import exercise_create

    exercise_create(
        actor=actor,
        name="Seated twist",
        instructions="Round and arch slowly.",
        category="mobility",
        position="quadruped",
        progression_order=1,
        dosage_profile="standing_extension",
        max_tier="severe",
    )
    page = clinician_client.get(reverse("library:exercise_list")).content.decode()
    assert "Seated twist" in page and "Bird-dog" in page
    core = clinician_client.get(reverse("library:exercise_list"), {"category": "core"})
    assert "Seated twist" not in core.content.decode()
    outsider = Client()
    from tests.factories import ClinicianFactory

    outsider.force_login(ClinicianFactory().user)
    assert "Seated twist" not in outsider.get(reverse("library:exercise_list")).content.decode()


def test_clinic_exercise_form_reports_bad_fields(clinician_client):
    response = clinician_client.post(reverse("library:exercise_create"), {"name": ""})
    assert response.status_code == 200
    assert "nothing was saved" in response.content.decode()


def test_defaults_page_shows_the_table(clinician_client):
    page = clinician_client.get(reverse("library:dosage_defaults")).content.decode()
    assert "Tier prevention" in page and "Tier severe" in page
    assert "10 reps, hold 10 s, 3× a day, 7 days a week" in page


def test_template_round_trip_through_pages(clinician_client, program, clinic):
    clinician_client.post(reverse("prescribing:template_save", args=[program.pk]), {"name": "Base"})
    other = PatientFactory(clinic=clinic, severity="severe", pain_level=9)
    from programs.prescribing.models import ProgramTemplate

    template = ProgramTemplate.objects.get(name="Base")
    assert "Base" in clinician_client.get(reverse("prescribing:template_list")).content.decode()
    response = clinician_client.post(
        reverse("prescribing:template_apply", args=[other.pk]),
        {"template": template.pk},
        follow=True,
    )
    assert "Left out for this patient: Press-up" in response.content.decode()
    assert other.programs.get().tier == "severe"


@pytest.mark.parametrize("items", [1, 5])
def test_program_page_query_count_is_constant(
    clinician_client, patient, django_assert_max_num_queries, items
):
    program = program_factory(patient=patient, slugs=ALL_SLUGS[:items])
    program.dosage_changes.model.objects.bulk_create([])
    with django_assert_max_num_queries(12):
        response = clinician_client.get(reverse("prescribing:detail", args=[program.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("items", [1, 5])
def test_handout_query_count_is_constant(
    clinician_client, patient, django_assert_max_num_queries, items
):
    program = program_factory(patient=patient, slugs=ALL_SLUGS[:items])
    # One more than the page itself: its audit row.
    with django_assert_max_num_queries(9):
        assert (
            clinician_client.get(reverse("prescribing:handout", args=[program.pk])).status_code
            == 200
        )
