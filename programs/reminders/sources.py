"""Reminders that the apps above this one ask for, sent through the same pipeline.

The dispatcher finds the patients whose reminder slot is due (opted in, an active program, an
email address, never in quiet hours) and asks each registered source which of them should get
its kind of reminder in that slot. The rows it returns are inserted, claimed and sent exactly
like session reminders: one per (patient, kind, slot), claimed before sending. A source is
registered from its app's AppConfig.ready(), so this app never imports the apps above it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DueSlot:
    patient_id: int
    slot: datetime.datetime
    # A session logged from here on means the patient already did this slot's session.
    covers_from: datetime.datetime


# source(due=slots due now, now=now) -> the slots that get the source's kind of reminder.
ReminderSource = Callable[..., list[DueSlot]]

_sources: dict[str, ReminderSource] = {}


def reminder_source_register(kind: str, source: ReminderSource) -> None:
    """Send reminders of `kind` for the slots `source` picks; registering a kind again replaces
    its source."""
    _sources[kind] = source


def reminder_sources() -> list[tuple[str, ReminderSource]]:
    return sorted(_sources.items())
