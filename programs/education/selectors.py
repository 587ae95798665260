"""Reads of the education pages, from the caller's clinic or patient."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from clinic.models import Clinic
from programs.education.models import EducationPage, ProgramPage
from programs.prescribing.models import Program


def education_pages_for(*, clinic: Clinic) -> QuerySet[EducationPage]:
    """The standard pages and the clinic's own, in reading order."""
    return EducationPage.objects.filter(Q(clinic__isnull=True) | Q(clinic=clinic))


def education_page_get_for(*, clinic: Clinic, slug: str) -> EducationPage:
    """One page the clinic's people may read; another clinic's is a 404 like a missing one."""
    page = education_pages_for(clinic=clinic).filter(slug=slug).first()
    if page is None:
        raise Http404(_("No such page."))
    return page


def own_education_page_get_for(*, clinic: Clinic, slug: str) -> EducationPage:
    """One of the clinic's own pages (standard pages are not the clinic's to change)."""
    page = EducationPage.objects.filter(clinic=clinic, slug=slug).first()
    if page is None:
        raise Http404("No such page.")
    return page


def pinned_pages_for(*, program: Program | None) -> list[ProgramPage]:
    """The pages pinned to a program, oldest first, with their pages."""
    if program is None:
        return []
    return list(ProgramPage.objects.filter(program=program).select_related("page"))


def pin_get_for(*, clinic: Clinic, pin_id: int) -> ProgramPage:
    pin = (
        ProgramPage.objects.select_related("program__patient", "page")
        .filter(pk=pin_id, program__patient__clinic=clinic)
        .first()
    )
    if pin is None:
        raise Http404(_("No such pinned page."))
    return pin
