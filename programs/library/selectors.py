"""Reads of the exercise library, starting from the caller's clinic."""

from django.db.models import Case, Q, QuerySet, Value, When

from clinic.models import Clinic
from programs.library.models import CATEGORY_ORDER, Exercise


def exercise_list_for(
    *, clinic: Clinic, category: str = "", position: str = ""
) -> QuerySet[Exercise]:
    """The standard library plus the clinic's own exercises."""
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
    return exercises
