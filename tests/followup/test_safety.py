"""Clinical safety: a red flag stops an active program, the dashboard leads with referrals,
a red session tells the patient what to do, and suggestions say what they change."""

import datetime
import re
import uuid

import pytest
from django.urls import reverse

from clinic.models import AuditLog
from patients.services import assessment_record, patient_change
from programs.followup.models import Alert, Suggestion
from programs.followup.services import (
    ItemReport,
    attention_rebuild,
    session_log_record,
    suggestion_accept,
)
from programs.prescribing.models import Program, ProgramStatusChange
from programs.prescribing.services import ReferralRequired, program_activate, program_pause
from programs.reminders.models import Reminder
from programs.reminders.services import reminders_dispatch
from tests.conftest import bearer
from tests.factories import (
    PatientFactory,
    api_token_for,
    portal_client_for,
    program_factory,
)

pytestmark = pytest.mark.django_db

EVENING = datetime.datetime(2026, 1, 15, 18, 1, tzinfo=datetime.UTC)


@pytest.fixture
def program(patient):
    return program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "abdominal-bracing")
    )


def _flag(actor, patient, *flags):
    return assessment_record(
        actor=actor, patient=patient, injury_severity="mild", pain_level=3, red_flags=list(flags)
    )


# --- a red flag pauses the active program --------------------------------------------------


def test_red_flag_assessment_pauses_the_active_program_and_keeps_why(actor, patient, program):
    _flag(actor, patient, "night_pain")
    program.refresh_from_db()
    assert program.status == Program.Status.PAUSED
    change = program.status_changes.get()
    assert (change.from_status, change.to_status, change.cause) == ("active", "paused", "red_flag")
    assert change.reason == "Red flag recorded: Night pain (urgent)"
    assert change.changed_by == actor.user
    assert AuditLog.objects.filter(
        patient=patient, object_id=str(program.pk), summary__startswith="Paused: red flag recorded"
    ).exists()


def test_the_pause_commits_with_the_assessment_or_not_at_all(actor, patient, program):
    # A flag that fails validation records nothing, so nothing is paused either.
    with pytest.raises(Exception, match="Unknown red flag"):
        _flag(actor, patient, "not_a_flag")
    program.refresh_from_db()
    assert program.status == "active" and not ProgramStatusChange.objects.exists()


def test_a_flag_free_assessment_does_not_pause(actor, patient, program):
    _flag(actor, patient)
    program.refresh_from_db()
    assert program.status == "active" and not program.status_changes.exists()


def test_drafts_are_left_alone_and_stay_blocked(actor, patient):
    draft = program_factory(patient=patient, status="draft")
    _flag(actor, patient, "major_trauma")
    draft.refresh_from_db()
    assert draft.status == "draft"
    with pytest.raises(ReferralRequired):
        program_activate(actor=actor, program=draft)


def test_a_red_flag_on_a_paused_program_becomes_its_reason(actor, patient, program):
    program_pause(actor=actor, program=program, reason="Holiday")
    _flag(actor, patient, "saddle_anaesthesia")
    program.refresh_from_db()
    assert program.status == "paused"
    latest = program.status_changes.first()
    assert (latest.from_status, latest.to_status, latest.cause) == (
        "paused",
        "paused",
        "emergency_flag",
    )


def test_resuming_needs_a_flag_free_assessment_then_the_clinicians_resume(actor, patient, program):
    _flag(actor, patient, "history_of_cancer")
    program.refresh_from_db()
    with pytest.raises(ReferralRequired, match="History of cancer"):
        program_activate(actor=actor, program=program)
    _flag(actor, patient)  # cleared by a new assessment, but nothing resumes by itself
    program.refresh_from_db()
    assert program.status == "paused"
    program_activate(actor=actor, program=program)
    program.refresh_from_db()
    assert program.status == "active"
    assert program.status_changes.first().reason == "Resumed by the clinician"


def test_reminders_stop_for_a_program_paused_by_a_red_flag(actor, clinic):
    from programs.reminders.models import ReminderPreference

    def make(name):
        patient = PatientFactory(clinic=clinic, last_name=name, email=f"{name}@example.org")
        program_factory(patient=patient, status="active")
        ReminderPreference.objects.create(patient=patient, times=["18:00"], weekdays=list(range(7)))
        return patient

    flagged, well = make("flagged"), make("well")
    _flag(actor, flagged, "fever_or_infection_risk")
    reminders_dispatch(now=EVENING)
    assert list(Reminder.objects.values_list("patient__last_name", flat=True)) == ["well"]
    assert well.pk != flagged.pk


