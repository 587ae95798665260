"""Forms of the follow-up pages (shape only; the services check the rest)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic, User
from clinic.selectors import clinician_users_for


class SuggestionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("accept", _("Accept")), ("decline", _("Decline"))]
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)


class DashboardClinicianForm(forms.Form):
    """Whose patients the dashboard shows: everyone's, or one clinician's."""

    clinician: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Clinician"),
        queryset=None,
        required=False,
        empty_label=_("All clinicians"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, *args: Any, clinic: Clinic, me: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["clinician"]
        field.queryset = clinician_users_for(clinic=clinic)  # type: ignore[attr-defined]
        field.label_from_instance = lambda user: (  # type: ignore[attr-defined]
            _("My patients") if user == me else user.get_full_name() or user.email
        )
