"""Reads the programs API needs beyond programs.selectors, scoped like them."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from clinic.models import Clinic
from patients.models import Patient
from programs.models import Program, ProgramItem, SessionLog


def _items() -> Prefetch:
    return Prefetch("items", queryset=ProgramItem.objects.select_related("exercise"))


def programs_with_items_for(*, patient: Patient) -> QuerySet[Program]:
    """A patient's programs, newest first, each with its items and their exercises."""
    return patient.programs.prefetch_related(_items())


def session_get_for(*, clinic: Clinic, session_id: int) -> SessionLog:
    """One session log of the clinic with its items; another clinic's is a 404."""
    return get_object_or_404(
        SessionLog.objects.select_related("patient").prefetch_related("items"),
        patient__clinic=clinic,
        pk=session_id,
    )


def sessions_for(*, patient: Patient) -> QuerySet[SessionLog]:
    """A patient's session logs, newest first, with their items."""
    return patient.sessions.prefetch_related("items")
