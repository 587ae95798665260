"""British English with a 24-hour clock, as UK clinics write times (Django's en_GB uses
"2:30 p.m."); the other languages' Django formats are 24-hour already."""

DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
# As the pages wrote it before they were localised: "3 Dec 2026 14:30".
DATETIME_FORMAT = "j M Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
