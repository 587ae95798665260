"""Reads of the exercise library, starting from the caller's clinic."""

from django.db.models import Case, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext as _

from clinic.models import Clinic
from programs.library.dosage import TIERS
from programs.library.models import CATEGORY_ORDER, Exercise, ExerciseMedia


def exercise_list_for(
    *, clinic: Clinic, category: str = "", position: str = "", q: str = "", tier: str = ""
) -> QuerySet[Exercise]:
    """The standard library plus the clinic's own exercises, optionally filtered.

    `q` matches words of the name or the clinician's summary; `tier` keeps the exercises that
    may be prescribed at that tier (safe up to it or a worse one).
    """
    category_rank = Case(
        *(When(category=name, then=Value(rank)) for rank, name in enumerate(CATEGORY_ORDER))
    )
    exercises = Exercise.objects.filter(Q(clinic__isnull=True) | Q(clinic=clinic)).order_by(
        category_rank, "progression_order", "name"
    )
    if category:
        exercises = exercises.filter(category=category)
    if position:
        exercises = exercises.filter(position=position)
    for word in q.split():
        exercises = exercises.filter(Q(name__icontains=word) | Q(summary__icontains=word))
    if tier:
        exercises = exercises.filter(max_tier__in=TIERS[TIERS.index(tier) :])
    return exercises


def exercise_get_for(*, clinic: Clinic, slug: str) -> Exercise:
    """One exercise of the standard library or the clinic's own; another clinic's is a 404."""
    exercise = exercise_list_for(clinic=clinic).filter(slug=slug).first()
    if exercise is None:
        raise Http404(_("No such exercise."))
    return exercise


def exercise_media_for(*, clinic: Clinic, exercise: Exercise) -> QuerySet[ExerciseMedia]:
    """The clinic's photos and videos of one exercise (other clinics' are never listed)."""
    return ExerciseMedia.objects.filter(clinic=clinic, exercise=exercise)


def exercise_media_get_for(*, clinic: Clinic, media_id: int) -> ExerciseMedia:
    """One of the clinic's photos or videos; another clinic's is a 404 like a missing one."""
    media = (
        ExerciseMedia.objects.select_related("exercise").filter(clinic=clinic, pk=media_id).first()
    )
    if media is None:
        raise Http404(_("No such photo or video."))
    return media
