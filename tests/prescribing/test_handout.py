"""The handout: the print page and the PDF, parsed: pages, every exercise, the QR code."""

import io

import pypdfium2
import pytest
import zxingcpp
from django.urls import reverse
from pypdf import PdfReader

from clinic.models import AuditLog
from programs.prescribing.handout import portal_sign_in_url, qr_code
from tests.factories import ClinicFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db

SIX = (
    "prone-lying",
    "prone-on-elbows",
    "prone-press-up",
    "standing-back-extension",
    "standing-head-chest-extension",
    "abdominal-bracing",
)


@pytest.fixture
def program(patient, clinician):
    program = program_factory(patient=patient, status="active", tier="moderate", slugs=SIX)
    program.created_by = clinician.user
    program.save(update_fields=["created_by"])
    return program


def _pdf(client, program):
    response = client.get(reverse("prescribing:handout_pdf", args=[program.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    return response.content


def _text(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_pdf_puts_two_or_three_exercises_on_each_a4_page(clinician_client, program):
    pdf = _pdf(clinician_client, program)
    pages = _text(pdf)
    assert len(pages) == 3  # six exercises: 2 under the header and safety advice, 3, the last
    width, height = (float(v) for v in PdfReader(io.BytesIO(pdf)).pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    names = [item.exercise.name for item in program.items.all()]
    counts = [sum(name in page for name in names) for page in pages]
    assert sum(counts) == 6
    assert all(2 <= count <= 3 for count in counts[:-1]) and counts[-1] >= 1, counts


def test_the_pdf_names_the_patient_clinic_phone_clinician_and_every_exercise(
    clinician_client, program, clinician
):
    text = " ".join(_text(_pdf(clinician_client, program)))
    clinic = program.patient.clinic
    assert program.patient.full_name in text
    assert clinic.name in text and clinic.phone in text
    assert clinician.user.full_name in text
    for item in program.items.all():
        assert item.exercise.name in text
        assert item.exercise.instruction_steps[0][:40] in text
    # The shared safety advice once, each exercise's own cautions beside it.
    assert text.count("Stop if pain spreads into your buttock or leg") == 1
    assert "Do not push your hips up off the floor." in text


def test_the_qr_code_in_the_pdf_decodes_to_the_portal_sign_in(clinician_client, program):
    pdf = pypdfium2.PdfDocument(_pdf(clinician_client, program))
    image = pdf[0].render(scale=3).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert [code.text for code in found] == [portal_sign_in_url()]
    assert portal_sign_in_url().endswith("/accounts/login/?next=/portal/")


def test_the_qr_code_geometry_is_a_whole_symbol():
    code = qr_code("https://backstrong.example/accounts/login/?next=/portal/")
    assert code.size >= 21 + 8  # version 1 at the least, with its quiet zone
    assert code.path.startswith("M4 4h1v1h-1z")  # the finder pattern's corner


def test_opening_and_downloading_the_handout_are_audited(clinician_client, program):
    clinician_client.get(reverse("prescribing:handout", args=[program.pk]))
    _pdf(clinician_client, program)
    rows = AuditLog.objects.filter(patient=program.patient, object_type="Program")
    assert {(r.action, r.summary) for r in rows} >= {
        ("view", "Handout"),
        ("export", "Handout downloaded as PDF"),
    }


def test_another_clinics_handout_is_a_404(clinician_client):
    other = program_factory(patient=PatientFactory(clinic=ClinicFactory()))
    for name in ("prescribing:handout", "prescribing:handout_pdf"):
        assert clinician_client.get(reverse(name, args=[other.pk])).status_code == 404
    assert not AuditLog.objects.filter(patient=other.patient).exists()


def test_the_print_page_has_the_pdf_link_qr_and_no_inline_script(clinician_client, program):
    page = clinician_client.get(reverse("prescribing:handout", args=[program.pk])).content.decode()
    assert reverse("prescribing:handout_pdf", args=[program.pk]) in page
    assert 'aria-label="QR code: ' in page and "onclick" not in page and "style=" not in page
    assert program.patient.clinic.phone in page


def test_the_pdf_fetcher_serves_static_files_only():
    from clinic.emails import absolute
    from programs.prescribing.handout_pdf import StaticOnlyFetcher

    fetcher = StaticOnlyFetcher()
    response = fetcher.fetch(absolute("/static/css/handout.css"))
    assert response.content_type == "text/css" and b"@page" in response.read()
    for url in (
        "http://metadata.internal/latest/",
        "file:///etc/passwd",
        absolute("/static/../../../../etc/passwd"),
        absolute("/static/nope.css"),
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
