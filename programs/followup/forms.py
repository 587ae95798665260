"""Forms of the follow-up pages (shape only; the services check the rest)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SuggestionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("accept", _("Accept")), ("decline", _("Decline"))]
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)
