"""Forms of the follow-up pages (shape only; the services check the rest)."""

from django import forms


class SuggestionDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("decline", "Decline")])
    reason = forms.CharField(max_length=500)
