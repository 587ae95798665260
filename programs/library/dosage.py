"""The dosage engine: which exercises a patient may do at a tier, and how much (SPEC 2.4).

Pure: no ORM, no I/O. Views show `DEFAULTS` to clinicians as a table, so a dosage is never a
black box.

Published anchors behind the defaults:
- Extension exercises (McKenzie-style protocols): hold about 10 s, 5–10 repetitions,
  2 sessions a day at the start; prone on elbows is held "at least ten seconds".
- Prone press-ups: 10 repetitions with a 1–2 s pause at the top.
- Core endurance (McGill: curl-up, side bridge, bird-dog): 10 s holds × about 6 repetitions,
  2–3 days a week.
- Progression (ACSM): raise the load in steps of 2–10 %.
- Mobility, stretches and strengthening (ACSM): stretches held 10–30 s, 2–4 times;
  resistance work 2–3 days a week. These profiles start at tier mild.

Rules, numbered as in SPEC 2.4:
1. Monotone: for one exercise, a worse tier never gets more volume than a better one.
2. Tier severe: only gentle extension (prone lying, prone on elbows, or standing back
   extension when the patient cannot lie prone) and abdominal bracing.
3. Tier moderate adds prone press-ups and the standing head-and-chest extension.
4. Tiers mild and none add core endurance (curl-up, bird-dog, side bridge, glute bridge),
   2–3 days a week.
5. Prone on elbows holds at least 10 s at every tier; tiers differ in reps and sessions. An
   exercise carries its minimum hold (`ExerciseSpec.min_hold_seconds`), which every dosage
   of it keeps: defaults, templates re-scaled, regressions and clinicians' changes.
6. A patient who cannot lie prone gets no prone exercise, and standing alternatives.
7. No spinal flexion (the curl-up counts) for a herniated or bulging disc at tier moderate or
   severe.
"""

from dataclasses import dataclass, fields, replace

from django.utils.translation import gettext, gettext_lazy, ngettext

from patients.clinical import SEVERITY_ORDER, TIER_LABELS, Condition, Severity

TIERS = SEVERITY_ORDER  # best to worst: none, mild, moderate, severe
DISC_CONDITIONS = frozenset({Condition.HERNIATED_DISC, Condition.BULGING_DISC})
FLEXION_RESTRICTED_TIERS = frozenset({Severity.MODERATE, Severity.SEVERE})
PRONE = "prone"

# Sane bounds for any prescription, checked by the services and the property tests.
BOUNDS = {
    "sets": (1, 10),
    "reps": (1, 50),
    "hold_seconds": (0, 600),
    "sessions_per_day": (1, 6),
    "days_per_week": (1, 7),
}


# How each field is named to people (forms, the prescription history).
FIELD_LABELS = {
    "sets": gettext_lazy("sets"),
    "reps": gettext_lazy("reps"),
    "hold_seconds": gettext_lazy("hold (s)"),
    "sessions_per_day": gettext_lazy("sessions a day"),
    "days_per_week": gettext_lazy("days a week"),
}


@dataclass(frozen=True)
class Dosage:
    sets: int
    reps: int
    hold_seconds: int
    sessions_per_day: int
    days_per_week: int

    @property
    def volume(self) -> int:
        """Weekly volume as SPEC 2.4 defines it, for the monotone rule."""
        return (
            self.sets
            * self.reps
            * max(self.hold_seconds, 1)
            * self.sessions_per_day
            * self.days_per_week
        )

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in BOUNDS}

    def describe(self) -> str:
        """Plain words, e.g. '1 × 10 reps, hold 10 s, 2× a day, 7 days a week'."""
        sets = f"{self.sets} × " if self.sets > 1 else ""
        reps = ngettext("%(reps)s rep", "%(reps)s reps", self.reps) % {"reps": self.reps}
        hold = (
            ", " + gettext("hold %(seconds)s s") % {"seconds": self.hold_seconds}
            if self.hold_seconds
            else ""
        )
        times = gettext("%(times)s× a day") % {"times": self.sessions_per_day}
        days = ngettext("%(days)s day a week", "%(days)s days a week", self.days_per_week) % {
            "days": self.days_per_week
        }
        return f"{sets}{reps}{hold}, {times}, {days}"


