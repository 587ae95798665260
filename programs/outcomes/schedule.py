"""When each outcome is due (SPEC 2.7): a baseline with the first assessment, a repeat every N
weeks while a program runs, and a last score at discharge.

Pure: dates in, a state out, so the schedule can be tested day by day.
"""

import datetime
from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

DEFAULT_INTERVAL_WEEKS = 2
MIN_INTERVAL_WEEKS = 1
MAX_INTERVAL_WEEKS = 26
# A repeat is "due" for a week from its date, "overdue" after that.
OVERDUE_AFTER = datetime.timedelta(days=7)
# A score taken up to a week before the program was completed counts as its discharge score.
DISCHARGE_WINDOW = datetime.timedelta(days=7)


class DueState(TextChoices):
    BASELINE = "baseline", _("Baseline due")
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")
    DISCHARGE = "discharge", _("Discharge score due")
    NOT_DUE = "not_due", _("Not due yet")
    DONE = "done", _("Done")
    NOT_USED = "not_used", _("Not used")


@dataclass(frozen=True)
class Due:
    state: str
    due_on: datetime.date | None

    @property
    def label(self) -> str:
        return str(DueState(self.state).label)

    @property
    def needs_score(self) -> bool:
        return self.state in (
            DueState.BASELINE,
            DueState.DUE,
            DueState.OVERDUE,
            DueState.DISCHARGE,
        )


def due_for(
    *,
    last_taken: datetime.date | None,
    today: datetime.date,
    interval_weeks: int,
    repeated: bool = True,
    baseline_required: bool = True,
    completed_on: datetime.date | None = None,
) -> Due:
    """The state of one instrument for one patient on `today`.

    `repeated` is False for an instrument taken once (STarT Back); `baseline_required` is False
    for the clinician-scored questionnaires a clinic uses only for some patients (a baseline
    puts a patient on the schedule). `completed_on` is the day the program was completed, when
    it was and the patient is not discharged yet.
    """
    if last_taken is None:
        if not baseline_required:
            return Due(DueState.NOT_USED, None)
        return Due(DueState.BASELINE, today)
    if not repeated:
        return Due(DueState.DONE, None)
    if completed_on is not None:
        if last_taken >= completed_on - DISCHARGE_WINDOW:
            return Due(DueState.DONE, None)
        return Due(DueState.DISCHARGE, completed_on)
    due_on = last_taken + datetime.timedelta(weeks=interval_weeks)
    if today < due_on:
        return Due(DueState.NOT_DUE, due_on)
    if today > due_on + OVERDUE_AFTER:
        return Due(DueState.OVERDUE, due_on)
    return Due(DueState.DUE, due_on)
