"""Forms of the education pages (shape only; the services check the rest)."""

from typing import Any, NamedTuple, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from programs.education.models import EducationPage
from programs.education.reading import translation_languages
from programs.education.texts import TRANSLATED_FIELDS, localized_field


class TranslationGroup(NamedTuple):
    language: str
    name: str
    fields: list[forms.BoundField]
    has_errors: bool


class PageTranslationsForm(forms.Form):
    """A page's optional translations, one collapsible group per portal language.

    A language is given whole or left empty; the service says which field is missing.
    """

    def __init__(self, *args: Any, page: EducationPage | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {"title": _("Title"), "summary": _("Summary"), "body": _("Text")}
        for language, _name in translation_languages():
            for field in TRANSLATED_FIELDS:
                name = localized_field(field, language)
                self.fields[name] = forms.CharField(
                    label=labels[field],
                    required=False,
                    max_length=getattr(EducationPage._meta.get_field(field), "max_length", None),
                    widget=forms.Textarea(attrs={"rows": 6})
                    if field == "body"
                    else forms.TextInput(),
                    initial=getattr(page, name, None),
                )

    def translation_groups(self) -> list[TranslationGroup]:
        """Each language's fields, and whether the group must be open to show an error."""
        groups = []
        for language, name in translation_languages():
            fields = [self[localized_field(field, language)] for field in TRANSLATED_FIELDS]
            groups.append(
                TranslationGroup(language, name, fields, any(field.errors for field in fields))
            )
        return groups

    def translations(self) -> dict[str, dict[str, str]]:
        """The cleaned translations, by language, for the services."""
        return {
            language: {
                field: self.cleaned_data.get(localized_field(field, language), "")
                for field in TRANSLATED_FIELDS
            }
            for language, _name in translation_languages()
        }


class EducationPageForm(PageTranslationsForm):
    title = forms.CharField(label=_("Title"), max_length=120)
    summary = forms.CharField(
        label=_("Summary"), max_length=200, help_text=_("One sentence: what the page is about.")
    )
    body = forms.CharField(
        label=_("Body"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Plain words for patients. A blank line starts a new paragraph; a line "
            "starting with '- ' is a list item."
        ),
    )
    sources = forms.CharField(
        label=_("Sources"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where the advice comes from (e.g. NICE NG59), one source per line."),
    )

    def source_fields(self) -> list[forms.BoundField]:
        """The page in the clinic's language, with its sources."""
        return [self[name] for name in (*TRANSLATED_FIELDS, "sources")]

    def page_data(self) -> dict[str, Any]:
        """The cleaned form as the keyword arguments of `education_page_create`."""
        data = self.cleaned_data
        return {
            **{name: data[name] for name in (*TRANSLATED_FIELDS, "sources")},
            "translations": self.translations(),
        }


class PinForm(forms.Form):
    page = forms.ModelChoiceField(queryset=EducationPage.objects.none(), label=_("Page to pin"))

    def __init__(
        self, *args: Any, pages: QuerySet[EducationPage] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if pages is not None:
            field = cast(forms.ModelChoiceField, self.fields["page"])
            field.queryset = pages
