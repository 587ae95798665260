"""On a phone, offline: the installed portal still shows today's program, keeps a session on
the phone and sends it once when back online (even if sent twice), and shows the emergency
advice at once without the server."""

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from programs.followup.models import SessionLog
from tests.factories import (
    TEST_PASSWORD,
    ClinicianFactory,
    PatientFactory,
    UserFactory,
    program_factory,
    session_factory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(live_server, browser: Browser):
    """A signed-in patient's phone, its page controlled by the portal's service worker."""
    clinician = ClinicianFactory()
    patient = PatientFactory(clinic=clinician.clinic, first_name="Maya", pain_level=5)
    patient.user = UserFactory(email="maya@example.com")
    patient.save(update_fields=["user"])
    program = program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "prone-press-up")
    )
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("maya@example.com")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/portal/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    yield page, patient, program
    context.close()


def _kept_offline(page: Page, url: str) -> None:
    """Wait until the worker holds `url` (pictures are kept after the page loads)."""
    page.wait_for_function("url => caches.match(url).then(hit => !!hit)", arg=url)


def test_today_works_offline_and_a_kept_session_is_sent_once(live_server, phone):
    page, patient, program = phone
    press_up = program.items.get(exercise__slug="prone-press-up")
    # Reps counted by the hold timer carry into the log form.
    timer = page.locator(f'.hold-timer[data-item="{press_up.pk}"]')
    timer.get_by_role("button", name="Start hold").click()
    expect(timer).to_have_attribute("data-rep", "1", timeout=6000)
    page.get_by_role("link", name="Log a session").last.click()
    expect(page.locator(f'input[name="reps_{press_up.pk}"]')).to_have_value("1")

    page.goto(f"{live_server.url}/portal/")
    picture = page.locator("img.exercise-picture").first.get_attribute("src")
    _kept_offline(page, f"{live_server.url}{picture}")
    _kept_offline(page, f"{live_server.url}/portal/log/")

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="Press-up (lying extension)")).to_be_visible()
    expect(page.locator(".hold-timer")).to_have_count(2)
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    expect(page.locator("#portal-offline-note")).to_be_visible()

    page.get_by_role("link", name="Log a session").last.click()
    page.get_by_role("group", name="How bad was your back pain before you started?").get_by_text(
        "2", exact=True
    ).click()
    page.get_by_role("group", name="What was the worst pain during the exercises").get_by_text(
        "3", exact=True
    ).click()
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_test_id("offline-saved")).to_be_visible()
    expect(page.get_by_test_id("outbox")).to_have_text(
        "1 session waiting to be sent — it will be sent when you are back online."
    )
    entry = page.evaluate("BackstrongOffline.pending()[0]")
    assert entry["url"] == "/portal/log/sync/"
    assert ["program", str(program.pk)] in entry["fields"]
    assert SessionLog.objects.count() == 0

    page.context.set_offline(False)
    # Back online the page sends it by itself; sending the same entry twice more, at once,
    # must still leave one session.
    page.evaluate(
        "entry => Promise.all([BackstrongOffline.send(entry), BackstrongOffline.send(entry),"
        " BackstrongOffline.sync()])",
        entry,
    )
    expect(page.get_by_test_id("outbox")).to_be_hidden()
    assert page.evaluate("BackstrongOffline.pending().length") == 0
    session = SessionLog.objects.get(patient=patient)
    assert str(session.client_token) == entry["id"]
    assert (session.pain_before, session.pain_after, session.program_id) == (2, 3, program.pk)
    assert session.items.get(item=press_up).reps_done == 1


def test_an_emergency_ticked_offline_shows_the_advice_at_once(live_server, phone):
    page, patient, _ = phone
    page.goto(f"{live_server.url}/portal/log/")
    _kept_offline(page, f"{live_server.url}/portal/log/")
    page.context.set_offline(True)
    page.reload()
    advice = page.get_by_test_id("offline-emergency-advice")
    expect(advice).to_be_hidden()
    page.get_by_label("Numbness or tingling around your bottom, genitals or inner thighs").check()
    expect(advice).to_be_visible()
    expect(advice.get_by_role("heading", name="Seek emergency care now")).to_be_visible()
    # Saving offline keeps the report and the advice on screen.
    page.get_by_role("group", name="How bad was your back pain before you started?").get_by_text(
        "4", exact=True
    ).click()
    page.get_by_role("group", name="What was the worst pain during the exercises").get_by_text(
        "5", exact=True
    ).click()
    page.get_by_role("button", name="Save session").click()
    expect(advice).to_be_visible()
    expect(page.get_by_test_id("outbox")).to_contain_text("1 session waiting to be sent")
    assert SessionLog.objects.count() == 0


def test_manifest_and_worker_are_served_for_installing(live_server, page: Page):
    manifest = page.request.get(f"{live_server.url}/portal/manifest.webmanifest")
    assert manifest.ok and manifest.headers["content-type"] == "application/manifest+json"
    body = json.loads(manifest.text())
    assert body["scope"] == "/portal/" and body["display"] == "standalone"
    for icon in body["icons"]:
        picture = page.request.get(f"{live_server.url}{icon['src']}")
        assert picture.ok and picture.headers["content-type"] == "image/png"
    worker = page.request.get(f"{live_server.url}/portal/sw.js")
    assert worker.ok and worker.headers["content-type"].startswith("text/javascript")
    assert "no-cache" in worker.headers["cache-control"]
    assert worker.headers["service-worker-allowed"] == "/portal/"


def test_a_morning_answer_given_offline_is_sent_when_back_online(live_server, phone):
    page, patient, program = phone
    session = session_factory(program=program, before=2, after=3, days_ago=1)
    page.goto(f"{live_server.url}/portal/")
    _kept_offline(page, f"{live_server.url}/portal/")
    page.context.set_offline(True)
    page.reload()
    morning = page.get_by_role("group", name="How is your back this morning?")
    morning.get_by_text("4", exact=True).click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved on this phone.")).to_be_visible()
    expect(page.get_by_test_id("outbox")).to_contain_text("Your answer about this morning")
    session.refresh_from_db()
    assert session.pain_next_morning is None

    page.context.set_offline(False)
    page.evaluate("Promise.all([BackstrongOffline.sync(), BackstrongOffline.sync()])")
    expect(page.get_by_test_id("outbox")).to_be_hidden()
    session.refresh_from_db()
    assert session.pain_next_morning == 4