def out_of_bounds(values: dict[str, int]) -> dict[str, str]:
    """Messages for the dosage fields outside BOUNDS (empty when all are fine)."""
    errors = {}
    for name, (low, high) in BOUNDS.items():
        value = values.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            errors[name] = gettext("Must be a whole number from %(low)s to %(high)s.") % {
                "low": low,
                "high": high,
            }
    return errors


@dataclass(frozen=True)
class ExerciseSpec:
    """What the engine needs to know of an exercise."""

    slug: str
    category: str
    position: str
    dosage_profile: str
    max_tier: str  # the worst tier the exercise is safe at
    loads_flexion: bool = False
    prone_alternative: bool = False  # included only for patients who cannot lie prone
    # The shortest hold that still does the exercise's work (prone on elbows: "at least ten
    # seconds"); every dosage of it, default or changed, is held at least this long.
    min_hold_seconds: int = 0
    # False: in the library for the clinician to add, never put in a generated program.
    in_generated_program: bool = True

    @classmethod
    def of(cls, exercise: object) -> "ExerciseSpec":
        """The spec of anything carrying these facts by name (a library row, a standard
        exercise), so each field is listed once."""
        return cls(**{f.name: getattr(exercise, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class PatientProfile:
    condition: str
    prone_tolerant: bool


DosageRow = tuple[int, int, int, int, int] | None


def _per_tier(
    severe: DosageRow, moderate: DosageRow, mild: DosageRow, none: DosageRow
) -> dict[str, Dosage | None]:
    return {
        Severity.SEVERE: Dosage(*severe) if severe else None,
        Severity.MODERATE: Dosage(*moderate) if moderate else None,
        Severity.MILD: Dosage(*mild) if mild else None,
        Severity.NONE: Dosage(*none) if none else None,
    }


# Defaults per dosage profile and tier: (sets, reps, hold_seconds, sessions/day, days/week).
# None: the profile is not prescribed at that tier.
DEFAULTS: dict[str, dict[str, Dosage | None]] = {
    # Prone lying: a relaxed position held a minute or two, longer as pain settles.
    "rest_position": _per_tier(
        (1, 1, 60, 2, 7), (1, 1, 90, 2, 7), (1, 1, 120, 2, 7), (1, 1, 120, 2, 7)
    ),
    # Extension holds: 10 s at every tier; reps 5 → 10 and sessions 2 → 3 as the tier improves.
    "extension_hold": _per_tier(
        (1, 5, 10, 2, 7), (1, 8, 10, 2, 7), (1, 10, 10, 3, 7), (1, 10, 10, 3, 7)
    ),
    # Press-ups: 10 reps with a 1–2 s pause; not at tier severe.
    "press_up": _per_tier(None, (1, 8, 2, 2, 7), (1, 10, 2, 2, 7), (1, 10, 2, 3, 7)),
    # Standing extension: brief arches, repeated through the day.
    "standing_extension": _per_tier(
        (1, 5, 2, 2, 7), (1, 8, 2, 2, 7), (1, 10, 2, 3, 7), (1, 10, 2, 3, 7)
    ),
    # Bracing: a gentle co-contraction, 10 s holds from the first day.
    "bracing": _per_tier((1, 5, 10, 2, 7), (1, 6, 10, 2, 7), (1, 8, 10, 2, 7), (1, 10, 10, 2, 7)),
    # Core endurance (McGill): 10 s × 6, 2 days a week when mild, 3 for prevention.
    "core_endurance": _per_tier(None, None, (1, 6, 10, 1, 2), (1, 6, 10, 1, 3)),
    # Mobility (cat-camel, knee rolls): slow unloaded cycles, daily, no hold.
    "mobility": _per_tier(None, None, (1, 8, 0, 1, 7), (1, 10, 0, 1, 7)),
    # Static stretches (ACSM): 10–30 s holds, repeated 2–4 times, daily.
    "stretch": _per_tier(None, None, (1, 3, 20, 1, 7), (1, 3, 30, 1, 7)),
    # Strengthening in repetitions (ACSM): 2–3 days a week, one set and then two.
    "strength": _per_tier(None, None, (1, 10, 0, 1, 2), (2, 10, 0, 1, 3)),
}
PROFILE_LABELS = {
    "rest_position": gettext_lazy("Rest position (prone lying)"),
    "extension_hold": gettext_lazy("Extension hold"),
    "press_up": gettext_lazy("Press-up"),
    "standing_extension": gettext_lazy("Standing extension"),
    "bracing": gettext_lazy("Abdominal bracing"),
    "core_endurance": gettext_lazy("Core endurance"),
    "mobility": gettext_lazy("Mobility"),
    "stretch": gettext_lazy("Stretch"),
    "strength": gettext_lazy("Strengthening"),
}


def exclusion_reason(*, tier: str, exercise: ExerciseSpec, patient: PatientProfile) -> str:
    """Why the exercise may not be prescribed to this patient at this tier ('' if it may)."""
    if TIERS.index(tier) > TIERS.index(exercise.max_tier):
        return gettext("not prescribed at tier %(tier)s") % {"tier": TIER_LABELS[tier]}
    if DEFAULTS[exercise.dosage_profile][tier] is None:
        return gettext("no dosage defined at tier %(tier)s") % {"tier": TIER_LABELS[tier]}
    if exercise.position == PRONE and not patient.prone_tolerant:
        return gettext("the patient cannot lie prone comfortably")
    if (
        exercise.loads_flexion
        and patient.condition in DISC_CONDITIONS
        and tier in FLEXION_RESTRICTED_TIERS
    ):
        return gettext("it bends the spine forward, which a disc condition at this tier rules out")
    return ""


def select_exercises(
    *, tier: str, patient: PatientProfile, library: list[ExerciseSpec]
) -> list[ExerciseSpec]:
    """The exercises a generated program contains, in library order."""
    return [
        exercise
        for exercise in library
        if not exclusion_reason(tier=tier, exercise=exercise, patient=patient)
        and exercise.in_generated_program
        and (not exercise.prone_alternative or not patient.prone_tolerant)
    ]


def dosage_for(*, tier: str, exercise: ExerciseSpec, patient: PatientProfile) -> Dosage:
    """The default dosage of an exercise at a tier; raises ValueError where it is excluded."""
    reason = exclusion_reason(tier=tier, exercise=exercise, patient=patient)
    if reason:
        raise ValueError(f"{exercise.slug} cannot be prescribed: {reason}.")
    default = DEFAULTS[exercise.dosage_profile][tier]
    if default is None:  # exclusion_reason names this case; kept for the type checker
        raise ValueError(f"{exercise.slug} has no dosage at tier {tier}.")
    return with_min_hold(default, exercise)


def with_min_hold(dosage: Dosage, exercise: ExerciseSpec) -> Dosage:
    """The dosage with its hold raised to the exercise's minimum, where it falls short."""
    if dosage.hold_seconds >= exercise.min_hold_seconds:
        return dosage
    return replace(dosage, hold_seconds=exercise.min_hold_seconds)


def rescale(*, dosage: Dosage, profile: str, from_tier: str, to_tier: str) -> Dosage:
    """Carry a clinician's dosage to another tier, keeping its ratio to the defaults.

    Used when a template made for one patient is applied to another: each field is scaled by
    default(to_tier) / default(from_tier) and kept within BOUNDS.
    """
    source, target = DEFAULTS[profile][from_tier], DEFAULTS[profile][to_tier]
    if source is None or target is None:
        raise ValueError(f"{profile} has no default at tier {from_tier} or {to_tier}.")
    scaled: dict[str, int] = {}
    for name, (low, high) in BOUNDS.items():
        base = getattr(source, name)
        wanted = getattr(target, name)
        value = round(getattr(dosage, name) * wanted / base) if base else wanted
        scaled[name] = min(max(value, low), high)
    return Dosage(**scaled)


def exercise_defaults(exercise: ExerciseSpec) -> list[tuple[str, Dosage | None]]:
    """Each tier's default dosage of the exercise, None where it is not prescribed.

    Before the patient's own exclusions (prone tolerance, flexion with a disc condition), which
    the exercise's page names beside the table.
    """
    rows: list[tuple[str, Dosage | None]] = []
    for tier in TIERS:
        default = DEFAULTS[exercise.dosage_profile][tier]
        safe = TIERS.index(tier) <= TIERS.index(exercise.max_tier)
        rows.append((tier, with_min_hold(default, exercise) if default and safe else None))
    return rows


def defaults_table() -> list[dict[str, object]]:
    """Rows for the clinician-facing table: profile, then each tier's dosage or None."""
    return [
        {
            "profile": profile,
            "label": PROFILE_LABELS[profile],
            "tiers": [(TIER_LABELS[tier], DEFAULTS[profile][tier]) for tier in TIERS],
        }
        for profile in DEFAULTS
    ]
