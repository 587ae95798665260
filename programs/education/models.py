"""Education pages for patients: the standard ones and each clinic's own, and pins to programs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from modeltranslation.manager import MultilingualManager

from clinic.models import Clinic
from programs.education.texts import body_blocks
from programs.prescribing.models import Program


class EducationPage(models.Model):
    """A page for patients: standard (no clinic) or a clinic's own."""

    clinic = models.ForeignKey(
        Clinic, null=True, blank=True, on_delete=models.PROTECT, related_name="education_pages"
    )
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=200)
    body = models.TextField(
        help_text="Paragraphs separated by a blank line; start a line with '- ' for a list item."
    )
    sources = models.TextField(help_text="Where the advice comes from, one source per line.")
    order = models.PositiveSmallIntegerField(default=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # The manager modeltranslation would put in at runtime (it reads `title` as the active
    # language's column), declared so that type checkers know it too.
    objects: MultilingualManager["EducationPage"] = MultilingualManager()

    class Meta:
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(clinic__isnull=True), name="education_standard_slug"
            ),
            models.UniqueConstraint(
                fields=["clinic", "slug"],
                condition=Q(clinic__isnull=False),
                name="education_clinic_slug",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def blocks(self) -> list[tuple[str, list[str]]]:
        """The body in the active language, as paragraphs and lists for the template."""
        return body_blocks(self.body)

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class ProgramPage(models.Model):
    """A page the clinician pinned to a program: shown first to the patient, under 'today'."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="pinned_pages")
    page = models.ForeignKey(EducationPage, on_delete=models.PROTECT, related_name="pins")
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["program", "page"], name="program_page_once"),
        ]

    def __str__(self) -> str:
        return f"{self.page} pinned to {self.program}"
