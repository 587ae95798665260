"""The standard exercise library seeded into every installation (SPEC 2.3).

The first ten make up generated programs (`first_ten`): the extension chain (prone lying,
prone on elbows, prone press-up, standing back extension, standing head and chest lift)
follows McKenzie-style extension protocols, in which the patient moves from resting prone to
loaded extension as pain allows, and pain that centralises is a good sign while pain that
peripheralises stops the exercise. The core chain takes the curl-up, side bridge and bird-dog
from McGill's core endurance exercises (short holds of about 10 s, the spine kept in
neutral), preceded by abdominal bracing and the glute bridge. Twelve more (`mobility`,
`strength`) are in the library for the clinician to add: mobility, stretches and
strengthening commonly prescribed in back rehabilitation, safe from tier mild. Each exercise
names its source (`sources`). Bending forward (spinal flexion) should be avoided during the
acute phase; the exercises that flex the spine are flagged, and the dosage engine withholds
them for disc conditions at tier moderate or severe.

Patient-facing text (instructions, cautions) is written in plain English for about a
12-year-old reading level; `summary` is for clinicians. Spanish, French and German texts of
every exercise live next to it (`translations_es`, `_fr`, `_de`), line for line. Doses (reps,
holds, sessions) come from `programs.library.dosage`, so the instructions say only what the
published protocols fix.
"""

from dataclasses import dataclass
from typing import Any

from programs.library.dosage import ExerciseSpec
from programs.library.standard import (
    first_ten,
    mobility,
    strength,
    translations_de,
    translations_es,
    translations_fr,
)
from programs.library.standard.cautions import SHARED_CAUTIONS

__all__ = [
    "SHARED_CAUTIONS",
    "STANDARD_EXERCISES",
    "STANDARD_LIBRARY",
    "TRANSLATIONS",
    "StandardExercise",
    "seed_standard_library",
    "shared_cautions_in",
]

# The first ten make up generated programs; the others wait for the clinician to add them.
_ROWS: list[dict[str, Any]] = first_ten.ROWS + [
    row | {"in_generated_program": False} for row in mobility.ROWS + strength.ROWS
]


@dataclass(frozen=True)
class StandardExercise:
    """A standard exercise: its facts for the engine and its words for the patient."""

    slug: str
    name: str
    category: str
    position: str
    progression_order: int
    dosage_profile: str
    max_tier: str
    summary: str
    instructions: list[str]
    cautions: list[str]
    source: str
    loads_flexion: bool = False
    prone_alternative: bool = False
    min_hold_seconds: int = 0
    in_generated_program: bool = True

    @property
    def spec(self) -> ExerciseSpec:
        return ExerciseSpec.of(self)


STANDARD_EXERCISES: tuple[StandardExercise, ...] = tuple(StandardExercise(**row) for row in _ROWS)
# What the engine sees of the standard library, in program order (its property tests use it).
STANDARD_LIBRARY: tuple[ExerciseSpec, ...] = tuple(e.spec for e in STANDARD_EXERCISES)

# Each language's texts of the standard exercises, by slug: name, summary, and the lists of
# instructions and cautions, line for line with the English.
TRANSLATIONS: dict[str, dict[str, dict[str, Any]]] = {
    "es": translations_es.EXERCISES,
    "fr": translations_fr.EXERCISES,
    "de": translations_de.EXERCISES,
}
_SHARED_CAUTIONS = {
    "es": translations_es.SHARED_CAUTIONS,
    "fr": translations_fr.SHARED_CAUTIONS,
    "de": translations_de.SHARED_CAUTIONS,
}


def shared_cautions_in(language: str) -> tuple[str, ...]:
    """The shared safety advice in `language`, in SHARED_CAUTIONS order (English otherwise)."""
    if language not in _SHARED_CAUTIONS:
        return SHARED_CAUTIONS
    return tuple(_SHARED_CAUTIONS[language][caution] for caution in SHARED_CAUTIONS)


_TEXT_FIELDS = ("name", "summary", "instructions", "cautions")


def _translated_values(slug: str) -> dict[str, str]:
    """The exercise's texts in every language, under modeltranslation's column names."""
    values: dict[str, str] = {}
    for language, exercises in TRANSLATIONS.items():
        texts = exercises[slug]
        values |= {
            f"name_{language}": texts["name"],
            f"summary_{language}": texts["summary"],
            f"instructions_{language}": "\n".join(texts["instructions"]),
            f"cautions_{language}": "\n".join(texts["cautions"]),
        }
    return values


def seed_standard_library(exercise_model: Any) -> None:
    """Create or update the standard exercises; takes the model so migrations can pass theirs.

    Only the fields the given model has are written, so a migration's historical model (from
    before a field existed) is seeded with what it can hold; a later migration seeds the rest.
    The twelve exercises added with `in_generated_program` wait for the migration that adds it,
    and the translations for the one that adds their columns.
    """
    fields = {field.name for field in exercise_model._meta.get_fields()}
    for exercise in STANDARD_EXERCISES:
        if "in_generated_program" not in fields and not exercise.in_generated_program:
            continue  # a model from before the library grew, whose constraints refuse them
        values = {
            "name": exercise.name,
            "summary": exercise.summary,
            "instructions": "\n".join(exercise.instructions),
            "cautions": "\n".join(exercise.cautions),
            "category": exercise.category,
            "position": exercise.position,
            "progression_order": exercise.progression_order,
            "dosage_profile": exercise.dosage_profile,
            "max_tier": exercise.max_tier,
            "loads_flexion": exercise.loads_flexion,
            "prone_alternative": exercise.prone_alternative,
            "min_hold_seconds": exercise.min_hold_seconds,
            "source": exercise.source,
            "in_generated_program": exercise.in_generated_program,
            "illustration": f"img/exercises/{exercise.slug}.svg",
        }
        # The source-language columns hold the English too; set after the original fields, so
        # the live model's modeltranslation descriptors (which write the active language's
        # column) end with every column right whatever language is active.
        values |= {f"{field}_en_gb": values[field] for field in _TEXT_FIELDS}
        values |= _translated_values(exercise.slug)
        exercise_model.objects.update_or_create(
            clinic=None,
            slug=exercise.slug,
            defaults={name: value for name, value in values.items() if name in fields},
        )
