"""Reads of exercises, programs and templates, always starting from the caller's clinic."""

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from clinic.models import Clinic
from patients.models import Patient
from programs.models import (
    CATEGORY_ORDER,
    DosageChange,
    Exercise,
    Program,
    ProgramItem,
    ProgramTemplate,
)


def exercise_list_for(*, clinic: Clinic, category: str = "", position: str = "") -> QuerySet:
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


def exercise_get_for(*, clinic: Clinic, exercise_id: int) -> Exercise:
    return get_object_or_404(exercise_list_for(clinic=clinic), pk=exercise_id)


def _items() -> Prefetch:
    return Prefetch("items", queryset=ProgramItem.objects.select_related("exercise"))


def program_list_for_patient(*, patient: Patient) -> QuerySet[Program]:
    """A patient's programs, newest first, with how many exercises each has."""
    return patient.programs.annotate(item_count=Count("items"))


def program_get_for(*, clinic: Clinic, program_id: int) -> Program:
    """One program of the clinic with its patient and items; otherwise a 404."""
    return get_object_or_404(
        Program.objects.select_related(
            "patient__latest_assessment", "patient__clinic"
        ).prefetch_related(_items()),
        patient__clinic=clinic,
        pk=program_id,
    )


def program_item_get_for(*, clinic: Clinic, program_id: int, item_id: int) -> ProgramItem:
    return get_object_or_404(
        ProgramItem.objects.select_related("program__patient", "exercise"),
        program__patient__clinic=clinic,
        program_id=program_id,
        pk=item_id,
    )


def dosage_history_for(*, program: Program) -> QuerySet[DosageChange]:
    return program.dosage_changes.select_related("exercise", "changed_by")


def template_list_for(*, clinic: Clinic) -> QuerySet[ProgramTemplate]:
    return ProgramTemplate.objects.filter(clinic=clinic).annotate(item_count=Count("items"))


def template_get_for(*, clinic: Clinic, template_id: int) -> ProgramTemplate:
    return get_object_or_404(
        ProgramTemplate.objects.filter(clinic=clinic).prefetch_related("items__exercise"),
        pk=template_id,
    )
