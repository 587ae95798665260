"""Which patients get an outcome check-in reminder in a reminder slot (the reminders app asks,
through programs.reminders.sources): portal users whose pain or PSFS is due, once per time it
falls due. A fixed number of queries for any number of slots."""

import datetime
import zoneinfo

from django.db.models import Max

from clinic.outbox import chunked, ids_in
from programs.outcomes.models import OutcomeScore
from programs.outcomes.schedule import DEFAULT_INTERVAL_WEEKS, DueState, due_for
from programs.outcomes.selectors.portal import PORTAL_INSTRUMENTS
from programs.prescribing.models import Program
from programs.reminders.models import Reminder
from programs.reminders.sources import DueSlot


def _interval(program: Program) -> int:
    own = getattr(program, "outcome_schedule", None)
    if own is not None:
        return int(own.interval_weeks)
    clinic_settings = getattr(program.patient.clinic, "outcome_settings", None)
    return int(clinic_settings.interval_weeks) if clinic_settings else DEFAULT_INTERVAL_WEEKS


def checkin_reminders_due(*, due: list[DueSlot], now: datetime.datetime) -> list[DueSlot]:
    """Of the patients whose reminder slot is due now, those with a check-in due and no
    check-in reminder since it fell due: their first slot now."""
    first: dict[int, DueSlot] = {}
    for slot in sorted(due, key=lambda d: d.slot):
        first.setdefault(slot.patient_id, slot)
    picked: list[DueSlot] = []
    ids = list(first)
    # Chunks keep each `IN (…)` under PostgreSQL's limit of bound parameters.
    for chunk in chunked(ids):
        picked += _pick(list(chunk), first)
    return picked


def _pick(ids: list[int], first: dict[int, DueSlot]) -> list[DueSlot]:
    # Only patients with a portal login: the check-in is answered in the portal.
    programs = Program.objects.filter(
        patient_id__in=ids_in(ids), status=Program.Status.ACTIVE, patient__user__isnull=False
    ).select_related("outcome_schedule", "patient__clinic__outcome_settings")
    last_taken: dict[tuple[int, str], datetime.datetime] = {
        (patient_id, instrument): taken_at
        for patient_id, instrument, taken_at in OutcomeScore.objects.filter(
            patient_id__in=ids_in(ids), instrument__in=PORTAL_INSTRUMENTS
        )
        .values("patient_id", "instrument")
        .annotate(last=Max("taken_at"))
        .values_list("patient_id", "instrument", "last")
    }
    reminded = dict(
        Reminder.objects.filter(kind=Reminder.Kind.CHECKIN, patient_id__in=ids_in(ids))
        .values("patient_id")
        .annotate(last=Max("slot"))
        .values_list("patient_id", "last")
    )
    picked = []
    for program in programs:
        patient = program.patient
        zone = zoneinfo.ZoneInfo(patient.timezone)
        slot = first[patient.pk]
        today = slot.slot.astimezone(zone).date()
        since: list[datetime.date] = []
        for code in PORTAL_INSTRUMENTS:
            taken = last_taken.get((patient.pk, code))
            state = due_for(
                last_taken=taken.astimezone(zone).date() if taken else None,
                today=today,
                interval_weeks=_interval(program),
            )
            if state.needs_score:
                # A baseline has been due since the program started.
                start = program.start_date if state.state == DueState.BASELINE else state.due_on
                since.append(min(start or today, today))
        if not since:
            continue
        due_since = datetime.datetime.combine(min(since), datetime.time(0), tzinfo=zone)
        last = reminded.get(patient.pk)
        if last is None or last < due_since:
            picked.append(DueSlot(patient.pk, slot.slot, slot.slot))
    return picked
