"""Writes of the education pages: a clinic adds its own pages, a clinician pins pages to a
patient's program. Each is audited; pins name the patient."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, audit_record, field_changes
from programs.education.models import EducationPage, ProgramPage
from programs.education.reading import language_name, source_language, translation_languages
from programs.education.texts import TRANSLATED_FIELDS, localized_field
from programs.prescribing.models import Program

Translations = Mapping[str, Mapping[str, str]]


def _checked_translations(translations: Translations) -> tuple[dict[str, str], list[str]]:
    """The translation columns to fill; a language is given whole (title, summary, body) or
    not at all, so a patient never reads a page half in one language and half in another.
    Also returns the languages given."""
    known = dict(translation_languages())
    columns: dict[str, str] = {}
    given: list[str] = []
    errors: dict[str, str] = {}
    for language, texts in translations.items():
        if language not in known:
            raise ValidationError(
                gettext("Pages are not translated into “%(language)s”.") % {"language": language}
            )
        cleaned = {field: (texts.get(field) or "").strip() for field in TRANSLATED_FIELDS}
        if not any(cleaned.values()):
            continue
        given.append(language)
        for field, value in cleaned.items():
            if not value:
                errors[localized_field(field, language)] = gettext(
                    "Fill this in too, or leave the whole %(language)s translation empty."
                ) % {"language": language_name(language)}
            columns[localized_field(field, language)] = value
    if errors:
        raise ValidationError(errors)
    return columns, given


@transaction.atomic
def education_page_create(
    *,
    actor: Actor,
    title: str,
    summary: str,
    body: str,
    sources: str,
    translations: Translations | None = None,
) -> EducationPage:
    """Add a page for the clinic's patients; it must name at least one source.

    The text is in the clinic's language; `translations` maps other portal languages to
    their title, summary and body (optional, each language whole or not at all).
    """
    columns, translated = _checked_translations(translations or {})
    # The source language is active so that `title` and its lookups mean the clinic's
    # language column, whatever language the clinician's screen is in.
    with translation.override(source_language()):
        return _page_create(
            actor=actor,
            title=title,
            summary=summary,
            body=body,
            sources=sources,
            columns=columns,
            translated=translated,
        )


def _page_create(
    *,
    actor: Actor,
    title: str,
    summary: str,
    body: str,
    sources: str,
    columns: dict[str, str],
    translated: list[str],
) -> EducationPage:
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
        **columns,
    )
    page.full_clean()
    page.save()
    said = page.title + (f" (translated: {', '.join(translated)})" if translated else "")
    audit_record(actor=actor, action=AuditLog.Action.CREATE, obj=page, summary=said)
    return page


@transaction.atomic
def education_page_translate(
    *, actor: Actor, page: EducationPage, translations: Translations
) -> EducationPage:
    """Set the clinic's translations of its own page; a language left empty is cleared,
    so its patients see the page in the clinic's language with the notice again."""
    if page.clinic_id != actor.clinic.pk:
        raise ValidationError(gettext("Only your clinic's own pages can be translated here."))
    filled, _given = _checked_translations(translations)
    columns: dict[str, str | None] = {
        localized_field(field, language): None
        for language in translations
        for field in TRANSLATED_FIELDS
    }
    columns |= filled
    before = {column: getattr(page, column) for column in columns}
    for column, value in columns.items():
        setattr(page, column, value)
    page.full_clean()
    page.save(update_fields=list(columns))
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=page,
        summary=f"Translations of “{getattr(page, localized_field('title', source_language()))}”",
        changes=field_changes(before, columns),
    )
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
