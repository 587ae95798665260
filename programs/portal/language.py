"""The patient chooses the language of their portal, emails and handout (SPEC 3)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from clinic.forms import add_service_errors
from patients.middleware import patient_language_remember
from patients.permissions import PortalRequest, patient_required
from patients.services import patient_update


class LanguageForm(forms.Form):
    # Each language is named in itself (settings.LANGUAGES), so anyone can find their own.
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=lambda: settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Your pages, reminder emails and printed handout use it."),
    )


@patient_required
@require_http_methods(["GET", "POST"])
def language(request: PortalRequest) -> HttpResponse:
    patient = request.portal_patient
    form = LanguageForm(request.POST or None, initial={"language": patient.language})
    if request.method == "POST" and form.is_valid():
        try:
            patient = patient_update(
                actor=request.actor, patient=patient, language=form.cleaned_data["language"]
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            # Said in the language just chosen, as every page from now on.
            patient_language_remember(request, patient)
            messages.success(request, _("Your language is saved."))
            return redirect("portal:language")
    return render(request, "portal/language.html", {"form": form})
