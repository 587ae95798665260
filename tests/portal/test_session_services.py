"""Session logging made idempotent for the offline portal: the client's token keeps a session
once (also when two sends race), and a session made for a program stays with that program."""

import uuid
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from programs.followup.models import Alert, SessionLog
from programs.followup.services import ItemReport, session_log_record, session_morning_record
from programs.followup.services import sessions as session_services
from programs.prescribing.models import Program
from programs.prescribing.services import ProgramConflict
from tests.factories import ClinicFactory, PatientFactory, program_factory, session_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(patient):
    return program_factory(patient=patient, status="active", slugs=("prone-on-elbows",))


def _log(actor, patient, program, **kwargs):
    items = [ItemReport(item.pk, True, item.sets, item.reps) for item in program.items.all()]
    return session_log_record(
        actor=actor, patient=patient, pain_before=2, pain_after=3, items=items, **kwargs
    )


def test_same_client_token_twice_keeps_one_session(actor, patient, program):
    token = uuid.uuid4()
    first, created = _log(actor, patient, program, client_token=token)
    again, created_again = _log(actor, patient, program, client_token=token)
    assert (created, created_again) == (True, False) and again.pk == first.pk
    assert SessionLog.objects.filter(patient=patient).count() == 1
    assert first.items.count() == 1


def test_a_racing_duplicate_hits_the_constraint_and_returns_the_first(actor, patient, program):
    """The other request stored the token after this one looked: the INSERT fails on the
    UNIQUE constraint, inside a savepoint, and the stored row is returned."""
    token = uuid.uuid4()
    first, _ = _log(actor, patient, program, client_token=token)
    real_lookup = session_services._by_token
    calls = []

    def missed_then_real(patient, client_token):
        calls.append(client_token)
        return None if len(calls) == 1 else real_lookup(patient, client_token)

    with mock.patch.object(session_services, "_by_token", side_effect=missed_then_real):
        again, created = _log(actor, patient, program, client_token=token)
    assert len(calls) == 2, "the IntegrityError path was not taken"
    assert not created and again.pk == first.pk
    assert SessionLog.objects.filter(patient=patient).count() == 1
    # The savepoint kept the transaction usable: later writes still work.
    assert _log(actor, patient, program, client_token=uuid.uuid4())[1]


def test_another_patients_program_is_refused_by_name(actor, patient, program):
    stranger = PatientFactory(clinic=patient.clinic)
    theirs = program_factory(patient=stranger, status="active")
    other_clinic = program_factory(patient=PatientFactory(clinic=ClinicFactory()), status="active")
    for program_id in (theirs.pk, other_clinic.pk, 10**12):
        with pytest.raises(ValidationError) as caught:
            _log(actor, patient, program, made_for_program_id=program_id)
        assert list(caught.value.message_dict) == ["program"]
        assert "not yours" in caught.value.message_dict["program"][0]
    assert not SessionLog.objects.exists()


def test_a_draft_is_not_a_program_a_session_was_made_for(actor, patient, program):
    draft = program_factory(patient=patient, status="draft")
    with pytest.raises(ValidationError):
        _log(actor, patient, draft, made_for_program_id=draft.pk)
    assert not SessionLog.objects.exists()


def test_a_session_made_offline_stays_with_the_program_it_was_made_for(actor, patient, program):
    """The clinician completed the program and started another while the phone was offline."""
    Program.objects.filter(pk=program.pk).update(status=Program.Status.COMPLETED)
    program_factory(patient=patient, status="active", slugs=("abdominal-bracing",))
    session, created = _log(actor, patient, program, made_for_program_id=program.pk)
    assert created and session.program_id == program.pk
    assert session.items.get().item.program_id == program.pk
    program.refresh_from_db()
    assert program.status == Program.Status.COMPLETED  # not reopened or paused


def test_an_emergency_logged_offline_against_a_paused_program_still_alerts(actor, patient, program):
    Program.objects.filter(pk=program.pk).update(status=Program.Status.PAUSED)
    session, _ = _log(
        actor, patient, program, made_for_program_id=program.pk, symptoms=["saddle_anaesthesia"]
    )
    alert = Alert.objects.get(patient=patient, kind=Alert.Kind.EMERGENCY_SYMPTOM)
    assert alert.session_id == session.pk and "seek emergency care" in alert.message


def test_a_repeated_morning_answer_is_harmless(actor, patient, program):
    session = session_factory(program=program, days_ago=1)
    session_morning_record(actor=actor, session=session, pain_next_morning=3, repeat_ok=True)
    again = session_morning_record(
        actor=actor, session=session, pain_next_morning=3, repeat_ok=True
    )
    assert again.pain_next_morning == 3
    with pytest.raises(ProgramConflict):
        session_morning_record(actor=actor, session=session, pain_next_morning=5, repeat_ok=True)
    with pytest.raises(ProgramConflict):  # without the flag a second answer still conflicts
        session_morning_record(actor=actor, session=session, pain_next_morning=3)
