"""The time zones people live in: IANA's "Region/City" names, for validation and pickers.

The tz database also holds names that are no place (`localtime`, `Factory`, `posixrules`,
`Etc/GMT+5` with its inverted sign, `EST5EDT`) and old aliases (`US/Eastern`): a patient's
reminders must follow a real place's clock, so those are refused.
"""

import zoneinfo
from functools import cache

REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
# Offered first in the pickers: where most of the app's clinics and patients are.
COMMON = (
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
)


@cache
def place_timezones() -> frozenset[str]:
    """Every IANA zone named after a place, and UTC."""
    names = {
        name
        for name in zoneinfo.available_timezones()
        if name.split("/", 1)[0] in REGIONS and "/" in name
    }
    return frozenset(names | {"UTC"})


def is_place_timezone(name: str) -> bool:
    return name in place_timezones()


@cache
def timezone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: the common zones first, then each region's, by name."""
    groups: dict[str, list[tuple[str, str]]] = {region: [] for region in REGIONS}
    for name in sorted(place_timezones() - {"UTC"}):
        groups[name.split("/", 1)[0]].append((name, name.replace("_", " ")))
    common = [(name, name.replace("_", " ")) for name in COMMON if is_place_timezone(name)]
    return [("Common", common), *((region, zones) for region, zones in groups.items() if zones)]
