"""Forms of the education pages (shape only; the services check the rest)."""

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from programs.education.models import EducationPage


class EducationPageForm(forms.Form):
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


class PinForm(forms.Form):
    page = forms.ModelChoiceField(queryset=EducationPage.objects.none(), label=_("Page to pin"))

    def __init__(
        self, *args: Any, pages: QuerySet[EducationPage] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if pages is not None:
            field = cast(forms.ModelChoiceField, self.fields["page"])
            field.queryset = pages
