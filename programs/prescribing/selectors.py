"""Reads of programs and clinic templates, always starting from the caller's scope (a clinic, or
a patient already fetched within it)."""

from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from clinic.models import Clinic
from patients.models import Patient
from programs.prescribing.models import (
    DosageChange,
    Program,
    ProgramItem,
    ProgramStatusChange,
    ProgramTemplate,
)


def _items() -> "Prefetch[Any]":
    return Prefetch("items", queryset=ProgramItem.objects.select_related("exercise"))


def program_list_for_patient(*, patient: Patient) -> QuerySet[Program]:
    """A patient's programs, newest first, with how many exercises each has."""
    return patient.programs.annotate(item_count=Count("items"))


def programs_with_items_for(*, patient: Patient) -> QuerySet[Program]:
    """A patient's programs, newest first, each with its items and their exercises."""
    return patient.programs.prefetch_related(_items())


def program_get_for(*, clinic: Clinic, program_id: int) -> Program:
    """One program of the clinic with its patient and items; otherwise a 404."""
    return get_object_or_404(
        Program.objects.select_related(
            "patient__latest_assessment", "patient__clinic", "created_by"
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


def status_history_for(*, program: Program) -> QuerySet[ProgramStatusChange]:
    """The program's activations, pauses, resumes and completion, newest first."""
    return program.status_changes.select_related("changed_by")


def pause_for(*, program: Program) -> ProgramStatusChange | None:
    """Why a paused program is paused: the history line that paused it (None when not paused)."""
    if program.status != Program.Status.PAUSED:
        return None
    return program.status_changes.filter(to_status=Program.Status.PAUSED).first()


def template_list_for(*, clinic: Clinic) -> QuerySet[ProgramTemplate]:
    return ProgramTemplate.objects.filter(clinic=clinic).annotate(item_count=Count("items"))


def template_get_for(*, clinic: Clinic, template_id: int) -> ProgramTemplate:
    return get_object_or_404(
        ProgramTemplate.objects.filter(clinic=clinic).prefetch_related("items__exercise"),
        pk=template_id,
    )


def current_program_for(*, patient: Patient) -> Program | None:
    """The program a patient follows: the active one, else a paused one, with its items."""
    return (
        Program.objects.filter(
            patient=patient, status__in=[Program.Status.ACTIVE, Program.Status.PAUSED]
        )
        .prefetch_related(_items())
        .order_by("status", "-activated_at")  # "active" sorts before "paused"
        .first()
    )
