"""Reminders (SPEC 4): preferences, the dispatcher that claims due reminders, sending them in
batches, missed-session nudges and inactivity alerts."""

import datetime
import json
import re
import zoneinfo
from collections.abc import Sequence
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext

from clinic.models import AuditLog
from clinic.outbox import chunked, enqueue_each_on_commit, ids_in
from clinic.services import Actor, audit_record, field_changes
from patients.models import Patient
from programs.followup.models import SessionLog
from programs.followup.services import inactivity_alerts_raise
from programs.prescribing.models import Program
from programs.reminders.models import Reminder, ReminderPreference
from programs.reminders.schedule import (
    QUIET_HOURS_END,
    QUIET_HOURS_START,
    due_slots,
    in_quiet_hours,
    local_now,
    previous_slot_start,
)
from programs.reminders.sources import DueSlot, reminder_sources

T = TypeVar("T")
MAX_TIMES = 3
# Missed-session nudge and clinician alert after this long without a session (SPEC 4).
NUDGE_AFTER = datetime.timedelta(days=2)
ALERT_AFTER = datetime.timedelta(days=5)
TIME_FORMAT = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@transaction.atomic
def reminder_preferences_update(
    *,
    actor: Actor,
    patient: Patient,
    enabled: bool,
    times: list[str],
    weekdays: list[int],
    timezone_name: str,
) -> ReminderPreference:
    """Store when a patient wants reminders; quiet hours and bad values are refused."""
    errors = {}
    times = sorted(set(times))
    if len(times) > MAX_TIMES or any(not TIME_FORMAT.match(t) for t in times):
        errors["times"] = gettext("Give up to %(count)s times as HH:MM.") % {"count": MAX_TIMES}
    elif any(in_quiet_hours(datetime.time.fromisoformat(t)) for t in times):
        errors["times"] = gettext(
            "Reminders are sent between %(start)s and %(end)s; choose a time in that range."
        ) % {
            "start": time_format(QUIET_HOURS_END, "TIME_FORMAT"),
            "end": time_format(QUIET_HOURS_START, "TIME_FORMAT"),
        }
    elif enabled and not times:
        errors["times"] = gettext("Choose at least one time, or turn reminders off.")
    if any(not isinstance(d, int) or not 0 <= d <= 6 for d in weekdays):
        errors["weekdays"] = gettext("Choose days of the week.")
    elif enabled and not weekdays:
        errors["weekdays"] = gettext("Choose at least one day, or turn reminders off.")
    if timezone_name not in zoneinfo.available_timezones():
        errors["timezone"] = gettext("Choose your time zone from the list.")
    if errors:
        raise ValidationError(errors)
    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    preference, _ = ReminderPreference.objects.get_or_create(patient=patient)
    before = {
        "enabled": preference.enabled,
        "times": preference.times,
        "weekdays": preference.weekdays,
        "timezone": patient.timezone,
    }
    preference.enabled = enabled
    preference.times = times
    preference.weekdays = sorted(set(weekdays))
    preference.save()
    if patient.timezone != timezone_name:
        patient.timezone = timezone_name
        patient.save(update_fields=["timezone", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=preference,
        patient=patient,
        summary=f"Reminders {'on' if enabled else 'off'} at {', '.join(times) or '—'}",
        changes=field_changes(
            before,
            {
                "enabled": preference.enabled,
                "times": preference.times,
                "weekdays": preference.weekdays,
                "timezone": patient.timezone,
            },
        ),
    )
    return preference


def _chunks(rows: Sequence[T], size: int) -> list[list[T]]:
    """`rows` cut into lists of at most `size`."""
    return [list(rows[i : i + size]) for i in range(0, len(rows), size)]


def _eligible_preferences() -> QuerySet[ReminderPreference]:
    """Opted-in, active patients with an active program and an email address."""
    active_program = Program.objects.filter(
        patient=OuterRef("patient"), status=Program.Status.ACTIVE
    )
    return (
        ReminderPreference.objects.filter(enabled=True, patient__status=Patient.Status.ACTIVE)
        .exclude(patient__email="")
        .filter(Exists(active_program))
    )


def reminders_dispatch(*, now: datetime.datetime) -> list[list[int]]:
    """Claim every reminder due at `now` and hand them to send tasks in batches.

    Safe to run twice or concurrently: each (patient, kind, slot) is one row under a UNIQUE
    constraint, and a row is handed to a task only once (claimed under SKIP LOCKED). Returns
    the batches of reminder ids handed over.
    """
    due: list[DueSlot] = []
    # The preferences as stored (JSON text): patients who share a time zone, times and days
    # share their due slots, worked out once (per patient it was a tenth of a dispatch).
    rows = _eligible_preferences().values_list(
        "patient_id",
        "patient__timezone",
        Cast("times", TextField()),
        Cast("weekdays", TextField()),
    )
    slots_of: dict[tuple[str, str, str], list[tuple[datetime.datetime, datetime.datetime]]] = {}
    for patient_id, zone, times, weekdays in rows.iterator(chunk_size=5000):
        slots = slots_of.get((zone, times, weekdays))
        if slots is None:
            slots = slots_of[zone, times, weekdays] = _due_slots(
                now=now, zone=zone, times=json.loads(times), weekdays=json.loads(weekdays)
            )
        due += [DueSlot(patient_id, slot, start) for slot, start in slots]
    _create_pending(due, kind=Reminder.Kind.SESSION)
    for kind, source in reminder_sources():
        _insert_pending(source(due=due, now=now), kind=kind)
    return reminders_claim(now=now)


def _due_slots(
    *, now: datetime.datetime, zone: str, times: list[str], weekdays: list[int]
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The slots due at `now` for these preferences, each with where the period it covers
    begins."""
    grace = datetime.timedelta(minutes=settings.REMINDER_GRACE_MINUTES)
    return [
        (slot, previous_slot_start(slot=slot, timezone_name=zone, times=times))
        for slot in due_slots(
            now=now, timezone_name=zone, times=times, weekdays=weekdays, grace=grace
        )
    ]


def _create_pending(due: list[DueSlot], *, kind: str) -> None:
    """Insert a pending row per due slot, unless the patient already logged that slot."""
    for chunk in _chunks(due, 5000):
        last_logged = dict(
            SessionLog.objects.filter(
                patient_id__in=ids_in([d.patient_id for d in chunk]),
                performed_at__gte=min(d.covers_from for d in chunk),
            )
            .values("patient_id")
            .annotate(last=Max("performed_at"))
            .values_list("patient_id", "last")
        )
        fresh = [
            d
            for d in chunk
            if last_logged.get(d.patient_id) is None or last_logged[d.patient_id] < d.covers_from
        ]
        _insert_pending(fresh, kind=kind)


# One statement with two array parameters inserts any number of rows on PostgreSQL, where
# bulk_create binds three parameters per row (a third of a 100,000-reminder dispatch's time,
# bench/reminders.py). The UNIQUE constraint drops rows an earlier or concurrent dispatch made.
INSERT_PENDING_SQL = (
    f"INSERT INTO {Reminder._meta.db_table} "  # noqa: S608 - the model's own table; values are params
    "(patient_id, kind, slot, status, claimed_by, attempts, last_error, created_at) "
    "SELECT patient_id, %s, slot, %s, '', 0, '', %s "
    "FROM unnest(%s::bigint[], %s::timestamptz[]) AS due(patient_id, slot) "
    "ON CONFLICT DO NOTHING"
)


def _insert_pending(due: list[DueSlot], *, kind: str) -> None:
    if not due:
        return
    if connection.vendor != "postgresql":
        rows = [Reminder(patient_id=d.patient_id, kind=kind, slot=d.slot) for d in due]
        Reminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        return
    with connection.cursor() as cursor:
        cursor.execute(
            INSERT_PENDING_SQL,
            [
                kind,
                Reminder.Status.PENDING,
                timezone.now(),
                [d.patient_id for d in due],
                [d.slot for d in due],
            ],
        )


@transaction.atomic
def reminders_claim(*, now: datetime.datetime) -> list[list[int]]:
    """Move pending reminders of the grace window (and queued ones that no task ever picked up)
    into send batches; the tasks are enqueued when this transaction commits."""
    from programs.reminders.tasks import send_reminder_batch_task

    grace = datetime.timedelta(minutes=settings.REMINDER_GRACE_MINUTES)
    stale = now - grace
    claimable = Reminder.objects.select_for_update(skip_locked=True).filter(
        Q(status=Reminder.Status.PENDING, slot__gt=now - 2 * grace)
        | Q(status=Reminder.Status.QUEUED, queued_at__lt=stale)
    )
    ids = list(claimable.order_by("id").values_list("id", flat=True))
    if not ids:
        return []
    for chunk in chunked(ids):
        Reminder.objects.filter(pk__in=ids_in(chunk)).update(
            status=Reminder.Status.QUEUED, queued_at=now
        )
    batches = _chunks(ids, settings.REMINDER_BATCH_SIZE)
    # If the broker is down the rows stay queued, and a claim after the grace takes them again.
    enqueue_each_on_commit(send_reminder_batch_task, [(batch,) for batch in batches])
    return batches


def inactivity_check(*, now: datetime.datetime) -> list[list[int]]:
    """Nudge patients 2 days after their last session, and alert clinicians after 5.

    Each stretch of inactivity gets one nudge (its slot is the instant the stretch turned 2
    days old) and one alert (none while an unresolved one exists).
    """
    programs = (
        Program.objects.filter(status=Program.Status.ACTIVE, patient__status=Patient.Status.ACTIVE)
        .annotate(last_session=Max("sessions__performed_at"))
        .values_list(
            "patient_id",
            "patient__clinic_id",
            "patient__timezone",
            "last_session",
            "activated_at",
        )
    )
    opted_in = set(_eligible_preferences().values_list("patient_id", flat=True))
    nudges: list[DueSlot] = []
    stale_patients: dict[int, tuple[int, datetime.datetime]] = {}
    for patient_id, clinic_id, zone, last_session, activated_at in programs:
        since = last_session or activated_at
        if since is None:
            continue
        idle = now - since
        if idle >= NUDGE_AFTER and patient_id in opted_in:
            if not in_quiet_hours(local_now(now, zone).time()):
                nudges.append(DueSlot(patient_id, since + NUDGE_AFTER, since + NUDGE_AFTER))
        if idle >= ALERT_AFTER:
            stale_patients[patient_id] = (clinic_id, since)
    _create_pending(nudges, kind=Reminder.Kind.NUDGE)
    inactivity_alerts_raise(stale=stale_patients, now=now)
    return reminders_claim(now=now)


@transaction.atomic
def reminders_unsubscribe(*, patient: Patient) -> bool:
    """Turn a patient's reminders off from an email link; False when they already were."""
    preference, _ = ReminderPreference.objects.select_for_update().get_or_create(patient=patient)
    if not preference.enabled:
        return False
    preference.enabled = False
    preference.save(update_fields=["enabled", "updated_at"])
    audit_record(
        actor=Actor(clinic=patient.clinic, user=None, channel=AuditLog.Channel.SYSTEM),
        action=AuditLog.Action.CHANGE,
        obj=preference,
        patient=patient,
        summary="Reminders turned off from the email's unsubscribe link",
        changes=[("enabled", True, False)],
    )
    return True
