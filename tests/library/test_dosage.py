"""Property tests of the dosage engine over every tier, exercise, condition and prone tolerance."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from patients.clinical import Condition, Severity
from programs.library.dosage import (
    BOUNDS,
    DEFAULTS,
    TIERS,
    Dosage,
    PatientProfile,
    defaults_table,
    dosage_for,
    exclusion_reason,
    out_of_bounds,
    rescale,
    select_exercises,
)
from programs.library.standard import STANDARD_LIBRARY

tiers = st.sampled_from(TIERS)
exercises = st.sampled_from(STANDARD_LIBRARY)
patients = st.builds(
    PatientProfile, condition=st.sampled_from(Condition.values), prone_tolerant=st.booleans()
)

SEVERE_ALLOWED = {"prone-lying", "prone-on-elbows", "standing-back-extension", "abdominal-bracing"}
MODERATE_ADDS = {"prone-press-up", "standing-head-chest-extension"}
CORE_ENDURANCE = {"curl-up", "bird-dog", "side-bridge", "glute-bridge"}
FLEXION = {"curl-up", "cat-camel", "pelvic-tilt", "knee-to-chest"}
LIBRARY_ONLY = {e.slug for e in STANDARD_LIBRARY if not e.in_generated_program}


def _chosen(tier, patient):
    return {e.slug for e in select_exercises(tier=tier, patient=patient, library=STANDARD_LIBRARY)}


def _allowed(tier, exercise, patient):
    return not exclusion_reason(tier=tier, exercise=exercise, patient=patient)


@given(exercise=exercises, patient=patients, better=tiers, worse=tiers)
def test_rule1_worse_tier_never_gets_more_volume(exercise, patient, better, worse):
    if TIERS.index(worse) <= TIERS.index(better):
        return
    if not (_allowed(better, exercise, patient) and _allowed(worse, exercise, patient)):
        return
    worse_volume = dosage_for(tier=worse, exercise=exercise, patient=patient).volume
    better_volume = dosage_for(tier=better, exercise=exercise, patient=patient).volume
    assert worse_volume <= better_volume


@given(patient=patients)
def test_rule2_severe_tier_is_limited_to_gentle_extension_and_bracing(patient):
    chosen = _chosen(Severity.SEVERE, patient)
    assert chosen <= SEVERE_ALLOWED
    assert "abdominal-bracing" in chosen
    if patient.prone_tolerant:
        assert {"prone-lying", "prone-on-elbows"} <= chosen
    else:
        assert "standing-back-extension" in chosen


@given(exercise=exercises, patient=patients)
def test_rule2_no_press_up_or_core_endurance_is_ever_allowed_at_severe(exercise, patient):
    if exercise.slug in MODERATE_ADDS | CORE_ENDURANCE:
        assert not _allowed(Severity.SEVERE, exercise, patient)


@given(exercise=exercises, patient=patients)
def test_rule2_and_3_hold_for_every_exercise_of_the_library(exercise, patient):
    if _allowed(Severity.SEVERE, exercise, patient):
        assert exercise.slug in SEVERE_ALLOWED
    if _allowed(Severity.MODERATE, exercise, patient):
        assert exercise.slug in SEVERE_ALLOWED | MODERATE_ADDS


def test_the_library_has_twenty_two_exercises_and_flags_every_flexion_one():
    assert len(STANDARD_LIBRARY) == 22
    assert len(LIBRARY_ONLY) == 12
    assert {e.slug for e in STANDARD_LIBRARY if e.loads_flexion} == FLEXION


@given(patient=patients, tier=tiers)
def test_library_only_exercises_are_never_generated_but_may_be_prescribed(patient, tier):
    assert not _chosen(tier, patient) & LIBRARY_ONLY
    if tier in (Severity.MILD, Severity.NONE) and patient.prone_tolerant:
        allowed = {e.slug for e in STANDARD_LIBRARY if _allowed(tier, e, patient)}
        assert LIBRARY_ONLY - FLEXION - {"front-plank", "bridge-march"} <= allowed


@given(patient=patients)
def test_rule3_moderate_adds_press_ups_and_head_chest_extension(patient):
    chosen = _chosen(Severity.MODERATE, patient)
    assert "standing-head-chest-extension" in chosen
    assert ("prone-press-up" in chosen) == patient.prone_tolerant
    assert not chosen & CORE_ENDURANCE


@given(patient=patients, tier=st.sampled_from([Severity.MILD, Severity.NONE]))
def test_rule4_mild_and_none_add_core_endurance_two_to_three_days(patient, tier):
    chosen = _chosen(tier, patient)
    assert CORE_ENDURANCE - FLEXION <= chosen
    for exercise in STANDARD_LIBRARY:
        if exercise.slug in chosen & CORE_ENDURANCE:
            dosage = dosage_for(tier=tier, exercise=exercise, patient=patient)
            assert 2 <= dosage.days_per_week <= 3


@given(patient=patients, tier=tiers)
def test_rule5_prone_on_elbows_holds_at_least_ten_seconds(patient, tier):
    elbows = next(e for e in STANDARD_LIBRARY if e.slug == "prone-on-elbows")
    if _allowed(tier, elbows, patient):
        assert dosage_for(tier=tier, exercise=elbows, patient=patient).hold_seconds >= 10


def test_rule5_tiers_differ_in_reps_or_sessions_for_prone_on_elbows():
    profile = DEFAULTS["extension_hold"]
    pairs = {(profile[t].reps, profile[t].sessions_per_day) for t in TIERS}
    assert len(pairs) >= 3


@given(tier=tiers, condition=st.sampled_from(Condition.values))
def test_rule6_no_prone_exercise_for_patients_who_cannot_lie_prone(tier, condition):
    patient = PatientProfile(condition=condition, prone_tolerant=False)
    chosen = _chosen(tier, patient)
    prone = {e.slug for e in STANDARD_LIBRARY if e.position == "prone"}
    assert not chosen & prone
    assert "standing-back-extension" in chosen  # the standing alternative


@given(
    tier=st.sampled_from([Severity.MODERATE, Severity.SEVERE]),
    condition=st.sampled_from([Condition.HERNIATED_DISC, Condition.BULGING_DISC]),
    prone=st.booleans(),
    exercise=exercises,
)
def test_rule7_no_flexion_for_disc_conditions_at_moderate_or_severe(
    tier, condition, prone, exercise
):
    patient = PatientProfile(condition=condition, prone_tolerant=prone)
    if exercise.loads_flexion:
        assert not _allowed(tier, exercise, patient)
    assert not _chosen(tier, patient) & FLEXION


def test_rule7_flexion_is_also_refused_for_a_custom_exercise():
    from programs.library.dosage import ExerciseSpec

    toe_touch = ExerciseSpec("toe-touch", "mobility", "standing", "bracing", "severe", True)
    disc = PatientProfile(condition="herniated_disc", prone_tolerant=True)
    assert "forward" in exclusion_reason(tier="moderate", exercise=toe_touch, patient=disc)
    strain = PatientProfile(condition="muscle_strain", prone_tolerant=True)
    assert not exclusion_reason(tier="moderate", exercise=toe_touch, patient=strain)


@given(exercise=exercises, patient=patients, tier=tiers)
def test_every_dosage_is_positive_and_within_sane_bounds(exercise, patient, tier):
    if not _allowed(tier, exercise, patient):
        with pytest.raises(ValueError, match="cannot be prescribed"):
            dosage_for(tier=tier, exercise=exercise, patient=patient)
        return
    dosage = dosage_for(tier=tier, exercise=exercise, patient=patient)
    assert out_of_bounds(dosage.as_dict()) == {}
    assert dosage.sets >= 1 and dosage.reps >= 1 and dosage.sessions_per_day >= 1
    assert dosage.hold_seconds <= 300
    assert dosage.days_per_week >= 2


@given(patient=patients, tier=tiers)
def test_every_generated_program_has_extension_and_core_work(patient, tier):
    chosen = _chosen(tier, patient)
    assert chosen & {"prone-on-elbows", "standing-back-extension"}
    assert "abdominal-bracing" in chosen


@given(exercise=exercises, patient=patients, a=tiers, b=tiers)
def test_rescaling_a_default_gives_the_other_tiers_default(exercise, patient, a, b):
    if not (_allowed(a, exercise, patient) and _allowed(b, exercise, patient)):
        return
    source = dosage_for(tier=a, exercise=exercise, patient=patient)
    target = dosage_for(tier=b, exercise=exercise, patient=patient)
    assert rescale(dosage=source, profile=exercise.dosage_profile, from_tier=a, to_tier=b) == target


@given(
    reps=st.integers(1, 50),
    hold=st.integers(0, 600),
    a=st.sampled_from([Severity.MILD, Severity.NONE]),
    b=st.sampled_from([Severity.MILD, Severity.NONE]),
)
def test_rescaled_dosages_stay_within_bounds(reps, hold, a, b):
    dosage = Dosage(sets=1, reps=reps, hold_seconds=hold, sessions_per_day=1, days_per_week=2)
    result = rescale(dosage=dosage, profile="core_endurance", from_tier=a, to_tier=b)
    assert out_of_bounds(result.as_dict()) == {}


@pytest.mark.parametrize(
    ("values", "bad"),
    [
        ({"sets": 0}, "sets"),
        ({"reps": -1}, "reps"),
        ({"reps": 0}, "reps"),
        ({"hold_seconds": 601}, "hold_seconds"),
        ({"sessions_per_day": 7}, "sessions_per_day"),
        ({"days_per_week": 8}, "days_per_week"),
        ({"reps": "ten"}, "reps"),
        ({"reps": True}, "reps"),
    ],
)
def test_out_of_bounds_names_each_bad_field(values, bad):
    good = {"sets": 1, "reps": 10, "hold_seconds": 10, "sessions_per_day": 2, "days_per_week": 7}
    assert set(out_of_bounds(good | values)) == {bad}


def test_defaults_table_lists_every_profile_at_every_tier():
    table = defaults_table()
    assert [row["profile"] for row in table] == list(DEFAULTS)
    assert all(len(row["tiers"]) == len(TIERS) for row in table)
    assert set(BOUNDS) == set(Dosage(1, 1, 1, 1, 1).as_dict())


def test_describe_reads_as_plain_words():
    dosage = Dosage(sets=1, reps=10, hold_seconds=10, sessions_per_day=2, days_per_week=7)
    assert dosage.describe() == "10 reps, hold 10 s, 2× a day, 7 days a week"
