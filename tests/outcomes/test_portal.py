"""The portal check-in: offered when pain or the PSFS is due on an active program, bad answers
save nothing, and the patient sees their own progress."""

import pytest
from django.urls import reverse

from programs.outcomes.models import OutcomeScore
from programs.prescribing.services import program_pause
from tests.factories import portal_client_for
from tests.outcomes.conftest import score_factory

pytestmark = pytest.mark.django_db

CHECKIN = "/portal/check-in/"
FIRST = {
    "pain-pain": "5",
    "psfs-name_1": "Sitting",
    "psfs-rating_1": "2",
    "psfs-name_2": "Walking",
    "psfs-rating_2": "4",
    "psfs-name_3": "Lifting",
    "psfs-rating_3": "3",
}


def test_today_offers_the_check_in_when_due(patient, active_program):
    portal = portal_client_for(patient)
    assert 'data-testid="checkin-due"' in portal.get(reverse("portal:today")).content.decode()
    response = portal.post(CHECKIN, FIRST)
    assert response.status_code == 302
    scores = dict(OutcomeScore.objects.values_list("instrument", "score"))
    assert scores == {"nprs": 5, "psfs": 3}
    assert set(OutcomeScore.objects.values_list("source", flat=True)) == {"patient"}
    assert 'data-testid="checkin-due"' not in portal.get(reverse("portal:today")).content.decode()
    assert 'data-testid="checkin-done"' in portal.get(CHECKIN).content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"pain-pain": "11"},
        {"pain-pain": ""},
        {"psfs-rating_2": "12"},
        {"psfs-name_3": "", "psfs-rating_3": ""},  # only two activities
        {"psfs-name_2": "sitting"},  # the same activity twice
        {"psfs-rating_1": ""},  # named, not rated
    ],
)
def test_bad_answers_save_nothing(patient, active_program, changes):
    portal = portal_client_for(patient)
    response = portal.post(CHECKIN, {**FIRST, **changes})
    assert response.status_code == 400
    assert not OutcomeScore.objects.exists()
    assert not patient.psfs_activities.exists()


def test_only_what_is_due_is_asked(patient, active_program):
    score_factory(patient=patient, instrument="nprs", score=4, days_ago=1)
    page = portal_client_for(patient).get(CHECKIN).content.decode()
    assert 'name="psfs-name_1"' in page
    assert 'name="pain-pain"' not in page


def test_a_paused_program_asks_nothing(actor, patient, active_program):
    program_pause(actor=actor, program=active_program)
    portal = portal_client_for(patient)
    assert 'data-testid="checkin-due"' not in portal.get(reverse("portal:today")).content.decode()
    response = portal.post(CHECKIN, FIRST, follow=True)
    assert not OutcomeScore.objects.exists()
    assert "nothing is due now" in response.content.decode()


def test_clinicians_cannot_use_the_portal_check_in(clinician_client):
    assert clinician_client.get(CHECKIN).status_code == 403


def test_the_check_in_page_is_audited(patient, active_program):
    from clinic.models import AuditLog

    portal_client_for(patient).get(CHECKIN)
    row = AuditLog.objects.get(action="view", patient=patient)
    assert row.actor == patient.user
