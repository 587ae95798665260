"""Every route that shows a patient's clinical data writes an audit row (SPEC 6).

The test walks the URL resolver: each route must be listed either in SHOWS_PATIENT_DATA, with
how to request it, or in SHOWS_NO_PATIENT_DATA, with why. A new route in neither fails
`test_every_route_is_classified`, so nobody can add a page or an endpoint and forget its audit.
A rejected request (404, 400) writes no "view" row.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from clinic.models import AuditLog
from clinic.services import Actor
from patients.services import patient_record_view
from tests.conftest import bearer
from tests.factories import (
    ClinicFactory,
    ClinicianFactory,
    PatientFactory,
    api_token_for,
    portal_client_for,
    program_factory,
    session_factory,
)

pytestmark = pytest.mark.django_db


@dataclass
class World:
    admin: Any
    patient: Any
    program: Any
    session: Any
    stranger: Any  # another clinic's patient
    stranger_program: Any
    web: Client
    api: Any
    portal: Client


@dataclass(frozen=True)
class Shows:
    """How to request a route that shows patient data, and which patient its row names."""

    url: Callable[[World, bool], str]  # (world, of another clinic?) -> URL
    api: bool = False
    portal: bool = False  # requested by the patient, from the portal
    clinic_wide: bool = False  # a list or page of the whole clinic, no object in the URL


def _patient(w: World, other: bool) -> int:
    return (w.stranger if other else w.patient).pk


def _program(w: World, other: bool) -> int:
    return (w.stranger_program if other else w.program).pk


def _discharge(w: World, other: bool) -> int:
    """A discharge of the (other clinic's) program, made as the outcomes service records it."""
    from programs.outcomes.models import Discharge

    program = w.stranger_program if other else w.program
    discharge, _ = Discharge.objects.get_or_create(
        program=program,
        defaults={
            "patient": program.patient,
            "clinic": program.patient.clinic,
            "condition": program.patient.condition,
            "tier": program.tier,
            "summary": "Discharged.",
            "sessions_logged": 0,
            "sessions_prescribed": 0,
        },
    )
    return discharge.pk


SHOWS_PATIENT_DATA: dict[str, Shows] = {
    "patients:list": Shows(
        lambda w, o: reverse("patients:list") + "?q=" + w.patient.last_name, clinic_wide=True
    ),
    "patients:detail": Shows(lambda w, o: reverse("patients:detail", args=[_patient(w, o)])),
    "patients:edit": Shows(lambda w, o: reverse("patients:edit", args=[_patient(w, o)])),
    "patients:archive": Shows(lambda w, o: reverse("patients:archive", args=[_patient(w, o)])),
    "patients:audit": Shows(lambda w, o: reverse("patients:audit", args=[_patient(w, o)])),
    "prescribing:detail": Shows(lambda w, o: reverse("prescribing:detail", args=[_program(w, o)])),
    "prescribing:handout": Shows(
        lambda w, o: reverse("prescribing:handout", args=[_program(w, o)])
    ),
    "followup:dashboard": Shows(lambda w, o: reverse("followup:dashboard"), clinic_wide=True),
    "reminders:reminder_list": Shows(
        lambda w, o: reverse("reminders:reminder_list"), clinic_wide=True
    ),
    "clinic:audit": Shows(lambda w, o: reverse("clinic:audit"), clinic_wide=True),
    "api:patient_list": Shows(lambda w, o: "/api/v1/patients/", api=True, clinic_wide=True),
    "api:patient_detail": Shows(lambda w, o: f"/api/v1/patients/{_patient(w, o)}/", api=True),
    "api:assessment_list": Shows(
        lambda w, o: f"/api/v1/patients/{_patient(w, o)}/assessments/", api=True
    ),
    "api:patient_program_list": Shows(
        lambda w, o: f"/api/v1/patients/{_patient(w, o)}/programs/", api=True
    ),
    "api:program_detail": Shows(lambda w, o: f"/api/v1/programs/{_program(w, o)}/", api=True),
    "api:patient_session_list": Shows(
        lambda w, o: f"/api/v1/patients/{_patient(w, o)}/sessions/", api=True
    ),
    "api:patient_fhir": Shows(lambda w, o: f"/api/v1/patients/{_patient(w, o)}/fhir/", api=True),
    "prescribing:handout_pdf": Shows(
        lambda w, o: reverse("prescribing:handout_pdf", args=[_program(w, o)])
    ),
    "outcomes:record": Shows(
        lambda w, o: reverse("outcomes:record", args=[_patient(w, o), "nprs"])
    ),
    "outcomes:discharge": Shows(lambda w, o: reverse("outcomes:discharge", args=[_program(w, o)])),
    "outcomes:letter": Shows(lambda w, o: reverse("outcomes:letter", args=[_discharge(w, o)])),
    "outcomes:letter_pdf": Shows(
        lambda w, o: reverse("outcomes:letter_pdf", args=[_discharge(w, o)])
    ),
    "outcomes:clinic": Shows(lambda w, o: reverse("outcomes:clinic"), clinic_wide=True),
    "api:patient_outcome_list": Shows(
        lambda w, o: f"/api/v1/patients/{_patient(w, o)}/outcomes/", api=True
    ),
    "outcomes_portal:checkin": Shows(lambda w, o: reverse("outcomes_portal:checkin"), portal=True),
    # The portal shows a patient their own program, sessions and charts: recorded too.
    "portal:today": Shows(lambda w, o: reverse("portal:today"), portal=True),
    "portal:log": Shows(lambda w, o: reverse("portal:log"), portal=True),
    "portal:history": Shows(lambda w, o: reverse("portal:history"), portal=True),
    "portal:session_advice": Shows(
        lambda w, o: reverse("portal:session_advice", args=[w.session.pk]), portal=True
    ),
}

POST_ONLY = "answers POST only: what it writes is audited by its service, a GET is refused"
SHOWS_NO_PATIENT_DATA: dict[str, str] = {
    "home": "redirects to the user's part of the app",
    "healthz": "the state of the database, broker and cache",
    "login": "sign-in",
    "logout": "sign-out",
    "two_factor_verify": "sign-in's code step",
    "staff_invitation_accept": "a new clinician's account",
    "password_change": "the user's own password",
    "accounts/password_change/": "the user's own password (the account page's form)",
    "password_change_done": "the user's own password",
    "password_reset": "the user's own password",
    "password_reset_done": "the user's own password",
    "password_reset_confirm": "the user's own password",
    "password_reset_complete": "the user's own password",
    "patients:create": "an empty form",
    "patients:assessment_create": POST_ONLY,
    "patients:invite": POST_ONLY,
    "library:exercise_list": "the exercise library",
    "library:exercise_create": "the exercise library",
    "library:dosage_defaults": "the dosage rules",
    "prescribing:generate": POST_ONLY,
    "prescribing:template_apply": POST_ONLY,
    "prescribing:item_add": POST_ONLY,
    "prescribing:item_dosage": POST_ONLY,
    "prescribing:item_remove": POST_ONLY,
    "prescribing:item_move": POST_ONLY,
    "prescribing:activate": POST_ONLY,
    "prescribing:pause": POST_ONLY,
    "prescribing:complete": POST_ONLY,
    "prescribing:template_save": POST_ONLY,
    "prescribing:template_list": "clinic templates hold exercises and dosages, no patient",
    "prescribing:template_detail": "clinic templates hold exercises and dosages, no patient",
    "followup:suggestion_decide": POST_ONLY,
    "followup:alert_resolve": POST_ONLY,
    "reminders:unsubscribe": "a patient's own reminder setting, by a signed link",
    "reminders:digest_unsubscribe": "a clinician's own digest setting, by a signed link",
    "invitations:accept": "a patient's own password, by a signed link",
    "portal:emergency": "advice to seek emergency care, the same for every patient",
    "portal:morning": POST_ONLY,
    "portal:reminders": "the patient's reminder times and time zone",
    "portal:manifest": "the web app manifest: the app's name and icons, the same for everyone",
    "portal:service_worker": "the offline worker script, the same for everyone",
    "portal:log_sync": POST_ONLY,
    "portal:morning_sync": POST_ONLY,
    "portal:calendar_feed_make": POST_ONLY,
    "portal:calendar_feed_stop": POST_ONLY,
    # Polled hourly by a calendar app, with no user to name as the actor; it holds exercise
    # times only ("Exercise time": no name, diagnosis or exercise). Making, replacing and
    # revoking the secret URL are audited by their services.
    "portal:calendar_feed": "exercise times only, by the patient's revocable secret URL",
    "portal:language": "the patient's choice of language, from a fixed list",
    "clinic:api_keys": "the clinic's API keys",
    "clinic:api_key_revoke": POST_ONLY,
    "clinic:staff": "the clinic's staff",
    "clinic:staff_two_factor": POST_ONLY,
    "clinic:staff_admin": POST_ONLY,
    "clinic:staff_active": POST_ONLY,
    "clinic:staff_two_factor_reset": POST_ONLY,
    "clinic:staff_invitation_cancel": POST_ONLY,
    "clinic:account": "the user's own account",
    "clinic:password_change": "the user's own password",
    "clinic:two_factor_setup": "the user's own account",
    "clinic:two_factor_qr": "the user's own account",
    "clinic:two_factor_backup_codes": POST_ONLY,
    "clinic:two_factor_off": POST_ONLY,
    "clinic:api_token_revoke": POST_ONLY,
    "api:schema": "the API's schema",
    "api:docs": "the API's documentation",
    "api:auth_token": "credentials",
    "api:exercise_list": "the exercise library",
    "api:exercise_detail": "the exercise library",
    "api:program_activate": POST_ONLY,
    "api:program_item": "answers PATCH only: a dosage change, audited by its service",
    "api:session_detail": "answers PATCH only: next-morning pain, audited by its service",
    "api:not_found": "a JSON 404",
    "prescribing:handout_email": POST_ONLY,
    "outcomes:instruments": "the instruments, their rules and licences",
    "outcomes:interval": POST_ONLY,
    "outcomes:clinic_interval": POST_ONLY,
    "education:page_list": "education pages, written for every patient",
    "education:page_detail": "education pages, written for every patient",
    "education:page_translations": "a clinic's own education page, written for every patient",
    "education:pin": POST_ONLY,
    "education:unpin": POST_ONLY,
    "library:exercise_detail": "the exercise library",
    "library:media_upload": "the clinic's photos and videos of an exercise",
    "library:media_file": "the clinic's photos and videos of an exercise",
    "library:media_delete": POST_ONLY,
    "library:exercise_translations": "a clinic exercise's texts in other languages",
    "clinic:details": "the clinic's phone number",
    "portal:learn": "education pages, written for every patient",
    "portal:learn_page": "education pages, written for every patient",
    "portal:media_file": "the clinic's photos and videos of an exercise",
}


def _route_names(patterns, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # Django's admin, for staff only; it has no patient pages
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= _route_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            names.add(f"{namespace}{entry.name}" if entry.name else str(entry.pattern))
    return names


def test_every_route_is_classified():
    routes = _route_names(get_resolver().url_patterns)
    unclassified = routes - SHOWS_PATIENT_DATA.keys() - SHOWS_NO_PATIENT_DATA.keys()
    assert not unclassified, (
        f"Routes without an audit decision: {sorted(unclassified)}. Add each to "
        "SHOWS_PATIENT_DATA (and audit it) or to SHOWS_NO_PATIENT_DATA with why."
    )
    assert not (SHOWS_PATIENT_DATA.keys() | SHOWS_NO_PATIENT_DATA.keys()) - routes, "stale names"


@pytest.fixture
def world(clinic) -> World:
    from programs.followup.models import Alert
    from programs.followup.services import attention_rebuild
    from programs.reminders.models import Reminder

    admin = ClinicianFactory(clinic=clinic, is_clinic_admin=True)
    patient = PatientFactory(clinic=clinic, last_name="Quill")
    program = program_factory(patient=patient, status="active")
    session = session_factory(program=program, before=2, after=7)
    Alert.objects.create(  # puts the patient on the dashboard
        clinic=clinic, patient=patient, kind="red_session", message="Red session", session=session
    )
    attention_rebuild(clinic=clinic)  # the row above bypassed the services that keep these
    Reminder.objects.create(patient=patient, slot=timezone.now() - datetime.timedelta(hours=1))
    stranger = PatientFactory(clinic=ClinicFactory())
    stranger_program = program_factory(patient=stranger, status="active")
    # An earlier row in the trail, for the clinic's audit page to show.
    patient_record_view(actor=Actor(clinic=clinic, user=admin.user), patient=patient)
    web = Client()
    web.force_login(admin.user)
    return World(
        admin=admin,
        patient=patient,
        program=program,
        session=session,
        stranger=stranger,
        stranger_program=stranger_program,
        web=web,
        api=bearer(api_token_for(admin.user)),
        portal=portal_client_for(patient),
    )


def _newest_id() -> int:
    row = AuditLog.objects.order_by("-id").first()
    return row.pk if row else 0


@pytest.mark.parametrize("name", sorted(SHOWS_PATIENT_DATA))
def test_a_route_showing_patient_data_writes_an_audit_row(world, name):
    shows = SHOWS_PATIENT_DATA[name]
    since = _newest_id()
    client = world.portal if shows.portal else world.api if shows.api else world.web
    response = client.get(shows.url(world, False))
    assert response.status_code == 200, response.content[:300]
    rows = AuditLog.objects.filter(pk__gt=since, action__in=["view", "export"])
    assert rows.exists(), f"{name} showed patient data without an audit row"
    row = rows.first()
    reader = world.patient.user if shows.portal else world.admin.user
    assert row.clinic == world.admin.clinic and row.actor == reader
    assert row.channel == ("api" if shows.api else "ui")
    assert rows.filter(patient=world.patient).exists()


@pytest.mark.parametrize(
    "name",
    sorted(
        name
        for name, shows in SHOWS_PATIENT_DATA.items()
        if not shows.clinic_wide and not shows.portal
    ),
)
def test_another_clinics_object_is_a_404_without_a_view_row(world, name):
    shows = SHOWS_PATIENT_DATA[name]
    since = _newest_id()
    response = (world.api if shows.api else world.web).get(shows.url(world, True))
    assert response.status_code == 404
    assert not AuditLog.objects.filter(pk__gt=since, action="view").exists()


def test_a_rejected_list_request_writes_no_view_row(world):
    since = _newest_id()
    assert world.api.get("/api/v1/patients/?tier=enormous").status_code == 400
    assert world.web.get(reverse("clinic:audit") + "?date_from=x").status_code == 400
    assert not AuditLog.objects.filter(pk__gt=since).exists()


def test_the_patient_list_records_the_query_and_each_patient_shown(world):
    other = PatientFactory(clinic=world.admin.clinic, last_name="Quillon")
    since = _newest_id()
    world.web.get(reverse("patients:list") + "?q=Quill")
    rows = AuditLog.objects.filter(pk__gt=since)
    assert {row.patient_id for row in rows} == {world.patient.pk, other.pk}
    assert all("q=Quill" in row.summary for row in rows)
