"""Recording scores: ranges, PSFS activities, audit, archive; the assessment's pain; the
schedule's intervals; discharge."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.models import AuditLog
from patients.services import RecordArchived, assessment_record, patient_archive
from programs.outcomes.models import Discharge, OutcomeScore, PsfsActivity
from programs.outcomes.selectors import outcome_due_for, outcome_summaries_for
from programs.outcomes.services import (
    DischargeConflict,
    PsfsEntry,
    clinic_outcome_interval_set,
    discharge_record,
    outcome_record,
    program_outcome_interval_set,
)
from programs.prescribing.services import program_complete
from tests.factories import program_factory, session_factory
from tests.outcomes.conftest import score_factory

pytestmark = pytest.mark.django_db

PSFS = [
    PsfsEntry("Sitting through a film", 3),
    PsfsEntry("Lifting my child", 2),
    PsfsEntry("Gardening", 4),
]


def test_record_a_score_is_audited(actor, patient, active_program):
    row = outcome_record(actor=actor, patient=patient, instrument="odi", score=Decimal("42.5"))
    assert row.score == Decimal("42.5")
    assert row.program == active_program
    assert row.entered_by == actor.user
    audit = AuditLog.objects.get(object_type="OutcomeScore", object_id=str(row.pk))
    assert audit.action == "create"
    assert audit.patient == patient
    assert "ODI score 42.5" in audit.summary


@pytest.mark.parametrize(
    "instrument,score,subscale,field",
    [
        ("nprs", 11, None, "score"),
        ("nprs", -1, None, "score"),
        ("nprs", "2.5", None, "score"),
        ("odi", 101, None, "score"),
        ("rmdq", 25, None, "score"),
        ("start_back", 10, 5, "score"),
        ("start_back", 2, 3, "subscale"),
        ("start_back", 4, None, "subscale"),
        ("odi", 20, 2, "subscale"),
        ("odi", "abc", None, "score"),
        ("odi", True, None, "score"),
    ],
)
def test_bad_scores_save_nothing(actor, patient, instrument, score, subscale, field):
    with pytest.raises(ValidationError) as caught:
        outcome_record(
            actor=actor, patient=patient, instrument=instrument, score=score, subscale=subscale
        )
    assert field in caught.value.message_dict
    assert not OutcomeScore.objects.filter(patient=patient).exists()
    assert not AuditLog.objects.filter(object_type="OutcomeScore").exists()


def test_dates_in_the_future_or_too_old_are_refused(actor, patient):
    for taken_at in (
        timezone.now() + datetime.timedelta(hours=1),
        timezone.now() - datetime.timedelta(days=400),
    ):
        with pytest.raises(ValidationError) as caught:
            outcome_record(
                actor=actor, patient=patient, instrument="nprs", score=3, taken_at=taken_at
            )
        assert "taken_at" in caught.value.message_dict


def test_the_database_refuses_out_of_range_scores(patient):
    with pytest.raises(IntegrityError), transaction.atomic():
        score_factory(patient=patient, instrument="rmdq", score=25)
    with pytest.raises(IntegrityError), transaction.atomic():
        score_factory(patient=patient, instrument="odi", score=10, subscale=1)


def test_first_psfs_names_the_activities_and_later_ones_rate_them(actor, patient):
    first = outcome_record(actor=actor, patient=patient, instrument="psfs", psfs=PSFS)
    assert first.score == Decimal("3.00")
    assert [a.name for a in PsfsActivity.objects.filter(patient=patient)] == [
        "Sitting through a film",
        "Lifting my child",
        "Gardening",
    ]
    # Same activities in another order and case: fine.
    later = outcome_record(
        actor=actor,
        patient=patient,
        instrument="psfs",
        psfs=[
            PsfsEntry("gardening", 8),
            PsfsEntry("Lifting my child", 6),
            PsfsEntry("Sitting through a film", 7),
        ],
    )
    assert later.score == Decimal("7.00")
    assert {(r.activity.name, r.rating) for r in later.psfs_ratings.all()} == {
        ("Gardening", 8),
        ("Lifting my child", 6),
        ("Sitting through a film", 7),
    }
    # Other activities: refused, nothing saved.
    with pytest.raises(ValidationError) as caught:
        outcome_record(
            actor=actor,
            patient=patient,
            instrument="psfs",
            psfs=[
                PsfsEntry("Running", 5),
                PsfsEntry("Lifting my child", 6),
                PsfsEntry("Gardening", 7),
            ],
        )
    assert "Sitting through a film" in caught.value.message_dict["activities"][0]
    assert OutcomeScore.objects.filter(patient=patient, instrument="psfs").count() == 2


@pytest.mark.parametrize(
    "entries,field",
    [
        ([PsfsEntry("a", 1), PsfsEntry("b", 2)], "activities"),
        ([PsfsEntry("a", 1), PsfsEntry("b", 2), PsfsEntry("c", 11)], "ratings"),
        ([PsfsEntry("a", 1), PsfsEntry("a", 2), PsfsEntry("c", 1)], "activities"),
    ],
)
def test_bad_psfs_saves_nothing(actor, patient, entries, field):
    with pytest.raises(ValidationError) as caught:
        outcome_record(actor=actor, patient=patient, instrument="psfs", psfs=entries)
    assert field in caught.value.message_dict
    assert not PsfsActivity.objects.filter(patient=patient).exists()
    assert not OutcomeScore.objects.filter(patient=patient).exists()


def test_psfs_takes_ratings_not_a_score(actor, patient):
    with pytest.raises(ValidationError) as caught:
        outcome_record(actor=actor, patient=patient, instrument="psfs", score=5, psfs=PSFS)
    assert "score" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        outcome_record(actor=actor, patient=patient, instrument="odi", score=5, psfs=PSFS)
    assert "activities" in caught.value.message_dict


def test_archived_patients_take_no_scores(actor, patient):
    patient_archive(actor=actor, patient=patient)
    with pytest.raises(RecordArchived):
        outcome_record(actor=actor, patient=patient, instrument="nprs", score=3)


def test_each_assessment_pain_is_an_nprs_score(actor, patient):
    assessment = assessment_record(
        actor=actor, patient=patient, injury_severity="mild", pain_level=6
    )
    row = OutcomeScore.objects.get(assessment=assessment)
    assert (row.instrument, row.score, row.source) == ("nprs", Decimal(6), "assessment")
    assert row.taken_at == assessment.assessed_at


def test_summary_judges_baseline_against_latest(patient):
    score_factory(patient=patient, instrument="odi", score=40, days_ago=30)
    score_factory(patient=patient, instrument="odi", score=35, days_ago=15)
    score_factory(patient=patient, instrument="odi", score=28, days_ago=1)
    score_factory(patient=patient, instrument="start_back", score=5, subscale=4, days_ago=30)
    summaries = {s.spec.code: s for s in outcome_summaries_for(patient=patient)}
    assert summaries["odi"].verdict == "improved"  # 12 points
    assert summaries["odi"].change == Decimal(-12)
    assert summaries["start_back"].verdict is None
    assert summaries["start_back"].risk_group == "high"


def test_schedule_due_overdue_and_intervals(actor, patient, active_program):
    today = timezone.localdate()
    due, interval = outcome_due_for(patient=patient, today=today)
    states = {row.spec.code: row.due.state for row in due}
    assert interval == 2
    assert states == {
        "nprs": "baseline",
        "psfs": "baseline",
        "odi": "not_used",
        "rmdq": "not_used",
        "start_back": "not_used",
    }
    score_factory(patient=patient, instrument="nprs", score=5, days_ago=15)
    score_factory(patient=patient, instrument="psfs", score=4, days_ago=23)
    score_factory(patient=patient, instrument="odi", score=30, days_ago=3)
    states = {r.spec.code: r.due.state for r in outcome_due_for(patient=patient, today=today)[0]}
    assert (states["nprs"], states["psfs"], states["odi"]) == ("due", "overdue", "not_due")
    clinic_outcome_interval_set(actor=actor, interval_weeks=3)
    states = {r.spec.code: r.due.state for r in outcome_due_for(patient=patient, today=today)[0]}
    assert (states["nprs"], states["psfs"]) == ("not_due", "due")
    program_outcome_interval_set(actor=actor, program=active_program, interval_weeks=4)
    due, interval = outcome_due_for(patient=patient, today=today)
    assert interval == 4
    assert {r.spec.code: r.due.state for r in due}["psfs"] == "not_due"
    program_outcome_interval_set(actor=actor, program=active_program, interval_weeks=None)
    assert outcome_due_for(patient=patient, today=today)[1] == 3


def test_interval_bounds(actor, active_program):
    for weeks in (0, 27):
        with pytest.raises(ValidationError) as caught:
            program_outcome_interval_set(actor=actor, program=active_program, interval_weeks=weeks)
        assert "interval_weeks" in caught.value.message_dict
        with pytest.raises(ValidationError):
            clinic_outcome_interval_set(actor=actor, interval_weeks=weeks)


def test_nothing_is_due_without_a_running_program(patient):
    assert outcome_due_for(patient=patient)[0] == []
    program_factory(patient=patient, status="draft")
    assert outcome_due_for(patient=patient)[0] == []


def test_discharge_scores_are_due_after_completion_then_discharge(actor, patient, active_program):
    score_factory(patient=patient, instrument="nprs", score=6, days_ago=20, program=active_program)
    score_factory(patient=patient, instrument="odi", score=40, days_ago=20, program=active_program)
    active_program.start_date = timezone.localdate() - datetime.timedelta(days=13)
    active_program.save()
    session_factory(program=active_program, days_ago=1)
    program_complete(actor=actor, program=active_program)
    states = {r.spec.code: r.due.state for r in outcome_due_for(patient=patient)[0]}
    assert (states["nprs"], states["odi"]) == ("discharge", "discharge")
    outcome_record(actor=actor, patient=patient, instrument="nprs", score=2)
    outcome_record(actor=actor, patient=patient, instrument="odi", score=36)
    states = {r.spec.code: r.due.state for r in outcome_due_for(patient=patient)[0]}
    assert (states["nprs"], states["odi"]) == ("done", "done")
    discharge = discharge_record(actor=actor, program=active_program, summary="Back to work.")
    outcomes = {o.instrument: o for o in discharge.outcomes.all()}
    assert (outcomes["nprs"].baseline, outcomes["nprs"].final, outcomes["nprs"].verdict) == (
        Decimal(6),
        Decimal(2),
        "improved",
    )
    assert outcomes["odi"].verdict == "unchanged"  # 4 points, 10 %
    per_week = max(i.sessions_per_day * i.days_per_week for i in active_program.items.all())
    assert (discharge.sessions_logged, discharge.sessions_prescribed) == (1, 2 * per_week)
    assert (discharge.condition, discharge.tier) == (patient.condition, active_program.tier)
    assert AuditLog.objects.filter(object_type="Discharge", action="create").exists()
    assert outcome_due_for(patient=patient)[0] == []
    with pytest.raises(DischargeConflict):
        discharge_record(actor=actor, program=active_program, summary="Again")


def test_only_completed_programs_are_discharged(actor, active_program):
    with pytest.raises(DischargeConflict):
        discharge_record(actor=actor, program=active_program, summary="Too early")
    program_complete(actor=actor, program=active_program)
    with pytest.raises(ValidationError) as caught:
        discharge_record(actor=actor, program=active_program, summary="  ")
    assert "summary" in caught.value.message_dict
    assert not Discharge.objects.exists()
