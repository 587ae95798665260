"""The pure rules: ranges, the responder rule at every threshold, STarT Back grouping, the
schedule. No database."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from programs.outcomes.instruments import (
    SPECS,
    Instrument,
    RiskGroup,
    ScoreError,
    Verdict,
    check_psfs,
    check_score,
    psfs_mean,
    responder_verdict,
    rule_text,
    start_back_group,
)
from programs.outcomes.schedule import DueState, due_for

RULED = [code for code, spec in SPECS.items() if spec.rule is not None]


def scores(code: str):
    """Any valid score of the instrument, at its precision."""
    spec = SPECS[code]
    step = Decimal(1).scaleb(-spec.decimal_places)
    steps = int((spec.maximum - spec.minimum) / step)
    return st.integers(0, steps).map(lambda n: spec.minimum + n * step)


def better(code: str, baseline: Decimal, change: Decimal) -> Decimal:
    return baseline - change if SPECS[code].lower_is_better else baseline + change


def in_range(code: str, value: Decimal) -> bool:
    return SPECS[code].minimum <= value <= SPECS[code].maximum


# --- The published thresholds, at and either side of each boundary. ---


@pytest.mark.parametrize(
    "code,baseline,latest,expected",
    [
        # NPRS: 2 points or 30 %.
        ("nprs", "10", "8", "improved"),  # 2 points, 20 %
        ("nprs", "10", "9", "unchanged"),  # 1 point, 10 %
        ("nprs", "3", "2", "improved"),  # 1 point is 33 % of 3
        ("nprs", "4", "3", "unchanged"),  # 1 point is 25 % of 4
        ("nprs", "0", "1", "unchanged"),  # no percentage of 0: only the 2 points count
        ("nprs", "0", "2", "worse"),
        ("nprs", "8", "10", "worse"),
        ("nprs", "6", "7", "unchanged"),  # 17 %
        # ODI: 10 points or 30 %.
        ("odi", "50", "40", "improved"),
        ("odi", "50", "40.1", "unchanged"),  # 9.9 points, 19.8 %
        ("odi", "20", "14", "improved"),  # exactly 30 %
        ("odi", "20", "14.1", "unchanged"),  # 29.5 %
        ("odi", "20", "26", "worse"),  # 30 % worse
        ("odi", "20", "25.9", "unchanged"),
        ("odi", "60", "70", "worse"),
        # RMDQ: 5 points or 30 %.
        ("rmdq", "20", "15", "improved"),
        ("rmdq", "20", "16", "unchanged"),  # 4 points, 20 %
        ("rmdq", "10", "7", "improved"),  # 30 %
        ("rmdq", "10", "8", "unchanged"),
        ("rmdq", "10", "13", "worse"),
        # PSFS: 2 points of the mean, higher is better, no percentage.
        ("psfs", "3", "5", "improved"),
        ("psfs", "3", "4.99", "unchanged"),
        ("psfs", "5", "3", "worse"),
        ("psfs", "5", "3.01", "unchanged"),
        ("psfs", "1", "1.5", "unchanged"),  # 50 % but PSFS has no percentage rule
    ],
)
def test_published_thresholds(code, baseline, latest, expected):
    assert responder_verdict(code, Decimal(baseline), Decimal(latest)) == expected


def test_start_back_has_no_responder_rule():
    assert responder_verdict(Instrument.START_BACK, Decimal(8), Decimal(1)) is None
    assert "risk groups" in rule_text(Instrument.START_BACK)


@pytest.mark.parametrize("code", RULED)
def test_rule_text_names_the_threshold(code):
    rule = SPECS[code].rule
    text = rule_text(code)
    assert f"{rule.points.normalize():f}" in text
    assert (f"{rule.percent} %" in text) == (rule.percent is not None)


@given(data=st.data(), code=st.sampled_from(RULED))
def test_a_change_of_exactly_the_points_counts_both_ways(data, code):
    rule = SPECS[code].rule
    baseline = data.draw(scores(code))
    up = better(code, baseline, rule.points)
    down = better(code, baseline, -rule.points)
    if in_range(code, up):
        assert responder_verdict(code, baseline, up) == Verdict.IMPROVED
    if in_range(code, down):
        assert responder_verdict(code, baseline, down) == Verdict.WORSE


@given(data=st.data(), code=st.sampled_from([c for c in RULED if SPECS[c].rule.percent]))
def test_a_change_of_exactly_the_percentage_counts_both_ways(data, code):
    rule = SPECS[code].rule
    baseline = data.draw(scores(code))
    assume(baseline > 0)
    change = baseline * rule.percent / 100
    up, down = better(code, baseline, change), better(code, baseline, -change)
    assert responder_verdict(code, baseline, up) == Verdict.IMPROVED
    if in_range(code, down):
        assert responder_verdict(code, baseline, down) == Verdict.WORSE


@given(data=st.data(), code=st.sampled_from(RULED))
def test_below_both_thresholds_is_unchanged(data, code):
    rule = SPECS[code].rule
    baseline, latest = data.draw(scores(code)), data.draw(scores(code))
    change = abs(baseline - latest)
    assume(change < rule.points)
    assume(rule.percent is None or baseline == 0 or change * 100 < rule.percent * baseline)
    assert responder_verdict(code, baseline, latest) == Verdict.UNCHANGED


@given(data=st.data(), code=st.sampled_from(RULED))
def test_a_better_score_never_gets_a_worse_verdict(data, code):
    """Monotone: moving the latest score in the better direction never lowers the verdict."""
    order = [Verdict.WORSE, Verdict.UNCHANGED, Verdict.IMPROVED]
    baseline, a, b = (data.draw(scores(code)) for _ in range(3))
    lower, higher = sorted((a, b))
    worse_one, better_one = (higher, lower) if SPECS[code].lower_is_better else (lower, higher)
    assert order.index(responder_verdict(code, baseline, better_one)) >= order.index(
        responder_verdict(code, baseline, worse_one)
    )


@given(data=st.data(), code=st.sampled_from(RULED))
def test_the_same_score_is_unchanged(data, code):
    baseline = data.draw(scores(code))
    assert responder_verdict(code, baseline, baseline) == Verdict.UNCHANGED


@given(ratings=st.lists(st.integers(0, 10), min_size=3, max_size=5), shift=st.integers(-10, 10))
def test_psfs_rounding_never_moves_the_verdict(ratings, shift):
    """The stored mean has 2 decimals; the exact means of 3–5 ratings give the same verdict."""
    later = [min(10, max(0, r + shift)) for r in ratings]
    exact = (sum(later) * len(ratings) - sum(ratings) * len(later)) / (len(ratings) * len(later))
    stored = responder_verdict("psfs", psfs_mean(ratings), psfs_mean(later))
    expected = "improved" if exact >= 2 else "worse" if exact <= -2 else "unchanged"
    assert stored == expected


# --- STarT Back: every total × subscale pair. ---

PAIRS = [(total, sub) for total in range(10) for sub in range(6)]


@pytest.mark.parametrize("total,subscale", PAIRS)
def test_start_back_group_at_every_pair(total, subscale):
    group = start_back_group(total, subscale)
    if total <= 3:
        assert group == RiskGroup.LOW
    elif subscale >= 4:
        assert group == RiskGroup.HIGH
    else:
        assert group == RiskGroup.MEDIUM


@pytest.mark.parametrize("total,subscale", PAIRS)
def test_start_back_pairs_that_cannot_occur_are_refused(total, subscale):
    """The subscale is 5 of the 9 items: total >= subscale and total <= subscale + 4."""
    possible = subscale <= total <= subscale + 4
    if possible:
        check_score("start_back", Decimal(total), subscale)
    else:
        with pytest.raises(ScoreError) as caught:
            check_score("start_back", Decimal(total), subscale)
        assert set(caught.value.errors) == {"subscale"}


def test_start_back_named_groups():
    assert start_back_group(3, 3) == RiskGroup.LOW
    assert start_back_group(4, 3) == RiskGroup.MEDIUM
    assert start_back_group(4, 4) == RiskGroup.HIGH
    assert start_back_group(9, 5) == RiskGroup.HIGH


# --- Ranges. ---


@pytest.mark.parametrize(
    "code,good,bad",
    [
        ("nprs", ["0", "10"], ["-1", "11", "2.5"]),
        ("odi", ["0", "100", "44.4"], ["-0.1", "100.1", "44.44"]),
        ("rmdq", ["0", "24"], ["-1", "25", "3.5"]),
        ("start_back", ["0"], ["-1", "10", "1.5"]),
        ("psfs", ["0", "10", "6.67"], ["-1", "10.01", "6.667"]),
    ],
)
def test_each_instrument_range(code, good, bad):
    subscale = 0 if code == "start_back" else None
    for value in good:
        check_score(code, Decimal(value), subscale)
    for value in bad:
        with pytest.raises(ScoreError) as caught:
            check_score(code, Decimal(value), subscale)
        assert "score" in caught.value.errors, value


def test_not_a_number_and_unknown_instruments_are_refused():
    with pytest.raises(ScoreError) as caught:
        check_score("nprs", Decimal("NaN"))
    assert "score" in caught.value.errors
    with pytest.raises(ScoreError) as caught:
        check_score("sf36", Decimal(1))
    assert "instrument" in caught.value.errors


def test_subscale_belongs_to_start_back_only():
    with pytest.raises(ScoreError) as caught:
        check_score("odi", Decimal(10), 2)
    assert set(caught.value.errors) == {"subscale"}
    with pytest.raises(ScoreError) as caught:
        check_score("start_back", Decimal(4), None)
    assert set(caught.value.errors) == {"subscale"}


@pytest.mark.parametrize(
    "activities,ratings,fields",
    [
        (["a", "b"], [1, 2], {"activities"}),
        (["a", "b", "c", "d", "e", "f"], [1] * 6, {"activities"}),
        (["a", "b", "A "], [1, 2, 3], {"activities"}),
        (["a", "b", ""], [1, 2, 3], {"activities"}),
        (["a", "b", "c"], [1, 2, 11], {"ratings"}),
        (["a", "b", "c"], [1, 2, -1], {"ratings"}),
        (["a", "b", "c"], [1, 2], {"ratings"}),
    ],
)
def test_psfs_shape(activities, ratings, fields):
    with pytest.raises(ScoreError) as caught:
        check_psfs(activities, ratings)
    assert set(caught.value.errors) == fields


def test_psfs_mean():
    check_psfs(["a", "b", "c"], [3, 4, 4])
    assert psfs_mean([3, 4, 4]) == Decimal("3.67")
    assert psfs_mean([0, 10, 5, 5]) == Decimal("5.00")


# --- The schedule. ---

TODAY = datetime.date(2026, 3, 16)


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


@pytest.mark.parametrize(
    "last,interval,expected",
    [
        (None, 2, DueState.BASELINE),
        (days_ago(0), 2, DueState.NOT_DUE),
        (days_ago(13), 2, DueState.NOT_DUE),
        (days_ago(14), 2, DueState.DUE),
        (days_ago(21), 2, DueState.DUE),  # due for a week
        (days_ago(22), 2, DueState.OVERDUE),
        (days_ago(27), 4, DueState.NOT_DUE),
        (days_ago(28), 4, DueState.DUE),
    ],
)
def test_repeats(last, interval, expected):
    assert due_for(last_taken=last, today=TODAY, interval_weeks=interval).state == expected


def test_due_dates():
    due = due_for(last_taken=days_ago(20), today=TODAY, interval_weeks=2)
    assert due.due_on == days_ago(6)
    assert due.needs_score
    assert not due_for(last_taken=days_ago(1), today=TODAY, interval_weeks=2).needs_score


def test_instruments_taken_once_or_not_used():
    assert due_for(
        last_taken=days_ago(90), today=TODAY, interval_weeks=2, repeated=False
    ).state == (DueState.DONE)
    not_used = due_for(last_taken=None, today=TODAY, interval_weeks=2, baseline_required=False)
    assert not_used.state == DueState.NOT_USED
    assert not not_used.needs_score


def test_discharge():
    completed = days_ago(0)
    assert (
        due_for(last_taken=days_ago(8), today=TODAY, interval_weeks=2, completed_on=completed).state
        == DueState.DISCHARGE
    )
    assert (
        due_for(last_taken=days_ago(7), today=TODAY, interval_weeks=2, completed_on=completed).state
        == DueState.DONE
    )
