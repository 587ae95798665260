"""Every clinician and portal page passes axe-core with no serious or critical violation
(WCAG 2.2 AA), at a phone and a desktop viewport.

PAGES says how to open each page and as whom; NOT_PAGES says why a route is no page (POST
only, a file, JSON). A route in neither fails `test_every_route_is_walked_or_excused`, so a new
page cannot skip this check.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from tests.conftest import seed_reference_data
from tests.factories import TEST_PASSWORD
from tests.test_audit_coverage import POST_ONLY, _route_names

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
# The WCAG 2.0/2.1/2.2 A and AA rules, and axe's best practices (landmarks, heading order).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@dataclass
class World:
    admin: Any
    patient: Any
    program: Any
    session: Any
    discharge: Any
    template: Any
    custom_exercise: Any
    tokens: dict[str, str]
    two_factor_email: str
    sessions: dict[str, str]  # role -> session cookie


@dataclass(frozen=True)
class Shown:
    """How to open a page, and as whom: `clinician`, `patient`, `anyone` (signed out) or
    `half_signed_in` (a clinician with two-factor on, between the password and the code)."""

    role: str
    url: Callable[[World], str]


def _r(name: str, *args: Callable[[World], Any]) -> Callable[[World], str]:
    return lambda w: reverse(name, args=[arg(w) for arg in args])


PAGES: dict[str, Shown] = {
    "login": Shown("anyone", _r("login")),
    "two_factor_verify": Shown("half_signed_in", _r("two_factor_verify")),
    "password_reset": Shown("anyone", _r("password_reset")),
    "password_reset_done": Shown("anyone", _r("password_reset_done")),
    "password_reset_confirm": Shown("anyone", lambda w: w.tokens["password_reset"]),
    "password_reset_complete": Shown("anyone", _r("password_reset_complete")),
    "staff_invitation_accept": Shown("anyone", lambda w: w.tokens["staff_invitation"]),
    "invitations:accept": Shown("anyone", lambda w: w.tokens["portal_invitation"]),
    "reminders:unsubscribe": Shown("anyone", lambda w: w.tokens["unsubscribe"]),
    "reminders:digest_unsubscribe": Shown("anyone", lambda w: w.tokens["digest_unsubscribe"]),
    "patients:list": Shown("clinician", _r("patients:list")),
    "patients:create": Shown("clinician", _r("patients:create")),
    "patients:detail": Shown("clinician", _r("patients:detail", lambda w: w.patient.pk)),
    "patients:edit": Shown("clinician", _r("patients:edit", lambda w: w.patient.pk)),
    "patients:archive": Shown("clinician", _r("patients:archive", lambda w: w.patient.pk)),
    "patients:audit": Shown("clinician", _r("patients:audit", lambda w: w.patient.pk)),
    "library:exercise_list": Shown("clinician", _r("library:exercise_list")),
    "library:exercise_create": Shown("clinician", _r("library:exercise_create")),
    "library:dosage_defaults": Shown("clinician", _r("library:dosage_defaults")),
    "library:exercise_detail": Shown(
        "clinician", _r("library:exercise_detail", lambda w: "prone-on-elbows")
    ),
    "prescribing:detail": Shown("clinician", _r("prescribing:detail", lambda w: w.program.pk)),
    "prescribing:handout": Shown("clinician", _r("prescribing:handout", lambda w: w.program.pk)),
    "prescribing:template_list": Shown("clinician", _r("prescribing:template_list")),
    "prescribing:template_detail": Shown(
        "clinician", _r("prescribing:template_detail", lambda w: w.template.pk)
    ),
    "education:page_list": Shown("clinician", _r("education:page_list")),
    "education:page_detail": Shown(
        "clinician", _r("education:page_detail", lambda w: "everyday-back-care")
    ),
    "followup:dashboard": Shown("clinician", _r("followup:dashboard")),
    "reminders:reminder_list": Shown("clinician", _r("reminders:reminder_list")),
    "outcomes:clinic": Shown("clinician", _r("outcomes:clinic")),
    "outcomes:instruments": Shown("clinician", _r("outcomes:instruments")),
    "outcomes:record": Shown(
        "clinician", _r("outcomes:record", lambda w: w.patient.pk, lambda w: "psfs")
    ),
    "outcomes:discharge": Shown("clinician", _r("outcomes:discharge", lambda w: w.program.pk)),
    "outcomes:letter": Shown("clinician", _r("outcomes:letter", lambda w: w.discharge.pk)),
    "clinic:api_keys": Shown("clinician", _r("clinic:api_keys")),
    "clinic:audit": Shown("clinician", _r("clinic:audit")),
    "clinic:staff": Shown("clinician", _r("clinic:staff")),
    "clinic:account": Shown("clinician", _r("clinic:account")),
    "clinic:password_change": Shown("clinician", _r("clinic:password_change")),
    "clinic:two_factor_setup": Shown("clinician", _r("clinic:two_factor_setup")),
    "clinic:details": Shown("clinician", _r("clinic:details")),
    "password_change": Shown("clinician", _r("password_change")),
    "password_change_done": Shown("clinician", _r("password_change_done")),
    "portal:today": Shown("patient", _r("portal:today")),
    "portal:log": Shown("patient", _r("portal:log")),
    "portal:emergency": Shown("patient", _r("portal:emergency")),
    "portal:session_advice": Shown("patient", _r("portal:session_advice", lambda w: w.session.pk)),
    "portal:history": Shown("patient", _r("portal:history")),
    "portal:reminders": Shown("patient", _r("portal:reminders")),
    "portal:learn": Shown("patient", _r("portal:learn")),
    "portal:learn_page": Shown("patient", _r("portal:learn_page", lambda w: "everyday-back-care")),
    "portal:language": Shown("patient", _r("portal:language")),
    "library:exercise_translations": Shown(
        "clinician", _r("library:exercise_translations", lambda w: w.custom_exercise.slug)
    ),
    "education:page_translations": Shown("clinician", lambda w: w.tokens["education_page"]),
    "outcomes_portal:checkin": Shown("patient", _r("outcomes_portal:checkin")),
}

FILE = "a file (PDF, SVG, photo or video), not a page"
NOT_PAGES: dict[str, str] = {
    "home": "redirects to the user's part of the app",
    "healthz": "JSON for the load balancer",
    "logout": POST_ONLY,
    "library:media_upload": POST_ONLY,
    "library:media_file": FILE,
    "portal:media_file": FILE,
    "portal:calendar_feed": "an iCalendar file for the patient's calendar app",
    "portal:manifest": "the web app manifest, JSON for the browser",
    "portal:service_worker": "the offline worker's script",
    "clinic:two_factor_qr": FILE,
    "prescribing:handout_pdf": FILE,
    "outcomes:letter_pdf": FILE,
    "accounts/password_change/": "the same page as password_change, under the account's name",
    "api:docs": "Swagger UI's own markup (drf-spectacular-sidecar), for integrators",
} | {
    name: "JSON for machines"
    for name in (
        "api:schema",
        "api:auth_token",
        "api:patient_list",
        "api:patient_detail",
        "api:assessment_list",
        "api:exercise_list",
        "api:exercise_detail",
        "api:patient_program_list",
        "api:program_detail",
        "api:program_activate",
        "api:program_item",
        "api:patient_session_list",
        "api:session_detail",
        "api:patient_outcome_list",
        "api:patient_fhir",
        "api:not_found",
    )
}


def test_every_route_is_walked_or_excused():
    from django.urls import get_resolver

    from tests.test_audit_coverage import SHOWS_NO_PATIENT_DATA

    post_only = {name for name, why in SHOWS_NO_PATIENT_DATA.items() if why == POST_ONLY}
    routes = _route_names(get_resolver().url_patterns)
    missing = routes - PAGES.keys() - NOT_PAGES.keys() - post_only
    assert not missing, f"Pages the accessibility walk does not open: {sorted(missing)}"
    assert not (PAGES.keys() | NOT_PAGES.keys()) - routes, "stale names"


def _seed() -> World:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from clinic.models import StaffInvitation
    from clinic.services import Actor
    from clinic.services.staff import staff_invitation_token
    from patients.models import PortalInvitation
    from patients.services import portal_invitation_token
    from programs.education.services import education_page_create
    from programs.followup.models import Alert
    from programs.followup.services import attention_rebuild
    from programs.library.models import Exercise
    from programs.library.services import exercise_create, exercise_media_add
    from programs.outcomes.models import Discharge
    from programs.outcomes.services.scores import outcome_record
    from programs.prescribing.services.templates import program_template_save
    from programs.reminders.emails import digest_unsubscribe_token, unsubscribe_token
    from programs.reminders.models import Reminder
    from tests.factories import (
        ClinicianFactory,
        PatientFactory,
        portal_client_for,
        program_factory,
        session_factory,
    )
    from tests.library.media_files import png

    admin = ClinicianFactory(is_clinic_admin=True)
    clinic = admin.clinic
    actor = Actor(clinic=clinic, user=admin.user, ip_address="127.0.0.1")
    patient = PatientFactory(clinic=clinic, first_name="Maya", last_name="Quill", pain_level=4)
    PatientFactory(clinic=clinic, last_name="Okafor", severity="severe", pain_level=8)
    portal_client_for(patient)  # gives the patient a portal account
    program = program_factory(
        patient=patient,
        status="active",
        slugs=("prone-on-elbows", "prone-press-up", "abdominal-bracing"),
    )
    for days_ago, (before, after, morning) in enumerate([(2, 7, 6), (3, 4, 3), (3, 2, 2)]):
        session = session_factory(
            program=program, before=before, after=after, next_morning=morning, days_ago=days_ago
        )
    Alert.objects.create(
        clinic=clinic, patient=patient, kind="red_session", message="Red session", session=session
    )
    attention_rebuild(clinic=clinic)
    Reminder.objects.create(patient=patient, slot=timezone.now() - datetime.timedelta(hours=1))
    for instrument, score in (("nprs", 6), ("odi", 40), ("rmdq", 12)):
        outcome_record(actor=actor, patient=patient, instrument=instrument, score=score)
    discharge = Discharge.objects.create(
        program=program_factory(patient=patient, status="completed"),
        patient=patient,
        clinic=clinic,
        condition=patient.condition,
        tier="mild",
        summary="Discharged after six weeks; walking an hour without pain.",
        sessions_logged=30,
        sessions_prescribed=36,
    )
    template = program_template_save(actor=actor, program=program, name="Acute low back")
    custom = exercise_create(
        actor=actor,
        name="Doorway lean",
        instructions="Stand with your back to a wall.\nSlide down a little, then up.",
        category="mobility",
        position="standing",
        progression_order=5,
        dosage_profile="extension_hold",
        max_tier="severe",
        summary="A gentle standing slide.",
    )
    # A clinic photo: shown on the library page and the patient's Today page, with its caption.
    exercise_media_add(
        actor=actor,
        exercise=Exercise.objects.get(clinic=None, slug="prone-on-elbows"),
        data=png((240, 160)),
        caption="Our physiotherapist on her elbows, hips on the mat",
    )
    portal_invitation = PortalInvitation.objects.create(
        patient=PatientFactory(clinic=clinic, email="new@example.com"),
        email="new@example.com",
        created_by=admin.user,
        expires_at=timezone.now() + PortalInvitation.VALID_FOR,
    )
    staff_invitation = StaffInvitation.objects.create(
        clinic=clinic,
        email="colleague@example.com",
        invited_by=admin.user,
        expires_at=timezone.now() + StaffInvitation.VALID_FOR,
    )
    uid = urlsafe_base64_encode(force_bytes(admin.user.pk))
    tokens = {
        "password_reset": reverse(
            "password_reset_confirm", args=[uid, default_token_generator.make_token(admin.user)]
        ),
        "staff_invitation": reverse(
            "staff_invitation_accept", args=[staff_invitation_token(staff_invitation)]
        ),
        "portal_invitation": reverse(
            "invitations:accept", args=[portal_invitation_token(portal_invitation)]
        ),
        "unsubscribe": reverse("reminders:unsubscribe", args=[unsubscribe_token(patient.pk)]),
        "digest_unsubscribe": reverse(
            "reminders:digest_unsubscribe", args=[digest_unsubscribe_token(admin.pk)]
        ),
    }
    clinic_page = education_page_create(
        actor=Actor(clinic=clinic, user=admin.user),
        title="Our clinic's walking group",
        summary="Walk with others twice a week.",
        body="Meet at the front desk on Tuesdays and Thursdays.",
        sources="The clinic's own programme",
    )
    tokens["education_page"] = reverse("education:page_translations", args=[clinic_page.slug])
    careful = ClinicianFactory(clinic=clinic)
    TOTPDevice.objects.create(user=careful.user, name="Phone", confirmed=True)
    sessions = {}
    for role, user in (("clinician", admin.user), ("patient", patient.user)):
        client = Client()
        client.force_login(user)
        sessions[role] = client.cookies["sessionid"].value
    return World(
        admin,
        patient,
        program,
        session,
        discharge,
        template,
        custom,
        tokens,
        careful.user.email,
        sessions,
    )


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker) -> Iterator[tuple[LiveServer, World]]:
    """One seeded clinic and one live server for every page of this module.

    pytest-django's `live_server` would flush and re-seed the database after each of ~100
    checks; none of them writes, so they share one world, removed at the end as a flush would.
    The database stays unblocked meanwhile because the server's thread reads it.
    """
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        try:
            yield server, _seed()
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            seed_reference_data()


@pytest.fixture(scope="module")
def pages(walk, browser: Browser) -> Iterator[dict[tuple[str, str], Page]]:
    """A signed-in tab per (role, viewport), opened on first use and reused."""
    server, world = walk
    opened: dict[tuple[str, str], Page] = {}

    def tab(role: str, viewport: str) -> Page:
        if (role, viewport) not in opened:
            # bypass_csp: the app's CSP refuses inline scripts, and axe is injected as one.
            context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)
            if role in world.sessions:
                context.add_cookies(
                    [{"name": "sessionid", "value": world.sessions[role], "url": server.url}]
                )
            opened[role, viewport] = context.new_page()
            if role == "half_signed_in":  # the password step, through the real form
                page = opened[role, viewport]
                page.goto(f"{server.url}{reverse('login')}")
                page.get_by_label("Email").fill(world.two_factor_email)
                page.get_by_label("Password").fill(TEST_PASSWORD)
                page.get_by_role("button", name="Sign in").click()
                page.wait_for_url(f"**{reverse('two_factor_verify')}**")
        return opened[role, viewport]

    yield tab  # type: ignore[misc]
    for page in opened.values():
        page.context.close()


def axe_violations(page: Page) -> list[str]:
    """The serious and critical axe-core violations of the page, one line per element."""
    # page.evaluate runs in the page's world without a <script> element, so the app's CSP
    # (no inline scripts) does not refuse it; bypass_csp on the context covers axe's own needs.
    page.evaluate(AXE_SOURCE)
    results = page.evaluate(
        "tags => axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {node['target']}"
        + "".join(f" ({check['message']})" for check in node["any"][:1])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


# django_db: makes pytest-django create the test database; the pages only read the world.
@pytest.mark.django_db
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_has_no_serious_accessibility_violation(walk, pages, name, viewport):
    server, world = walk
    shown = PAGES[name]
    page = pages(shown.role, viewport)
    response = page.goto(server.url + shown.url(world))
    assert response is not None, name
    assert response.status == 200, f"{name} answered {response.status}"
    violations = axe_violations(page)
    assert not violations, f"{name} at {viewport}:\n" + "\n".join(violations)


# Forms sent empty: the page that comes back names each error next to its field. None of these
# submissions writes anything, so the shared world stays as seeded.
SENT_EMPTY = {
    "login": "Sign in",
    "patients:create": "Add patient",
    "library:exercise_create": "Add exercise",
    "outcomes:record": "Record score",
    "clinic:password_change": "Change the password",
    "portal:log": "Save session",
}


@pytest.mark.django_db
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", sorted(SENT_EMPTY))
def test_a_form_with_errors_has_no_serious_accessibility_violation(walk, pages, name, viewport):
    server, world = walk
    shown = PAGES[name]
    page = pages(shown.role, viewport)
    page.goto(server.url + shown.url(world))
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name=SENT_EMPTY[name]).click()
    assert page.locator(".invalid-feedback, .alert-danger, .errorlist").count(), "no error shown"
    violations = axe_violations(page)
    assert not violations, f"{name} with errors at {viewport}:\n" + "\n".join(violations)