def test_the_web_reassessment_pauses_and_the_program_page_says_why(
    clinician_client, patient, program
):
    url = reverse("patients:assessment_create", args=[patient.pk])
    response = clinician_client.post(
        url,
        {"injury_severity": "mild", "pain_level": "3", "red_flags": ["unexplained_weight_loss"]},
    )
    assert response.status_code == 302
    page = clinician_client.get(reverse("prescribing:detail", args=[program.pk])).content.decode()
    assert 'data-testid="program-status">Paused' in page
    assert "Red flag recorded: Unexplained weight loss (urgent)" in page
    assert "Reminders have stopped" in page and "contact the clinic" in page
    assert 'data-testid="status-history"' in page


def test_patient_change_with_a_flag_pauses_too(actor, patient, program):
    patient_change(actor=actor, patient=patient, red_flags=["osteoporotic_fracture_risk"])
    program.refresh_from_db()
    assert program.status == "paused"


def test_portal_tells_the_patient_to_contact_the_clinic(actor, patient, program):
    _flag(actor, patient, "night_pain")
    page = portal_client_for(patient).get(reverse("portal:today")).content.decode()
    assert "Your clinician has paused your program" in page
    assert f"Contact {patient.clinic.name} today" in page
    assert "Start hold" not in page and "Still to do today" not in page


def test_portal_tells_the_patient_to_seek_emergency_care_for_an_emergency_flag(
    actor, patient, program
):
    _flag(actor, patient, "bladder_bowel_dysfunction")
    page = portal_client_for(patient).get(reverse("portal:today")).content.decode()
    assert "Seek emergency care now" in page
    assert "What your clinician recorded" in page
    assert "Start hold" not in page


def test_the_api_reads_paused_and_refuses_sessions(actor, clinician, patient, program):
    api = bearer(api_token_for(clinician.user))
    created = api.post(
        f"/api/v1/patients/{patient.pk}/assessments/",
        {"injury_severity": "mild", "pain_level": 3, "red_flags": ["night_pain"]},
        format="json",
    )
    assert created.status_code == 201
    assert api.get(f"/api/v1/programs/{program.pk}/").json()["status"] == "paused"
    item = program.items.first()
    logged = api.post(
        f"/api/v1/patients/{patient.pk}/sessions/",
        {
            "pain_before": 2,
            "pain_after": 3,
            "items": [{"item": item.pk, "completed": True, "sets_done": 1, "reps_done": 1}],
        },
        format="json",
    )
    assert logged.status_code == 409


def test_the_emergency_symptom_pause_is_in_the_history(actor, patient, program):
    session_log_record(
        actor=actor,
        patient=patient,
        pain_before=2,
        pain_after=2,
        items=[ItemReport(program.items.first().pk, True, 1, 1)],
        symptoms=["progressive_leg_weakness"],
    )
    change = Program.objects.get(pk=program.pk).status_changes.get()
    assert change.cause == "emergency_symptom"
    assert "progressive leg weakness" in change.reason.lower()
    page = portal_client_for(patient).get(reverse("portal:today")).content.decode()
    assert "Seek emergency care now" in page and "The symptoms you reported" in page


# --- the dashboard leads with referrals ----------------------------------------------------


def test_dashboard_lists_every_referral_with_emergencies_above_everything(
    actor, clinician_client, clinic
):
    urgent = PatientFactory(clinic=clinic, last_name="Urgent", red_flags=["night_pain"])
    emergency = PatientFactory(
        clinic=clinic, last_name="Emergent", red_flags=["saddle_anaesthesia", "major_trauma"]
    )
    symptom = PatientFactory(clinic=clinic, last_name="Symptom")
    program = program_factory(patient=symptom, status="active")
    session_log_record(
        actor=actor,
        patient=symptom,
        pain_before=2,
        pain_after=2,
        items=[ItemReport(program.items.first().pk, True, 1, 1)],
        symptoms=["saddle_anaesthesia"],
    )
    red = PatientFactory(clinic=clinic, last_name="Redsession")
    red_program = program_factory(patient=red, status="active")
    session_log_record(
        actor=actor,
        patient=red,
        pain_before=2,
        pain_after=8,
        items=[ItemReport(red_program.items.first().pk, True, 1, 1)],
    )
    PatientFactory(clinic=clinic, last_name="Calm")
    attention_rebuild(clinic=clinic)  # the factories bypass the services that keep the rows
    page = clinician_client.get(reverse("followup:dashboard")).content.decode()
    listed = page[page.index('class="list-group"') :]  # past the filters, which name reasons
    order = [listed.index(name) for name in ("Emergent", "Symptom", "Urgent", "Redsession")]
    assert order == sorted(order)
    assert "Calm" not in page
    assert "Emergency referral" in page and "Urgent referral" in page
    assert "Saddle anaesthesia (emergency), Major trauma (urgent)" in page
    assert "Night pain (urgent)" in page
    assert reverse("patients:detail", args=[emergency.pk]) in page
    assert reverse("patients:detail", args=[urgent.pk]) in page


