"""The iCalendar feed of a patient's exercise times (SPEC 3): one weekly repeating event per
reminder time, in the patient's own time zone, each with an alarm.

Nothing clinical goes in it: a phone calendar syncs to servers the clinic does not control, so
an event says "Exercise time" and no more (no name, diagnosis or exercise).
"""

import datetime
import zoneinfo
from collections.abc import Sequence

from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

# iCalendar's two-letter weekdays, Monday first like ReminderPreference.weekdays.
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EVENT_LENGTH = datetime.timedelta(minutes=20)


def exercise_calendar(
    *,
    feed_id: int,
    times: Sequence[str],
    weekdays: Sequence[int],
    timezone_name: str,
    first_day: datetime.date,
    stamp: datetime.datetime,
) -> bytes:
    """An iCalendar file with a weekly event per "HH:MM" time on `weekdays`, from `first_day`.

    UIDs derive from the feed and the time, so a calendar app that polls again updates the
    same events instead of adding copies. No times or no days gives an empty calendar.
    """
    zone = zoneinfo.ZoneInfo(timezone_name)
    calendar = Calendar()
    calendar.add("prodid", "-//Backstrong//Exercise times//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Exercise times"))
    calendar.add("x-wr-timezone", timezone_name)
    days = [ICAL_DAYS[day] for day in sorted(set(weekdays)) if 0 <= day <= 6]
    for time_text in sorted(set(times)) if days else ():
        hour, minute = (int(part) for part in time_text.split(":"))
        start = datetime.datetime.combine(first_day, datetime.time(hour, minute), tzinfo=zone)
        event = Event()
        event.add("uid", f"feed-{feed_id}-{hour:02d}{minute:02d}@backstrong")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("duration", EVENT_LENGTH)
        event.add("rrule", {"freq": "weekly", "byday": days})
        event.add("summary", _("Exercise time"))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Exercise time"))
        alarm.add("trigger", datetime.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
