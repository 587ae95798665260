"""Session logging, next-morning pain, suggestions, alerts and the emergency pause."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clinic.models import AuditLog
from programs.followup.models import Alert, SessionLog, Suggestion
from programs.followup.services import (
    ItemReport,
    alert_resolve,
    session_log_record,
    session_morning_record,
    suggestion_accept,
    suggestion_decline,
)
from programs.prescribing.models import DosageChange, Program
from programs.prescribing.services import ProgramConflict
from tests.factories import program_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(patient):
    return program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "abdominal-bracing")
    )


def _log(actor, patient, program, *, before=2, after=3, **kwargs):
    items = [ItemReport(item.pk, True, item.sets, item.reps) for item in program.items.all()]
    return session_log_record(
        actor=actor,
        patient=patient,
        pain_before=before,
        pain_after=after,
        items=kwargs.pop("items", items),
        **kwargs,
    )


def test_logging_records_items_light_and_audit(actor, patient, program):
    session, created = _log(actor, patient, program, before=2, after=4, notes=" fine ")
    assert created and session.traffic_light == "amber"
    assert session.items.count() == 2 and session.notes == "fine"
    assert session.local_date == timezone.localdate(timezone=datetime.UTC)
    assert AuditLog.objects.filter(patient=patient, summary__contains="pain 2→4 (amber)").exists()
    assert not Suggestion.objects.exists() and not Alert.objects.exists()


def test_same_form_submitted_twice_records_one_session(actor, patient, program):
    token = uuid.uuid4()
    first, created = _log(actor, patient, program, client_token=token)
    again, created_again = _log(actor, patient, program, client_token=token)
    assert created and not created_again and first == again
    assert SessionLog.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"before": 11}, "pain_before"),
        ({"after": -1}, "pain_after"),
        ({"symptoms": ["headache"]}, "symptoms"),
        ({"symptoms": ["night_pain"]}, "symptoms"),  # urgent flags are the clinician's screen
        ({"performed_at": timezone.now() + datetime.timedelta(hours=2)}, "performed_at"),
        ({"performed_at": timezone.now() - datetime.timedelta(days=8)}, "performed_at"),
        ({"items": [ItemReport(999999, True)]}, "items"),
    ],
)
def test_bad_logs_are_refused_and_change_nothing(actor, patient, program, changes, field):
    with pytest.raises(ValidationError) as exc:
        _log(actor, patient, program, **changes)
    assert field in exc.value.message_dict
    assert not SessionLog.objects.exists()


def test_logging_needs_an_active_program(actor, patient):
    program_factory(patient=patient, status="paused")
    with pytest.raises(ProgramConflict, match="no active program"):
        _log(actor, patient, Program.objects.get())


def test_red_session_alerts_and_suggests_regress(actor, patient, program):
    session, _ = _log(actor, patient, program, before=2, after=6)
    alert = Alert.objects.get()
    assert (alert.kind, alert.session, alert.clinic) == ("red_session", session, patient.clinic)
    suggestion = Suggestion.objects.get()
    assert (suggestion.kind, suggestion.status) == ("regress", "pending")
    assert "6/10" in suggestion.reason


def test_emergency_symptom_pauses_at_once_and_alerts(actor, patient, program):
    _log(actor, patient, program, after=2, symptoms=["saddle_anaesthesia"])
    program.refresh_from_db()
    assert program.status == "paused"
    alert = Alert.objects.get()
    assert alert.kind == "emergency_symptom" and "saddle anaesthesia" in alert.message
    assert AuditLog.objects.filter(summary__startswith="Paused at once").exists()
    with pytest.raises(ProgramConflict):  # no more logging while paused
        _log(actor, patient, program)


def test_next_morning_rise_of_two_alerts_but_one_does_not(actor, patient, program):
    calm, _ = _log(actor, patient, program, before=3, after=3)
    session_morning_record(actor=actor, session=calm, pain_next_morning=4)
    assert not Alert.objects.exists()
    spiky, _ = _log(actor, patient, program, before=3, after=3)
    session_morning_record(actor=actor, session=spiky, pain_next_morning=5)
    assert Alert.objects.get().kind == "pain_spike"
    assert Suggestion.objects.get().kind == "regress"


def test_next_morning_is_recorded_once_and_checked(actor, patient, program):
    session, _ = _log(actor, patient, program)
    with pytest.raises(ValidationError):
        session_morning_record(actor=actor, session=session, pain_next_morning=12)
    session_morning_record(actor=actor, session=session, pain_next_morning=2)
    with pytest.raises(ProgramConflict, match="already recorded"):
        session_morning_record(actor=actor, session=session, pain_next_morning=3)


def test_red_session_then_spike_keeps_one_regress_suggestion(actor, patient, program):
    session, _ = _log(actor, patient, program, before=2, after=7)
    session_morning_record(actor=actor, session=session, pain_next_morning=6)
    assert Suggestion.objects.count() == 1
    assert set(Alert.objects.values_list("kind", flat=True)) == {"red_session", "pain_spike"}


def test_progress_is_suggested_after_a_good_week(actor, patient):
    program = program_factory(patient=patient, status="active", slugs=("abdominal-bracing",))
    program.start_date = timezone.localdate() - datetime.timedelta(days=6)
    program.save()
    item = program.items.get()
    # bracing at tier moderate: 2 sessions a day, 7 days -> 14; 12 logged is 86 %
    for n in range(12):
        when = timezone.now() - datetime.timedelta(days=n // 2, minutes=n)
        _log(actor, patient, program, before=2, after=2, performed_at=when)
    suggestion = Suggestion.objects.get()
    assert suggestion.kind == "progress"
    assert "12 of 14" in suggestion.reason
    suggestion_accept(actor=actor, suggestion=suggestion, reason="Doing well")
    item.refresh_from_db()
    assert item.reps == 7  # 6 + 10 %, at least one


def test_accepting_regress_lowers_dosage_with_reason_in_history(actor, patient, program):
    _log(actor, patient, program, before=2, after=6)
    suggestion = Suggestion.objects.get()
    elbows = program.items.get(exercise__slug="prone-on-elbows")
    before = elbows.reps
    with pytest.raises(ValidationError):
        suggestion_accept(actor=actor, suggestion=suggestion, reason=" ")
    suggestion_accept(actor=actor, suggestion=suggestion, reason="Flare-up after gardening")
    elbows.refresh_from_db()
    assert elbows.reps < before and elbows.hold_seconds == 10
    change = DosageChange.objects.get(item=elbows)
    assert change.reason == "Accepted regress suggestion: Flare-up after gardening"
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.decided_by == actor.user
    with pytest.raises(ProgramConflict, match="already accepted"):
        suggestion_decline(actor=actor, suggestion=suggestion, reason="x")


def test_declining_keeps_the_program_and_the_reason(actor, patient, program):
    _log(actor, patient, program, before=2, after=6)
    suggestion = Suggestion.objects.get()
    suggestion_decline(actor=actor, suggestion=suggestion, reason="Expected soreness")
    suggestion.refresh_from_db()
    assert suggestion.status == "declined" and suggestion.decision_reason == "Expected soreness"
    assert not DosageChange.objects.exists()


def test_alert_resolution_is_recorded_once(actor, patient, program):
    _log(actor, patient, program, after=8)
    alert = Alert.objects.get()
    alert_resolve(actor=actor, alert=alert)
    first = Alert.objects.get().resolved_at
    alert_resolve(actor=actor, alert=alert)
    assert Alert.objects.get().resolved_at == first
    assert AuditLog.objects.filter(summary__startswith="Alert resolved").count() == 1
