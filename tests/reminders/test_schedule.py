"""Due slots in the patient's own time zone, across daylight-saving changes and quiet hours."""

import datetime

import pytest

from programs.reminders.schedule import due_slots, in_quiet_hours, previous_slot_start, slot_instant

UTC = datetime.UTC
GRACE = datetime.timedelta(minutes=15)
ALL_DAYS = range(7)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


def due(now, zone, times=("18:00",), weekdays=ALL_DAYS):
    return due_slots(now=now, timezone_name=zone, times=times, weekdays=weekdays, grace=GRACE)


@pytest.mark.parametrize(
    ("zone", "now", "slot"),
    [
        ("Europe/London", at(2026, 1, 15, 18, 0), at(2026, 1, 15, 18, 0)),  # GMT
        ("Europe/London", at(2026, 7, 15, 17, 0), at(2026, 7, 15, 17, 0)),  # BST
        ("America/New_York", at(2026, 1, 15, 23, 5), at(2026, 1, 15, 23, 0)),  # EST
        ("Asia/Kolkata", at(2026, 1, 15, 12, 30), at(2026, 1, 15, 12, 30)),  # +05:30
        ("Australia/Sydney", at(2026, 1, 15, 7, 14), at(2026, 1, 15, 7, 0)),  # AEDT, next day
    ],
)
def test_slot_is_the_local_wall_clock_time(zone, now, slot):
    assert due(now, zone) == [slot]


def test_not_due_before_the_slot_or_after_the_grace_period():
    assert due(at(2026, 1, 15, 17, 59), "Europe/London") == []
    assert due(at(2026, 1, 15, 18, 15), "Europe/London") == []


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (datetime.date(2026, 3, 28), 18),  # Saturday before the spring change: GMT
        (datetime.date(2026, 3, 29), 17),  # the change happens at 01:00 that morning: BST
        (datetime.date(2026, 10, 24), 17),  # Saturday before the autumn change: BST
        (datetime.date(2026, 10, 25), 18),  # back to GMT
    ],
)
def test_daylight_saving_days_move_the_instant_not_the_wall_clock(day, utc_hour):
    now = datetime.datetime.combine(day, datetime.time(utc_hour, 1), tzinfo=UTC)
    assert due(now, "Europe/London") == [now.replace(minute=0)]
    an_hour_off = now + datetime.timedelta(hours=1 if utc_hour == 17 else -1)
    assert due(an_hour_off, "Europe/London") == []


def test_a_wall_clock_time_skipped_by_the_clocks_does_not_exist():
    # London jumps from 01:00 to 02:00 on 29 March 2026: 01:30 never happens that day.
    assert slot_instant(datetime.date(2026, 3, 29), datetime.time(1, 30), "Europe/London") is None
    assert slot_instant(datetime.date(2026, 3, 29), datetime.time(2, 30), "Europe/London")
    assert slot_instant(datetime.date(2026, 3, 28), datetime.time(1, 30), "Europe/London")


@pytest.mark.parametrize(
    ("local", "quiet"),
    [("07:59", True), ("08:00", False), ("20:59", False), ("21:00", True), ("23:30", True)],
)
def test_quiet_hours(local, quiet):
    assert in_quiet_hours(datetime.time.fromisoformat(local)) is quiet
    now = at(2026, 1, 15, *map(int, local.split(":")))
    assert (due(now, "UTC", times=(local,)) == []) is quiet


def test_only_on_chosen_weekdays():
    thursday = at(2026, 1, 15, 18, 0)
    assert due(thursday, "UTC", weekdays=[3]) == [thursday]
    assert due(thursday, "UTC", weekdays=[0, 1, 2, 4, 5, 6]) == []


def test_weekday_is_the_patients_local_one():
    # 02:00 UTC Friday is still Thursday 21:00 in New York... quiet; 23:00 UTC Thu = 18:00 Thu.
    now = at(2026, 1, 15, 23, 0)
    assert due(now, "America/New_York", weekdays=[3]) == [now]
    assert due(now, "America/New_York", weekdays=[4]) == []


def test_previous_slot_start_covers_since_the_last_slot_or_midnight():
    times = ["09:00", "18:00"]
    evening = at(2026, 1, 15, 18, 0)
    assert previous_slot_start(slot=evening, timezone_name="UTC", times=times) == at(
        2026, 1, 15, 9, 0
    )
    morning = at(2026, 1, 15, 9, 0)
    assert previous_slot_start(slot=morning, timezone_name="UTC", times=times) == at(
        2026, 1, 15, 0, 0
    )
