"""SPEC 2.6 boundaries, table by table."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from programs.followup.progression import (
    SessionOutcome,
    adherence,
    prescribed_sessions_per_week,
    progress_dosage,
    progress_reason,
    regress_dosage,
    regress_reason,
    traffic_light,
)
from programs.library.dosage import Dosage
from programs.library.standard import STANDARD_LIBRARY

DAY = datetime.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("pain_after", "light"),
    [(0, "green"), (3, "green"), (4, "amber"), (5, "amber"), (6, "red"), (10, "red")],
)
def test_traffic_light_boundaries(pain_after, light):
    assert traffic_light(pain_after) == light


@pytest.mark.parametrize(
    ("before", "after", "next_morning", "regress"),
    [
        (2, 3, None, False),  # green
        (2, 5, None, False),  # amber: not a regress by itself
        (2, 6, None, True),  # red
        (3, 3, 4, False),  # next morning +1: within the noise of the scale
        (3, 3, 5, True),  # next morning +2: the MCID
        (3, 3, 7, True),
        (5, 4, 4, False),  # better next morning
    ],
)
def test_regress_boundaries(before, after, next_morning, regress):
    session = SessionOutcome(DAY, before, after, next_morning)
    assert bool(regress_reason(session)) is regress


@pytest.mark.parametrize(
    ("before", "next_morning", "settled"),
    [(4, None, False), (4, 4, True), (4, 3, True), (4, 5, False)],
)
def test_amber_is_acceptable_only_when_settled_next_morning(before, next_morning, settled):
    assert SessionOutcome(DAY, before, 5, next_morning).settled is settled


def _week(n, *, after=2, before=2, next_morning=2):
    return [SessionOutcome(DAY, before, after, next_morning) for _ in range(n)]


@pytest.mark.parametrize(
    ("logged", "prescribed", "ready"),
    [(11, 14, False), (12, 15, True), (79, 100, False), (80, 100, True), (14, 14, True)],
)
def test_progress_needs_eighty_percent_adherence(logged, prescribed, ready):
    reason = progress_reason(sessions=_week(logged), prescribed_sessions=prescribed, days_active=7)
    assert bool(reason) is ready


@pytest.mark.parametrize(("days", "ready"), [(6, False), (7, True), (30, True)])
def test_progress_needs_seven_days_of_history(days, ready):
    reason = progress_reason(sessions=_week(14), prescribed_sessions=14, days_active=days)
    assert bool(reason) is ready


def test_progress_is_blocked_by_a_red_session():
    sessions = _week(13) + [SessionOutcome(DAY, 2, 6, 2)]
    assert not progress_reason(sessions=sessions, prescribed_sessions=14, days_active=7)


@pytest.mark.parametrize(("next_morning", "ready"), [(None, False), (5, False), (3, True)])
def test_progress_needs_every_amber_settled(next_morning, ready):
    sessions = _week(13) + [SessionOutcome(DAY, 3, 5, next_morning)]
    assert bool(progress_reason(sessions=sessions, prescribed_sessions=14, days_active=7)) is ready


def test_nothing_prescribed_means_no_progress():
    assert adherence(3, 0) is None
    assert not progress_reason(sessions=_week(3), prescribed_sessions=0, days_active=10)


def test_prescribed_sessions_follow_the_busiest_exercise():
    daily = Dosage(1, 10, 10, 2, 7)
    core = Dosage(1, 6, 10, 1, 3)
    assert prescribed_sessions_per_week([daily, core]) == 14
    assert prescribed_sessions_per_week([]) == 0


def test_progress_adds_about_ten_percent_reps():
    assert progress_dosage(Dosage(1, 10, 10, 2, 7)).reps == 11
    assert progress_dosage(Dosage(1, 5, 10, 2, 7)).reps == 6  # at least one
    assert progress_dosage(Dosage(1, 50, 10, 2, 7)).reps == 50  # capped


def _spec(slug):
    return next(spec for spec in STANDARD_LIBRARY if spec.slug == slug)


def test_regress_lowers_reps_and_holds_but_keeps_the_elbows_minimum():
    elbows = regress_dosage(Dosage(1, 10, 10, 2, 7), exercise=_spec("prone-on-elbows"))
    assert (elbows.reps, elbows.hold_seconds) == (8, 10)
    bracing = regress_dosage(Dosage(1, 10, 10, 2, 7), exercise=_spec("abdominal-bracing"))
    assert (bracing.reps, bracing.hold_seconds) == (8, 8)
    assert regress_dosage(Dosage(1, 1, 0, 1, 2), exercise=_spec("curl-up")).reps == 1  # floor


@given(
    dosage=st.builds(
        Dosage,
        sets=st.integers(1, 10),
        reps=st.integers(1, 50),
        hold_seconds=st.integers(0, 120),
        sessions_per_day=st.integers(1, 5),
        days_per_week=st.integers(1, 7),
    ),
    exercise=st.sampled_from(STANDARD_LIBRARY),
)
def test_regress_never_holds_an_exercise_below_its_minimum(dosage, exercise):
    regressed = regress_dosage(dosage, exercise=exercise)
    assert regressed.hold_seconds >= min(dosage.hold_seconds, exercise.min_hold_seconds)
    if dosage.hold_seconds >= exercise.min_hold_seconds:
        assert regressed.hold_seconds >= exercise.min_hold_seconds
