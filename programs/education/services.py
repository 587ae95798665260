"""Writes of the education pages: a clinic adds its own pages, a clinician pins pages to a
patient's program. Each is audited; pins name the patient."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from programs.education.models import EducationPage, ProgramPage
from programs.prescribing.models import Program


@transaction.atomic
def education_page_create(
    *, actor: Actor, title: str, summary: str, body: str, sources: str
) -> EducationPage:
    """Add a page for the clinic's patients; it must name at least one source."""
    slug = slugify(title)[:80]
    if not slug:
        raise ValidationError({"title": _("Give the page a title with letters or digits.")})
    visible = EducationPage.objects.filter(Q(clinic__isnull=True) | Q(clinic=actor.clinic))
    if visible.filter(Q(slug=slug) | Q(title__iexact=title.strip())).exists():
        raise ValidationError({"title": _("A page with this title already exists.")})
    if not [line for line in sources.splitlines() if line.strip()]:
        raise ValidationError({"sources": _("Name at least one source, one per line.")})
    page = EducationPage(
        clinic=actor.clinic,
        slug=slug,
        title=title.strip(),
        summary=summary.strip(),
        body=body.strip(),
        sources=sources.strip(),
        created_by=actor.user,
    )
    page.full_clean()
    page.save()
    audit_record(actor=actor, action=AuditLog.Action.CREATE, obj=page, summary=page.title)
    return page


@transaction.atomic
def education_page_pin(*, actor: Actor, program: Program, page: EducationPage) -> ProgramPage:
    """Pin a page to a program, so the patient finds it first."""
    if page.clinic_id not in (None, program.patient.clinic_id):
        raise ValidationError({"page": _("This page is not one of your clinic's.")})
    if program.status == Program.Status.COMPLETED:
        raise ValidationError({"page": _("This program is completed; pin pages to a current one.")})
    try:
        with transaction.atomic():
            pin = ProgramPage.objects.create(program=program, page=page, pinned_by=actor.user)
    except IntegrityError:
        raise ValidationError({"page": _("This page is already pinned to the program.")}) from None
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=pin,
        patient=program.patient,
        summary=f"Pinned “{page.title}” to program {program.pk}",
    )
    return pin


@transaction.atomic
def education_page_unpin(*, actor: Actor, pin: ProgramPage) -> None:
    """Take a pinned page off a program."""
    audit_record(
        actor=actor,
        action=AuditLog.Action.ARCHIVE,
        obj=pin,
        patient=pin.program.patient,
        summary=f"Unpinned “{pin.page.title}” from program {pin.program_id}",
    )
    pin.delete()
