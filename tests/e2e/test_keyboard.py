"""The core paths work by keyboard alone (WCAG 2.1.1): every step is reached with Tab, taken
with Enter (or typed; a radio scale takes the arrow keys), and each control is found by the
role and name a screen reader gives it.

No mouse, no `locator.click()`, no `fill()`: focus moves only by the keys a keyboard user
presses, so a control that Tab skips, or one without a name, fails the test.
"""

import pytest
from playwright.sync_api import Locator, Page, expect

from programs.followup.models import SessionLog
from programs.prescribing.models import Program
from tests.factories import (
    TEST_PASSWORD,
    ClinicianFactory,
    PatientFactory,
    UserFactory,
    program_factory,
)

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 800}
MAX_TABS = 80  # more presses than any page here needs to reach a control


def tab_to(page: Page, target: Locator, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until `target` has the focus; fail with the focus path if not."""
    expect(target).to_have_count(1)
    visited = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if target.evaluate("element => element === document.activeElement"):
            # Focus must be seen (WCAG 2.4.7): the ring the stylesheet draws is there.
            outline = target.evaluate("element => getComputedStyle(element).outlineStyle")
            shadow = target.evaluate("element => getComputedStyle(element).boxShadow")
            assert outline != "none" or shadow != "none", f"{target} shows no focus ring"
            return
        visited.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return `${e.tagName} ${(e.innerText || e.name || '').slice(0, 30)}`; }"
            )
        )
    pytest.fail(f"Tab never reached {target}; focus went through {visited}")


def test_a_clinician_signs_in_generates_edits_and_activates_a_program_by_keyboard(
    live_server, browser
):
    clinician = ClinicianFactory()
    patient = PatientFactory(clinic=clinician.clinic, first_name="Ines", last_name="Moreau")
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_server.url}/accounts/login/")

    expect(page.get_by_label("Email")).to_be_focused()  # the sign-in form starts there
    page.keyboard.type(clinician.user.email)
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(TEST_PASSWORD)
    tab_to(page, page.get_by_role("button", name="Sign in"))
    page.keyboard.press("Enter")

    # On every page the first Tab reaches the link that skips the navigation.
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    main = page.get_by_role("navigation", name="Main")
    tab_to(page, main.get_by_role("link", name="Patients"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Patients")
    tab_to(page, page.get_by_role("link", name="Moreau, Ines"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ines Moreau")

    tab_to(page, page.get_by_role("button", name="Generate program"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Program for Ines Moreau")).to_be_visible()
    program = Program.objects.get(patient=patient)

    # A dosage change: the disclosure opens with Enter, the fields take typed values.
    item = program.items.order_by("order").first()
    card = page.get_by_test_id(f"item-{item.exercise.slug}")
    tab_to(page, card.get_by_text(f"Change dosage of {item.exercise.name}"))
    page.keyboard.press("Enter")
    tab_to(page, card.get_by_label("Reps"))
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(str(item.reps + 1))
    tab_to(page, card.get_by_label("Reason for the change"))
    page.keyboard.type("Sore after the first sessions")
    tab_to(page, card.get_by_role("button", name="Save dosage"))
    page.keyboard.press("Enter")
    expect(
        page.get_by_test_id(f"item-{item.exercise.slug}").get_by_test_id("dosage")
    ).to_contain_text(f"{item.reps + 1} reps")

    tab_to(page, page.get_by_role("button", name="Activate"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Active", exact=True)).to_be_visible()
    program.refresh_from_db()
    assert program.status == "active"
    reps = item.reps
    item.refresh_from_db()
    assert item.reps == reps + 1


def choose_pain(page: Page, question: str, value: int) -> None:
    """Tab into a 0-10 pain scale (a radio group) and pick `value` with the arrow keys."""
    scale = page.get_by_role("group", name=question)
    tab_to(page, scale.get_by_role("radio", name="0", exact=True))
    for _ in range(value):
        page.keyboard.press("ArrowRight")  # moves along the scale and checks the next radio
    if value == 0:
        page.keyboard.press("Space")
    expect(scale.get_by_role("radio", name=str(value), exact=True)).to_be_checked()


def test_a_patient_logs_a_session_by_keyboard_on_a_phone(live_server, browser):
    """Written against today's portal; the portal's rewrite keeps these roles and names."""
    clinician = ClinicianFactory()
    patient = PatientFactory(clinic=clinician.clinic, email="noor@example.com")
    program_factory(patient=patient, status="active", slugs=("prone-on-elbows",))
    patient.user = UserFactory(email="noor@example.com")
    patient.save(update_fields=["user"])
    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_label("Email")).to_be_focused()
    page.keyboard.type("noor@example.com")
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")  # submits the form from its last field

    tab_to(page, page.get_by_role("main").get_by_role("link", name="Log a session"))
    page.keyboard.press("Enter")
    choose_pain(page, "How bad was your back pain before you started?", 3)
    choose_pain(page, "What was the worst pain during the exercises", 4)
    tab_to(page, page.get_by_role("button", name="Save session"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Session saved. Pain 3 → 4.")).to_be_visible()
    session = SessionLog.objects.get(patient=patient)
    assert (session.pain_before, session.pain_after) == (3, 4)