def test_one_event_is_one_reason_on_the_dashboard(actor, clinician_client, patient, program):
    from tests.followup.test_sessions import _log

    _log(actor, patient, program, before=2, after=7)
    assert Alert.objects.count() == 1 and Suggestion.objects.count() == 1
    page = clinician_client.get(reverse("followup:dashboard")).content.decode()
    assert page.count("pain reached 7/10") + page.count("Pain reached 7/10") == 1
    assert "Red session" in page and "Regress suggested" in page


# --- a red session tells the patient what to do --------------------------------------------


def _portal_log(client, program, *, before, after):
    from tests.portal.test_views import _log_data

    data = _log_data(program, pain_before=before, pain_after=after)
    return client.post(reverse("portal:log"), data | {"client_token": str(uuid.uuid4())})


def test_a_red_session_shows_what_to_do(patient, program):
    client = portal_client_for(patient)
    response = _portal_log(client, program, before=2, after=7)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response.url).content.decode()
    assert "Your pain went up to 7/10: ease off" in page
    assert "Stop" in page and f"Call {patient.clinic.name}" in page
    assert "emergency department" in page


def test_a_green_session_does_not_alarm(patient, program):
    client = portal_client_for(patient)
    response = _portal_log(client, program, before=2, after=2)
    assert response.url == reverse("portal:history")


def test_the_advice_page_is_only_the_patients_own(patient, program, clinic):
    other = PatientFactory(clinic=clinic)
    other_program = program_factory(patient=other, status="active")
    response = _portal_log(portal_client_for(other), other_program, before=1, after=9)
    assert portal_client_for(patient).get(response.url).status_code == 404


# --- suggestions say what they change, and accepting answers the alert ---------------------


def test_preview_shows_exactly_what_accepting_applies(actor, clinician_client, patient, program):
    from tests.followup.test_sessions import _log

    _log(actor, patient, program, before=2, after=6)
    page = clinician_client.get(reverse("patients:detail", args=[patient.pk])).content.decode()
    preview = re.search(r'data-testid="suggestion-preview">(.*?)</ul>', page, re.S).group(1)
    lines = re.findall(r"<li>(.*?)</li>", preview)
    assert lines, preview
    suggestion = Suggestion.objects.get()
    suggestion_accept(actor=actor, suggestion=suggestion, reason="Flare-up")
    for line in lines:
        name, changes = line.split(": ", 1)
        item = program.items.get(exercise__name=name)
        for change in changes.split(", "):
            label, old, _arrow, new = change.rsplit(" ", 3)
            field = {"reps": "reps", "hold (s)": "hold_seconds", "sets": "sets"}[label]
            assert getattr(item, field) == int(new), (line, item.dosage)


def test_accepting_resolves_the_alert_it_came_from(actor, patient, program):
    from tests.followup.test_sessions import _log

    _log(actor, patient, program, before=2, after=6)
    alert = Alert.objects.get()
    suggestion_accept(actor=actor, suggestion=Suggestion.objects.get(), reason="Agreed")
    alert.refresh_from_db()
    assert alert.resolved_at is not None and alert.resolved_by == actor.user


def test_a_red_flag_withdraws_pending_suggestions(actor, patient, program):
    from tests.followup.test_sessions import _log

    _log(actor, patient, program, before=2, after=6)
    _flag(actor, patient, "night_pain")
    suggestion = Suggestion.objects.get()
    assert suggestion.status == "declined"
    assert suggestion.decision_reason.startswith("Withdrawn: the program was paused")
