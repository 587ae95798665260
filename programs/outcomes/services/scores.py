"""Writes of outcome scores, the PSFS activities, and the outcome schedule."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from clinic.models import AuditLog
from clinic.services import Actor, audit_record, field_changes
from patients.models import Assessment, Patient
from patients.services import RecordArchived
from programs.outcomes.instruments import (
    SPECS,
    Instrument,
    ScoreError,
    check_psfs,
    check_score,
    psfs_mean,
)
from programs.outcomes.models import (
    ClinicOutcomeSettings,
    OutcomeScore,
    ProgramOutcomeSchedule,
    PsfsActivity,
    PsfsRating,
)
from programs.outcomes.schedule import MAX_INTERVAL_WEEKS, MIN_INTERVAL_WEEKS
from programs.outcomes.selectors import current_program_for_outcomes
from programs.prescribing.models import Program

# How far back a score may be dated (a paper form entered late), and how far ahead a clock may
# drift.
MAX_BACKDATE = datetime.timedelta(days=365)
CLOCK_SKEW = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class PsfsEntry:
    """One PSFS activity, named by the patient, and its rating 0–10."""

    activity: str
    rating: int


def _lock(patient: Patient) -> Patient:
    return Patient.objects.select_for_update().get(pk=patient.pk)


def _as_decimal(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _check_psfs_activities(
    patient: Patient, entries: Sequence[PsfsEntry]
) -> tuple[list[PsfsActivity], bool]:
    """The patient's activities in the order of `entries`, and whether they are new.

    The first PSFS names the activities; every later one rates the same ones.
    """
    names = [entry.activity.strip() for entry in entries]
    check_psfs(names, [entry.rating for entry in entries])
    existing = list(patient.psfs_activities.order_by("position"))
    if not existing:
        return [
            PsfsActivity(patient=patient, position=position, name=name)
            for position, name in enumerate(names, start=1)
        ], True
    by_name = {activity.name.casefold(): activity for activity in existing}
    if sorted(by_name) != sorted(name.casefold() for name in names):
        raise ScoreError(
            {
                "activities": gettext("Rate the same activities as before: %(activities)s.")
                % {"activities": "; ".join(activity.name for activity in existing)}
            }
        )
    return [by_name[name.casefold()] for name in names], False


@transaction.atomic
def outcome_record(
    *,
    actor: Actor,
    patient: Patient,
    instrument: str,
    score: object = None,
    subscale: int | None = None,
    psfs: Sequence[PsfsEntry] = (),
    taken_at: datetime.datetime | None = None,
    source: str = OutcomeScore.Source.CLINICIAN,
) -> OutcomeScore:
    """Record one score, checked against its instrument's range; a bad value saves nothing.

    A PSFS score is the mean of its ratings: pass `psfs` (the activities with their ratings),
    not `score`. The first PSFS names the patient's activities; later ones rate the same.
    """
    patient = _lock(patient)
    if patient.is_archived:
        raise RecordArchived(
            gettext("This patient is archived; archived records cannot be changed.")
        )
    now = timezone.now()
    taken_at = taken_at or now
    errors: dict[str, str] = {}
    activities: list[PsfsActivity] = []
    new_activities = False
    value: Decimal | None = None
    try:
        if instrument == Instrument.PSFS:
            if score is not None:
                errors["score"] = gettext(
                    "The PSFS score is the mean of the ratings; send the ratings."
                )
            activities, new_activities = _check_psfs_activities(patient, psfs)
            value = psfs_mean([entry.rating for entry in psfs])
        else:
            if psfs:
                errors["activities"] = gettext("Only the PSFS has activities.")
            value = _as_decimal(score)
            if value is None:
                errors["score"] = gettext("Enter the score as a number.")
            else:
                check_score(instrument, value, subscale)
    except ScoreError as exc:
        errors.update(exc.errors)
    if taken_at > now + CLOCK_SKEW:
        errors["taken_at"] = gettext("A score cannot be dated in the future.")
    elif taken_at < now - MAX_BACKDATE:
        errors["taken_at"] = gettext("A score cannot be dated more than a year back.")
    if errors or value is None:
        raise ValidationError(errors)
    for activity in activities if new_activities else ():
        activity.full_clean(exclude=["patient"])
        activity.save()
    row = OutcomeScore(
        patient=patient,
        program=current_program_for_outcomes(patient=patient),
        instrument=instrument,
        score=value,
        subscale=subscale,
        taken_at=taken_at,
        source=source,
        entered_by=actor.user,
    )
    row.full_clean(exclude=["patient", "program", "entered_by"])
    row.save()
    PsfsRating.objects.bulk_create(
        PsfsRating(score=row, activity=activity, rating=entry.rating)
        for activity, entry in zip(activities, psfs, strict=True)
    )
    spec = SPECS[instrument]
    extra = f", subscale {subscale}" if subscale is not None else ""
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=row,
        patient=patient,
        summary=f"{spec.short} score {row.display_score}{extra} recorded",
        changes=[("score", None, str(row.score))],
    )
    return row


def outcome_record_assessment_pain(
    *, actor: Actor, patient: Patient, assessment: Assessment
) -> None:
    """The assessment's pain as an NPRS outcome score (run in the assessment's transaction)."""
    OutcomeScore.objects.create(
        patient=patient,
        program=current_program_for_outcomes(patient=patient),
        instrument=Instrument.NPRS,
        score=Decimal(assessment.pain_level),
        taken_at=assessment.assessed_at,
        source=OutcomeScore.Source.ASSESSMENT,
        assessment=assessment,
        entered_by=actor.user,
    )


def _check_interval(interval_weeks: int) -> None:
    if not MIN_INTERVAL_WEEKS <= interval_weeks <= MAX_INTERVAL_WEEKS:
        raise ValidationError(
            {
                "interval_weeks": (
                    gettext("Choose from %(min)s to %(max)s weeks between repeats.")
                    % {"min": MIN_INTERVAL_WEEKS, "max": MAX_INTERVAL_WEEKS}
                )
            }
        )


@transaction.atomic
def clinic_outcome_interval_set(*, actor: Actor, interval_weeks: int) -> ClinicOutcomeSettings:
    """Set the clinic's default repeat interval."""
    _check_interval(interval_weeks)
    row, _ = ClinicOutcomeSettings.objects.select_for_update().get_or_create(clinic=actor.clinic)
    before = row.interval_weeks
    row.interval_weeks = interval_weeks
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=row,
        summary=f"Outcome repeats every {interval_weeks} weeks",
        changes=field_changes({"interval_weeks": before}, {"interval_weeks": interval_weeks}),
    )
    return row


@transaction.atomic
def program_outcome_interval_set(
    *, actor: Actor, program: Program, interval_weeks: int | None
) -> Program:
    """Set the program's own repeat interval, or clear it (None) to follow the clinic's."""
    if interval_weeks is not None:
        _check_interval(interval_weeks)
    current = ProgramOutcomeSchedule.objects.select_for_update().filter(program=program).first()
    before = current.interval_weeks if current else None
    if interval_weeks is None:
        if current is not None:
            current.delete()
    elif current is None:
        ProgramOutcomeSchedule.objects.create(program=program, interval_weeks=interval_weeks)
    else:
        current.interval_weeks = interval_weeks
        current.save(update_fields=["interval_weeks"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=program,
        patient=program.patient,
        summary=(
            f"Outcome repeats every {interval_weeks} weeks for this program"
            if interval_weeks
            else "Outcome repeats follow the clinic's interval"
        ),
        changes=field_changes(
            {"outcome_interval_weeks": before}, {"outcome_interval_weeks": interval_weeks}
        ),
    )
    return program
