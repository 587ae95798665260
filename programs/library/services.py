"""Writes for the exercise library: a clinic adds its own exercises, photos and videos."""

import uuid
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from clinic.models import AuditLog
from clinic.services import Actor, audit_record, field_changes
from programs.library.media_checks import UploadRefused, check_upload
from programs.library.models import Exercise, ExerciseMedia
from programs.library.translations import (
    TRANSLATED_FIELDS,
    column,
    missing_fields,
    source_language,
    translation_languages,
)

# A clinic's translations: language → field → text (fields of TRANSLATED_FIELDS).
Translations = Mapping[str, Mapping[str, str]]


def _translation_columns(translations: Translations, source: Mapping[str, str]) -> dict[str, str]:
    """The exercise's translation columns, after checking each translation is whole.

    A language left blank stays untranslated (its patients see the clinic's text, marked as
    such); one partly filled is refused, so no patient gets steps without their cautions.
    """
    errors: dict[str, str] = {}
    columns: dict[str, str] = {}
    for language, texts in translations.items():
        if language not in translation_languages():
            raise ValidationError(_("Translations are kept only for the site's languages."))
        unknown = set(texts) - set(TRANSLATED_FIELDS)
        if unknown:
            raise ValidationError(_("Only an exercise's texts can be translated."))
        cleaned = {field: texts.get(field, "").strip() for field in TRANSLATED_FIELDS}
        if any(cleaned.values()):
            for field in missing_fields(cleaned, source):
                errors[column(field, language)] = _(
                    "Fill this in too, or leave the whole translation empty."
                )
        columns |= {column(field, language): text for field, text in cleaned.items()}
    if errors:
        raise ValidationError(errors)
    return columns


@transaction.atomic
def exercise_create(
    *,
    actor: Actor,
    name: str,
    instructions: str,
    category: str,
    position: str,
    progression_order: int,
    dosage_profile: str,
    max_tier: str,
    summary: str = "",
    cautions: str = "",
    loads_flexion: bool = False,
    min_hold_seconds: int = 0,
    illustration: str = "",
    translations: Translations | None = None,
) -> Exercise:
    """Add an exercise to the actor's clinic library (visible to that clinic only).

    The texts are in the clinic's language; `translations` optionally gives them in others.
    """
    slug = slugify(name)[:80]
    if not slug:
        raise ValidationError({"name": _("Give the exercise a name with letters or digits.")})
    taken = Exercise.objects.filter(slug=slug, clinic__isnull=True).exists() or (
        Exercise.objects.filter(slug=slug, clinic=actor.clinic).exists()
    )
    if taken:
        raise ValidationError({"name": _("An exercise with this name is already in your library.")})
    texts = {
        "name": name.strip(),
        "summary": summary.strip(),
        "instructions": instructions.strip(),
        "cautions": cautions.strip(),
    }
    translated = _translation_columns(translations or {}, texts)
    # The clinic writes in the source language, whatever language its pages are in: with
    # another one active, modeltranslation would file `name=` under that language instead.
    with translation.override(source_language()):
        exercise = Exercise(
            clinic=actor.clinic,
            slug=slug,
            **texts,
            **translated,
            category=category,
            position=position,
            progression_order=progression_order,
            dosage_profile=dosage_profile,
            max_tier=max_tier,
            loads_flexion=loads_flexion,
            min_hold_seconds=min_hold_seconds,
            illustration=illustration,
        )
    exercise.full_clean()
    exercise.save()
    # Not a patient's record, so no patient on the audit row.
    audit_record(actor=actor, action=AuditLog.Action.CREATE, obj=exercise, summary=exercise.name)
    return exercise


@transaction.atomic
def exercise_translations_update(
    *, actor: Actor, exercise: Exercise, translations: Translations
) -> Exercise:
    """Set a clinic exercise's translations; a language given all blank is removed."""
    if exercise.clinic_id != actor.clinic.pk:
        raise ValidationError(_("Only your clinic's own exercises can be translated here."))
    source = {
        field: getattr(exercise, column(field, source_language())) or ""
        for field in TRANSLATED_FIELDS
    }
    after = _translation_columns(translations, source)
    before = {name: getattr(exercise, name) or "" for name in after}
    changes = field_changes(before, after)
    if not changes:
        return exercise
    for name, value in after.items():
        setattr(exercise, name, value)
    exercise.full_clean()
    exercise.save(update_fields=[name for name, _old, _new in changes])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=exercise,
        summary=f"Translations of {exercise.slug}",
        changes=changes,
    )
    return exercise


@transaction.atomic
def exercise_media_add(
    *, actor: Actor, exercise: Exercise, data: bytes, caption: str
) -> ExerciseMedia:
    """Store a clinic's photo or video of an exercise after checking its content.

    Refused uploads raise ValidationError and store nothing. The file is written through the
    default storage under a random name; if saving the row fails, the file is removed again.
    """
    if exercise.clinic_id not in (None, actor.clinic.pk):
        raise ValidationError({"file": _("This exercise is not in your clinic's library.")})
    if not caption.strip():
        raise ValidationError({"caption": _("Say in words what the photo or video shows.")})
    try:
        checked = check_upload(data)
    except UploadRefused as exc:
        raise ValidationError({"file": str(exc)}) from None
    media = ExerciseMedia(
        clinic=actor.clinic,
        exercise=exercise,
        kind=checked.kind,
        content_type=checked.content_type,
        size=len(checked.data),
        caption=caption.strip(),
        uploaded_by=actor.user,
    )
    media.file.save(
        f"{actor.clinic.pk}/{uuid.uuid4().hex}.{checked.extension}",
        ContentFile(checked.data),
        save=False,
    )
    stored = media.file.name or ""
    try:
        media.full_clean()
        media.save()
        audit_record(
            actor=actor,
            action=AuditLog.Action.CREATE,
            obj=media,
            summary=f"{media.get_kind_display()} added to {exercise.name}",
        )
    except Exception:
        media.file.storage.delete(stored)  # nothing stored when the upload is not recorded
        raise
    return media


@transaction.atomic
def exercise_media_remove(*, actor: Actor, media: ExerciseMedia) -> None:
    """Delete a clinic's photo or video: the row now, the stored file once that is committed."""
    if media.clinic_id != actor.clinic.pk:
        raise ValidationError(_("This photo or video is not your clinic's."))
    storage, name = media.file.storage, media.file.name or ""
    audit_record(
        actor=actor,
        action=AuditLog.Action.ARCHIVE,
        obj=media,
        summary=f"{media.get_kind_display()} removed from {media.exercise.name}",
    )
    media.delete()
    transaction.on_commit(lambda: storage.delete(name))
