"""Portal forms, in the patient's words."""

import uuid
from typing import TYPE_CHECKING

from django import forms
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from clinic.timezones import timezone_choices
from patients.clinical import EMERGENCY_SYMPTOM_QUESTIONS, NRS_MAX, NRS_MIN

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

PAIN_CHOICES = [(n, str(n)) for n in range(NRS_MIN, NRS_MAX + 1)]
# Django's own abbreviations (Monday is 0), already translated in every language.
WEEKDAYS = list(WEEKDAYS_ABBR.items())


def pain_field(label: "_StrOrPromise", help_text: "_StrOrPromise" = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=PAIN_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "pain-scale"}),
        help_text=help_text or _("0 = no pain, 10 = worst pain imaginable."),
        error_messages={"required": _("Choose a number from 0 to 10.")},
    )


class SessionLogForm(forms.Form):
    """A session: pain before and after, each exercise done or skipped, symptom check."""

    client_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    # The program the form was shown for, and when a session kept offline was made: a session
    # sent hours later still belongs to that program and that day.
    program = forms.IntegerField(widget=forms.HiddenInput, required=False)
    performed_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)
    pain_before = pain_field(_("How bad was your back pain before you started?"))
    pain_after = pain_field(
        _("What was the worst pain during the exercises or just after?"),
    )
    notes = forms.CharField(
        label=_("Anything to tell your clinician? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    symptoms = forms.MultipleChoiceField(
        label=_("Since your last session, have you noticed any of these?"),
        required=False,
        choices=list(EMERGENCY_SYMPTOM_QUESTIONS.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick any that apply. If you tick one, stop exercising and seek help now."),
    )

    def __init__(self, *args, items=(), due_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            # Pre-ticked only when due today: a weekly exercise already done enough this week
            # should not be logged again by a patient who just presses Save.
            due = due_ids is None or item.pk in due_ids
            self.fields[f"done_{item.pk}"] = forms.BooleanField(
                label=_("I did %(exercise)s") % {"exercise": item.exercise.name},
                required=False,
                initial=due,
            )
            self.fields[f"sets_{item.pk}"] = forms.IntegerField(
                label=_("Sets"), min_value=0, max_value=20, initial=item.sets, required=False
            )
            self.fields[f"reps_{item.pk}"] = forms.IntegerField(
                label=_("Reps"), min_value=0, max_value=200, initial=item.reps, required=False
            )

    def item_rows(self):
        """Bound fields per exercise, for the template."""
        return [
            (item, self[f"done_{item.pk}"], self[f"sets_{item.pk}"], self[f"reps_{item.pk}"])
            for item in self.items
        ]

    def reports(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "item_id": item.pk,
                "completed": bool(data.get(f"done_{item.pk}")),
                "sets_done": data.get(f"sets_{item.pk}") or 0,
                "reps_done": data.get(f"reps_{item.pk}") or 0,
            }
            for item in self.items
        ]


class MorningForm(forms.Form):
    pain_next_morning = pain_field(_("How is your back this morning?"))


class ReminderForm(forms.Form):
    enabled = forms.BooleanField(label=_("Send me reminders"), required=False)
    time_1 = forms.TimeField(
        label=_("First reminder"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    time_2 = forms.TimeField(
        label=_("Second reminder (optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    time_3 = forms.TimeField(
        label=_("Third reminder (optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "weekday-choice"}),
    )
    timezone = forms.ChoiceField(label=_("Your time zone"), choices=timezone_choices)

    def times(self) -> list[str]:
        picked = [self.cleaned_data.get(f"time_{n}") for n in (1, 2, 3)]
        return sorted({t.strftime("%H:%M") for t in picked if t})
