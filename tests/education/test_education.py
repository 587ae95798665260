"""Education pages: the standard ones with their sources, a clinic's own, pins to a program,
and what the patient reads in the portal."""

import pytest
from django.urls import reverse

from clinic.models import AuditLog
from clinic.services import Actor
from programs.education.models import EducationPage, ProgramPage
from programs.education.services import education_page_create
from tests.factories import (
    ClinicFactory,
    ClinicianFactory,
    PatientFactory,
    portal_client_for,
    program_factory,
)

pytestmark = pytest.mark.django_db

PAGE = {
    "title": "Sleeping comfortably",
    "summary": "Positions that ease back pain at night.",
    "body": "A pillow between your knees can help.\n\n- On your side\n- On your back",
    "sources": "Our clinic's physiotherapy team\nNICE NG59",
}


def _own_page(clinic, **changes):
    author = ClinicianFactory(clinic=clinic)
    return education_page_create(actor=Actor(clinic=clinic, user=author.user), **(PAGE | changes))


def _text(response):
    return " ".join(response.content.decode().split())


def test_the_standard_pages_cover_what_patients_should_know_and_name_nice_ng59():
    pages = {p.slug: p for p in EducationPage.objects.filter(clinic=None)}
    assert list(pages) == [
        "everyday-back-care",
        "why-exercise-helps",
        "pain-during-exercise",
        "surgery",
        "when-to-get-help",
    ]
    assert all("NICE guideline NG59" in p.sources for p in pages.values())
    assert "Avoid bending forward" in pages["everyday-back-care"].body
    assert "bend your hips and knees" in pages["everyday-back-care"].body
    assert "Keep moving" in pages["everyday-back-care"].body
    assert "Pace yourself" in pages["everyday-back-care"].body
    assert "paraspinal muscles" in pages["why-exercise-helps"].body
    light = pages["pain-during-exercise"].body
    assert "Green, 0 to 3" in light and "Amber, 4 or 5" in light and "Red, 6 or more" in light
    assert "get better without surgery" in pages["surgery"].summary
    assert "only considered when symptoms are severe" in pages["surgery"].body
    assert "999" in pages["when-to-get-help"].body


def test_a_page_reads_as_paragraphs_and_lists_with_its_sources(clinician_client):
    response = clinician_client.get(reverse("education:page_detail", args=["surgery"]))
    page = _text(response)
    assert "Will I need an operation?" in page and "Sources" in page
    assert "NICE guideline NG59" in page
    blocks = EducationPage.objects.get(slug="everyday-back-care").blocks
    assert [kind for kind, _ in blocks] == ["p", "ul"] and len(blocks[1][1]) == 5


def test_a_clinic_adds_its_own_page_and_only_its_people_see_it(clinician_client, clinic):
    response = clinician_client.post(reverse("education:page_list"), PAGE)
    assert response.status_code == 302
    page = EducationPage.objects.get(clinic=clinic)
    assert page.source_list == ["Our clinic's physiotherapy team", "NICE NG59"]
    assert AuditLog.objects.filter(object_type="EducationPage", action="create").exists()
    other = _own_page(ClinicFactory(), title="Secret advice")
    assert (
        clinician_client.get(reverse("education:page_detail", args=[other.slug])).status_code == 404
    )
    listing = _text(clinician_client.get(reverse("education:page_list")))
    assert "Sleeping comfortably" in listing and "Secret advice" not in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sources": " \n "}, "This field is required"),
        ({"title": "Will I need an operation?"}, "already exists"),
        ({"title": "!!!"}, "letters or digits"),
    ],
)
def test_a_bad_page_is_refused_clearly_and_nothing_is_added(
    clinician_client, clinic, changes, message
):
    response = clinician_client.post(reverse("education:page_list"), PAGE | changes)
    assert response.status_code == 400 and message in response.content.decode()
    assert not EducationPage.objects.filter(clinic=clinic).exists()


@pytest.fixture
def active(patient):
    return program_factory(patient=patient, status="active")


def _pin(client, program, page):
    return client.post(reverse("education:pin", args=[program.pk]), {"page": page.pk}, follow=True)


def test_the_clinician_pins_a_page_and_the_patient_finds_it_first(clinician_client, active, clinic):
    page = EducationPage.objects.get(slug="pain-during-exercise")
    patient_page = clinician_client.get(reverse("patients:detail", args=[active.patient_id]))
    assert "Reading pinned for the patient" in patient_page.content.decode()
    assert "was pinned" in _text(_pin(clinician_client, active, page))
    pin = ProgramPage.objects.get(program=active)
    row = AuditLog.objects.get(object_type="ProgramPage")
    assert row.patient_id == active.patient_id and "Pinned" in row.summary

    portal = portal_client_for(active.patient)
    today = _text(portal.get(reverse("portal:today")))
    assert reverse("portal:learn_page", args=[page.slug]) in today
    learn = portal.get(reverse("portal:learn"))
    assert [p.slug for p in learn.context["pinned"]] == ["pain-during-exercise"]
    assert "From your clinician" in _text(learn)

    assert "already pinned" in _text(_pin(clinician_client, active, page))
    response = clinician_client.post(reverse("education:unpin", args=[pin.pk]), follow=True)
    assert "was unpinned" in _text(response) and not ProgramPage.objects.exists()


def test_pins_refuse_other_clinics_pages_and_programs(clinician_client, active):
    foreign = _own_page(ClinicFactory(), title="Secret advice")
    assert "Choose one of the pages" in _text(_pin(clinician_client, active, foreign))
    other_program = program_factory(patient=PatientFactory(clinic=ClinicFactory()), status="active")
    page = EducationPage.objects.get(slug="surgery")
    assert (
        clinician_client.post(
            reverse("education:pin", args=[other_program.pk]), {"page": page.pk}
        ).status_code
        == 404
    )
    assert not ProgramPage.objects.exists()


def test_a_completed_program_gets_no_pins(clinician_client, patient):
    done = program_factory(patient=patient, status="completed")
    page = EducationPage.objects.get(slug="surgery")
    assert "completed" in _text(_pin(clinician_client, done, page))
    assert not ProgramPage.objects.exists()


def test_the_patient_reads_standard_and_own_clinic_pages_only(patient, clinic):
    portal = portal_client_for(patient)
    mine = _own_page(clinic)
    other = _own_page(ClinicFactory(), title="Secret advice")
    learn = _text(portal.get(reverse("portal:learn")))
    assert "Sleeping comfortably" in learn and "Secret advice" not in learn
    assert "Looking after your back every day" in learn
    page = _text(portal.get(reverse("portal:learn_page", args=[mine.slug])))
    assert "A pillow between your knees" in page and "NICE NG59" in page
    assert portal.get(reverse("portal:learn_page", args=[other.slug])).status_code == 404


def test_the_handout_points_to_the_education_pages(clinician_client, active):
    page = _text(clinician_client.get(reverse("prescribing:handout", args=[active.pk])))
    assert "/portal/learn/" in page and "when to get help urgently" in page
