"""When a reminder is due, in the patient's own time zone (SPEC 4). Pure: no ORM, no I/O.

A reminder slot is a local wall-clock time on a chosen weekday. It is due from that instant
for a grace period (so a late or missed beat still sends it) and never in the quiet hours
21:00–08:00 local. Local times are turned into UTC instants with zoneinfo, so the instant
moves with daylight-saving changes while the wall-clock time stays put; a wall-clock time
that does not exist on a given day (clocks jumping forward) is skipped that day.
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from functools import lru_cache

QUIET_HOURS_START = datetime.time(21, 0)
QUIET_HOURS_END = datetime.time(8, 0)
UTC = datetime.UTC
# Clinicians' digests: from 07:00 the clinic's time; one missed by 11:00 is skipped, not sent in
# the evening (the next day's covers its alerts).
DIGEST_TIME = datetime.time(7, 0)
DIGEST_WINDOW_END = datetime.time(11, 0)


@lru_cache(maxsize=1024)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def in_quiet_hours(local_time: datetime.time) -> bool:
    return not QUIET_HOURS_END <= local_time < QUIET_HOURS_START


def local_now(now: datetime.datetime, timezone_name: str) -> datetime.datetime:
    return now.astimezone(_zone(timezone_name))


def slot_instant(
    day: datetime.date, local_time: datetime.time, timezone_name: str
) -> datetime.datetime | None:
    """The UTC instant of a wall-clock time on a local day, or None if it does not exist."""
    zone = _zone(timezone_name)
    local = datetime.datetime.combine(day, local_time, tzinfo=zone)
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None  # skipped by a daylight-saving jump
    return instant


def due_slots(
    *,
    now: datetime.datetime,
    timezone_name: str,
    times: Iterable[str],
    weekdays: Iterable[int],
    grace: datetime.timedelta,
) -> list[datetime.datetime]:
    """The UTC instants of the patient's slots that are due at `now` (usually none or one)."""
    local = local_now(now, timezone_name)
    days = set(weekdays)
    due = []
    for text in times:
        hour, minute = (int(part) for part in text.split(":"))
        wall = datetime.time(hour, minute)
        if in_quiet_hours(wall) or local.weekday() not in days:
            continue
        instant = slot_instant(local.date(), wall, timezone_name)
        if instant is not None and instant <= now < instant + grace:
            due.append(instant)
    return due


def previous_slot_start(
    *, slot: datetime.datetime, timezone_name: str, times: Iterable[str]
) -> datetime.datetime:
    """Where the period a slot covers begins: the previous slot of the day, else midnight.

    A session logged in that period means the patient already did this slot's session.
    """
    local = slot.astimezone(_zone(timezone_name))
    earlier = sorted(t for t in times if t < local.strftime("%H:%M"))
    start = datetime.time.fromisoformat(earlier[-1]) if earlier else datetime.time(0, 0)
    return datetime.datetime.combine(local.date(), start, tzinfo=_zone(timezone_name)).astimezone(
        UTC
    )
