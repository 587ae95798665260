"""Pain-monitoring progression rules of SPEC 2.6. Pure: no ORM, no I/O.

- Traffic light on the highest pain during or just after a session: 0–3 green, 4–5 amber,
  6 or more red. Amber is acceptable only when next-morning pain is back to the pain before.
- Regress (and alert the clinician): any red session, or next-morning pain at least 2 above
  the pain before (2 points is the minimal clinically important difference of the NRS).
- Progress: over the last 7 days, at least 80 % of the prescribed sessions logged, no red
  session, and every amber session settled by the next morning.
- An emergency symptom pauses the program at once (handled by the service that logs).
"""

import datetime
from dataclasses import dataclass, replace

from programs.library.dosage import BOUNDS, Dosage, ExerciseSpec, with_min_hold

GREEN, AMBER, RED = "green", "amber", "red"
GREEN_MAX_PAIN = 3
AMBER_MAX_PAIN = 5
MCID = 2  # minimal clinically important difference on the 0–10 NRS
PROGRESS_WINDOW_DAYS = 7
PROGRESS_MIN_ADHERENCE = 0.8
# One step up is ACSM's 2–10 %; one step down gives back about twice that, to settle pain.
PROGRESS_STEP = 0.10
REGRESS_STEP = 0.20


def traffic_light(pain_after: int) -> str:
    """The session's colour from the highest pain during or just after it."""
    if pain_after <= GREEN_MAX_PAIN:
        return GREEN
    if pain_after <= AMBER_MAX_PAIN:
        return AMBER
    return RED


@dataclass(frozen=True)
class SessionOutcome:
    performed_on: datetime.date
    pain_before: int
    pain_after: int
    pain_next_morning: int | None = None

    @property
    def light(self) -> str:
        return traffic_light(self.pain_after)

    @property
    def settled(self) -> bool:
        """Next-morning pain known and back to (or below) the pain before."""
        return self.pain_next_morning is not None and self.pain_next_morning <= self.pain_before


def red_reason(session: SessionOutcome) -> str:
    """Why the session itself was too much ('' when it was not)."""
    if session.light == RED:
        return f"pain reached {session.pain_after}/10 during or after the session (red)"
    return ""


def spike_reason(session: SessionOutcome) -> str:
    """Why the next morning shows the session was too much ('' when it does not)."""
    if (
        session.pain_next_morning is not None
        and session.pain_next_morning >= session.pain_before + MCID
    ):
        return (
            f"next-morning pain {session.pain_next_morning}/10 was {MCID} or more above the "
            f"{session.pain_before}/10 before the session"
        )
    return ""


def regress_reason(session: SessionOutcome) -> str:
    """Why this session calls for a step back and a clinician alert ('' when it does not)."""
    return red_reason(session) or spike_reason(session)


def adherence(logged: int, prescribed: int) -> float | None:
    """Sessions logged / sessions prescribed, or None when nothing was prescribed."""
    return logged / prescribed if prescribed else None


def progress_reason(
    *,
    sessions: list[SessionOutcome],
    prescribed_sessions: int,
    days_active: int,
) -> str:
    """Why the patient is ready for one step up ('' when not), judged on the last 7 days.

    `sessions` are those of the window; `prescribed_sessions` how many the program asked for
    in it; `days_active` how long the program has been active (a full window is needed).
    """
    if days_active < PROGRESS_WINDOW_DAYS:
        return ""
    ratio = adherence(len(sessions), prescribed_sessions)
    if ratio is None or ratio < PROGRESS_MIN_ADHERENCE:
        return ""
    if any(s.light == RED for s in sessions):
        return ""
    if any(s.light == AMBER and not s.settled for s in sessions):
        return ""
    return (
        f"{len(sessions)} of {prescribed_sessions} sessions logged in the last "
        f"{PROGRESS_WINDOW_DAYS} days ({ratio:.0%}), no red session, every amber settled"
    )


def _scaled(value: int, step: float, direction: int, field: str) -> int:
    low, high = BOUNDS[field]
    delta = max(1, round(value * step))
    return min(max(value + direction * delta, low), high)


def progress_dosage(dosage: Dosage) -> Dosage:
    """One step up: about 10 % more repetitions (at least one)."""
    return replace(dosage, reps=_scaled(dosage.reps, PROGRESS_STEP, +1, "reps"))


def regress_dosage(dosage: Dosage, *, exercise: ExerciseSpec) -> Dosage:
    """One step down: about 20 % fewer repetitions (at least one), and shorter holds, never
    below the exercise's minimum hold (prone on elbows keeps its 10 seconds)."""
    hold = dosage.hold_seconds
    if hold > 1:
        hold = _scaled(hold, REGRESS_STEP, -1, "hold_seconds")
    fewer = replace(dosage, reps=_scaled(dosage.reps, REGRESS_STEP, -1, "reps"), hold_seconds=hold)
    return with_min_hold(fewer, exercise)


def prescribed_sessions_per_week(dosages: list[Dosage]) -> int:
    """Sittings a week the program asks for: the busiest exercise sets the count."""
    return max((d.sessions_per_day * d.days_per_week for d in dosages), default=0)


def suggested_dosage(kind: str, dosage: Dosage, *, exercise: ExerciseSpec) -> Dosage:
    """What accepting a 'regress' or 'progress' suggestion makes of one exercise's dosage."""
    if kind == "regress":
        return regress_dosage(dosage, exercise=exercise)
    return progress_dosage(dosage)


def dosage_difference(old: Dosage, new: Dosage) -> list[tuple[str, int, int]]:
    """(field, old, new) for each of the five numbers that differ, in the dosage's order."""
    before, after = old.as_dict(), new.as_dict()
    return [(name, before[name], after[name]) for name in before if before[name] != after[name]]
