"""Pictures and the handout in a real browser, on a phone and a desktop: every picture loads,
fills its card and shows its labels at 12 px or more; the handout prints and downloads."""

import pytest
from playwright.sync_api import Page, expect

from programs.library.pictures.layout import FONT_SIZE, WIDTH
from tests.factories import TEST_PASSWORD, ClinicianFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIX = (
    "prone-lying",
    "prone-on-elbows",
    "prone-press-up",
    "standing-back-extension",
    "standing-head-chest-extension",
    "abdominal-bracing",
)


def _pictures(page: Page) -> list[dict]:
    return page.eval_on_selector_all(
        "main img[src$='.svg']",
        "imgs => imgs.map(i => ({src: i.src, natural: i.naturalWidth, shown: i.clientWidth,"
        " alt: i.alt}))",
    )


def _assert_readable(pictures: list[dict]) -> None:
    assert pictures
    for picture in pictures:
        assert picture["natural"] > 0, f"{picture['src']} did not load"
        label_px = FONT_SIZE * picture["shown"] / WIDTH
        assert label_px >= 12, f"{picture['src']}: labels {label_px:.1f} px"
        assert len(picture["alt"]) > 40


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_library_pictures_fill_their_cards_with_readable_labels(
    live_server, page: Page, sign_in, viewport, tmp_path
):
    page.set_viewport_size(viewport)
    clinician = ClinicianFactory()
    sign_in(clinician.user.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/exercises/")
    page.get_by_label("Name").fill("bridge")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("count")).to_have_text("3 exercises")
    page.wait_for_load_state("load")
    _assert_readable(_pictures(page))
    page.screenshot(path=tmp_path / "library.png", full_page=True)

    page.get_by_role("link", name="Side bridge").click()
    expect(page.get_by_role("heading", name="Default dosage per tier")).to_be_visible()
    page.wait_for_load_state("load")
    _assert_readable(_pictures(page))


def test_the_handout_prints_with_readable_pictures_and_downloads_as_pdf(
    live_server, page: Page, sign_in, tmp_path
):
    clinician = ClinicianFactory()
    patient = PatientFactory(clinic=clinician.clinic)
    program = program_factory(patient=patient, status="active", tier="moderate", slugs=SIX)
    program.created_by = clinician.user
    program.save(update_fields=["created_by"])
    page.set_viewport_size(DESKTOP)
    sign_in(clinician.user.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/programs/{program.pk}/handout/")
    expect(page.get_by_role("heading", name="Your home exercise program")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    page.wait_for_load_state("load")
    _assert_readable(_pictures(page))

    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    _assert_readable(_pictures(page))
    page.screenshot(path=tmp_path / "handout-print.png", full_page=True)
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.value.suggested_filename == f"exercise-program-{program.pk}.pdf"

    page.set_viewport_size(PHONE)
    page.reload()
    page.wait_for_load_state("load")
    _assert_readable(_pictures(page))
    page.screenshot(path=tmp_path / "handout-phone.png", full_page=True)
