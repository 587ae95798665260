"""The installable, offline portal's server side: manifest, service worker, and the endpoints
that take what a phone kept while offline."""

import datetime
import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from programs.followup.models import SessionLog
from programs.prescribing.models import Program
from tests.factories import PatientFactory, program_factory, session_factory

pytestmark = pytest.mark.django_db


def _kept(program, **changes):
    """A session as portal-offline.js sends it: the form's fields, its own token and time."""
    data = {
        "program": program.pk,
        "client_token": str(uuid.uuid4()),
        "performed_at": (timezone.now() - datetime.timedelta(hours=3)).isoformat(),
        "pain_before": 2,
        "pain_after": 3,
    }
    for item in program.items.all():
        data |= {f"done_{item.pk}": "on", f"sets_{item.pk}": item.sets, f"reps_{item.pk}": 4}
    return data | changes


def test_manifest_is_json_with_icons_and_the_portal_as_scope(client: Client):
    response = client.get(reverse("portal:manifest"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == manifest["scope"] == "/portal/"
    assert manifest["display"] == "standalone" and manifest["short_name"] == "Backstrong"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png" and icon["src"].startswith("/static/portal/")


def test_service_worker_is_served_from_the_portal_root_uncached(client: Client):
    response = client.get(reverse("portal:service_worker"))
    assert reverse("portal:service_worker") == "/portal/sw.js"
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    # no-cache at least (a middleware may add no-store): the browser checks for a new worker.
    assert "no-cache" in response["Cache-Control"].split(", ")
    assert response["Service-Worker-Allowed"] == "/portal/"
    body = response.content.decode()
    assert "var SCOPE = '/portal/';" in body and "'/portal/log/'" in body
    assert "{%" not in body and "{{" not in body


def test_csp_lets_the_worker_and_manifest_load_from_the_app(portal, program):
    csp = portal.get(reverse("portal:today"))["Content-Security-Policy"]
    assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp


def test_portal_pages_link_the_manifest_and_the_offline_script(portal, program):
    page = portal.get(reverse("portal:today")).content.decode()
    assert 'rel="manifest" href="/portal/manifest.webmanifest"' in page
    assert "js/portal-offline.js" in page and 'data-sw="/portal/sw.js"' in page


def test_a_kept_session_is_saved_once_however_often_it_is_sent(portal, patient, program):
    data = _kept(program)
    first = portal.post(reverse("portal:log_sync"), data)
    again = portal.post(reverse("portal:log_sync"), data)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["session"] == again.json()["session"]
    assert (first.json()["created"], again.json()["created"]) == (True, False)
    session = SessionLog.objects.get(patient=patient)
    assert str(session.client_token) == data["client_token"]
    assert session.performed_at < timezone.now() - datetime.timedelta(hours=2)
    assert {item.reps_done for item in session.items.all()} == {4}


def test_a_kept_session_names_where_to_go_next(portal, program):
    red = portal.post(reverse("portal:log_sync"), _kept(program, pain_after=7)).json()
    assert red["next"] == reverse("portal:session_advice", args=[red["session"]])
    emergency = portal.post(
        reverse("portal:log_sync"), _kept(program, symptoms=["saddle_anaesthesia"])
    ).json()
    assert emergency["next"] == reverse("portal:emergency")


def test_a_kept_session_for_another_patients_program_is_refused(portal, patient, program):
    theirs = program_factory(patient=PatientFactory(clinic=patient.clinic), status="active")
    response = portal.post(reverse("portal:log_sync"), _kept(program) | {"program": theirs.pk})
    assert response.status_code == 400
    assert response.json()["saved"] is False and "program" in response.json()["errors"]
    assert not SessionLog.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"program": "x"},
        {"pain_before": 11},
        {"client_token": "not-a-uuid"},
        {"performed_at": "yesterday-ish"},
        {"performed_at": (timezone.now() - datetime.timedelta(days=9)).isoformat()},
        {"symptoms": ["sore_toe"]},
    ],
)
def test_bad_kept_sessions_get_a_clear_error_and_save_nothing(portal, program, changes):
    response = portal.post(reverse("portal:log_sync"), _kept(program) | changes)
    assert response.status_code == 400
    assert response.json()["errors"] and not SessionLog.objects.exists()


def test_a_session_kept_before_the_program_changed_stays_with_it(portal, patient, program):
    Program.objects.filter(pk=program.pk).update(status=Program.Status.PAUSED)
    response = portal.post(reverse("portal:log_sync"), _kept(program))
    assert response.status_code == 201
    assert SessionLog.objects.get().program_id == program.pk


def test_sync_needs_the_patient_signed_in(program):
    response = Client().post(reverse("portal:log_sync"), _kept(program))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Client().get(reverse("portal:log_sync")).status_code == 302
    assert not SessionLog.objects.exists()


def test_a_kept_morning_answer_sent_twice_is_harmless(portal, program):
    session = session_factory(program=program, days_ago=1)
    url = reverse("portal:morning_sync", args=[session.pk])
    assert portal.post(url, {"pain_next_morning": 3}).status_code == 200
    assert portal.post(url, {"pain_next_morning": 3}).json()["saved"] is True
    session.refresh_from_db()
    assert session.pain_next_morning == 3
    changed = portal.post(url, {"pain_next_morning": 6})
    assert changed.status_code == 409 and changed.json()["errors"]
    assert portal.post(url, {"pain_next_morning": 12}).status_code == 400


def test_another_patients_session_is_a_404_for_the_morning_sync(portal, patient):
    theirs = program_factory(patient=PatientFactory(clinic=patient.clinic), status="active")
    session = session_factory(program=theirs, days_ago=1)
    url = reverse("portal:morning_sync", args=[session.pk])
    assert portal.post(url, {"pain_next_morning": 3}).status_code == 404


def test_the_log_form_carries_its_program_and_the_offline_advice(portal, program):
    page = portal.get(reverse("portal:log")).content.decode()
    assert f'name="program" value="{program.pk}"' in page
    assert 'data-sync-url="/portal/log/sync/"' in page
    assert 'id="offline-emergency"' in page and "Seek emergency care now" in page


def test_today_shows_shared_cautions_once(portal, program):
    page = portal.get(reverse("portal:today")).content.decode()
    assert page.count('data-testid="shared-cautions"') == 1
    assert page.count('data-testid="today-item"') == 2
    assert 'data-testid="log-bar"' in page
