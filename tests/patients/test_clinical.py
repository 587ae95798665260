"""The tier and referral rules of SPEC 2.2, boundary by boundary."""

import pytest

from patients.clinical import (
    EMERGENCY_FLAGS,
    RedFlag,
    Severity,
    pain_band,
    referral_for,
    tier_for,
    tier_reason,
)


@pytest.mark.parametrize(
    ("pain", "band"),
    [
        (0, "none"),
        (1, "mild"),
        (4, "mild"),
        (5, "moderate"),
        (6, "moderate"),
        (7, "severe"),
        (10, "severe"),
    ],
)
def test_pain_band_cut_offs(pain, band):
    assert pain_band(pain) == band


@pytest.mark.parametrize("pain", [-1, 11])
def test_pain_outside_the_scale_is_refused(pain):
    with pytest.raises(ValueError, match="between 0 and 10"):
        pain_band(pain)


# Every severity against a pain score from every band: the tier is the worse of the two.
TIER_TABLE = {
    # severity: {pain: tier}
    "none": {0: "none", 3: "mild", 6: "moderate", 8: "severe"},
    "mild": {0: "mild", 3: "mild", 6: "moderate", 8: "severe"},
    "moderate": {0: "moderate", 3: "moderate", 6: "moderate", 8: "severe"},
    "severe": {0: "severe", 3: "severe", 6: "severe", 8: "severe"},
}


@pytest.mark.parametrize(
    ("severity", "pain", "tier"),
    [(sev, pain, tier) for sev, row in TIER_TABLE.items() for pain, tier in row.items()],
)
def test_tier_is_the_worse_of_severity_and_pain_band(severity, pain, tier):
    assert tier_for(severity, pain) == tier


def test_tier_table_covers_every_severity():
    assert set(TIER_TABLE) == set(Severity.values)


def test_tier_reason_names_pain_band_and_severity():
    assert tier_reason("mild", 6) == "tier moderate: pain 6/10 is moderate; severity mild"


def test_tier_none_is_labelled_prevention():
    assert tier_reason("none", 0) == "tier prevention: pain 0/10 is none; severity none"


def test_no_red_flag_needs_no_referral():
    referral = referral_for([])
    assert not referral.required
    assert referral.level is None


def test_emergency_flags_are_exactly_the_four_of_the_spec():
    assert EMERGENCY_FLAGS == {
        "saddle_anaesthesia",
        "bladder_bowel_dysfunction",
        "bilateral_leg_symptoms",
        "progressive_leg_weakness",
    }


@pytest.mark.parametrize("flag", RedFlag.values)
def test_every_red_flag_requires_referral(flag):
    referral = referral_for([flag])
    assert referral.required
    assert referral.level == ("emergency" if flag in EMERGENCY_FLAGS else "urgent")


def test_mixed_flags_are_split_and_emergency_wins():
    referral = referral_for(["night_pain", "saddle_anaesthesia"])
    assert referral.emergency == ("saddle_anaesthesia",)
    assert referral.urgent == ("night_pain",)
    assert referral.level == "emergency"
    assert "emergency" in referral.advice.lower()


def test_unknown_flag_is_refused():
    with pytest.raises(ValueError, match="back_ache"):
        referral_for(["back_ache"])
