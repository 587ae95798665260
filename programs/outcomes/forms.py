"""Forms of outcome entry: they check shape; the services check the instruments' ranges."""

import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from patients.clinical import NRS_MAX, NRS_MIN
from programs.outcomes.instruments import (
    PSFS_MAX_ACTIVITIES,
    PSFS_MIN_ACTIVITIES,
    PSFS_RATING_MAX,
    PSFS_RATING_MIN,
    START_BACK_SUBSCALE_MAX,
    Instrument,
    InstrumentSpec,
)
from programs.outcomes.models import PsfsActivity
from programs.outcomes.schedule import MAX_INTERVAL_WEEKS, MIN_INTERVAL_WEEKS
from programs.outcomes.services import PsfsEntry

RATING_CHOICES = [(n, str(n)) for n in range(PSFS_RATING_MIN, PSFS_RATING_MAX + 1)]
PAIN_CHOICES = [(n, str(n)) for n in range(NRS_MIN, NRS_MAX + 1)]


def taken_at_for(day: datetime.date | None, zone_name: str) -> datetime.datetime:
    """Now for today (or no date); noon in the patient's zone for an earlier day."""
    now = timezone.now()
    zone = zoneinfo.ZoneInfo(zone_name)
    if day is None or day >= now.astimezone(zone).date():
        return now
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=zone)


class ScoreForm(forms.Form):
    """A clinician-entered score of one instrument (not the PSFS)."""

    score = forms.DecimalField(label=_("Score"), max_digits=6, decimal_places=2)
    subscale = forms.IntegerField(
        label=_("Psychosocial subscale (0–5)"),
        min_value=0,
        max_value=START_BACK_SUBSCALE_MAX,
        required=False,
    )
    taken_on = forms.DateField(
        label=_("Taken on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Today unless the form was filled in earlier."),
    )

    def __init__(self, *args, spec: InstrumentSpec, **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = spec
        self.fields["score"].label = gettext("%(instrument)s score (%(range)s)") % {
            "instrument": spec.short,
            "range": spec.range_text,
        }
        self.fields["score"].widget.attrs.update(
            {"min": f"{spec.minimum}", "max": f"{spec.maximum}", "inputmode": "decimal"}
        )
        if spec.code == Instrument.START_BACK:
            self.fields["score"].label = gettext("STarT Back total (%(range)s)") % {
                "range": spec.range_text
            }
            self.fields["subscale"].required = True
        else:
            del self.fields["subscale"]


def _name_field(index: int, required: bool) -> forms.CharField:
    return forms.CharField(
        label=gettext("Activity %(number)s") % {"number": index},
        max_length=120,
        required=required,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Sitting through a film")}),
    )


def _rating_field(label: str, required: bool, *, radios: bool) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RATING_CHOICES if radios else [("", "—"), *RATING_CHOICES],
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect(attrs={"class": "pain-scale"}) if radios else forms.Select,
        error_messages={"required": _("Rate it from 0 (unable) to 10 (as before the injury).")},
    )


class PsfsForm(forms.Form):
    """The PSFS: the patient's activities (named once, at baseline) and a rating for each.

    With activities already named, only their ratings are asked for; otherwise 3 to 5 names.
    `radios` lays the ratings out as the portal's tap-friendly scale.
    """

    taken_on = forms.DateField(
        label=_("Taken on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(
        self, *args, activities: list[PsfsActivity], radios: bool = False, dated=True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.activities = activities
        if not dated:
            del self.fields["taken_on"]
        if activities:
            for activity in activities:
                self.fields[f"rating_{activity.position}"] = _rating_field(
                    activity.name, True, radios=radios
                )
        else:
            for index in range(1, PSFS_MAX_ACTIVITIES + 1):
                required = index <= PSFS_MIN_ACTIVITIES
                self.fields[f"name_{index}"] = _name_field(index, required)
                self.fields[f"rating_{index}"] = _rating_field(
                    gettext("Rating of activity %(number)s") % {"number": index},
                    False,
                    radios=radios,
                )

    def name_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"name_{i}"], self[f"rating_{i}"])
            for i in range(1, PSFS_MAX_ACTIVITIES + 1)
            if f"name_{i}" in self.fields
        ]

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[f"rating_{a.position}"] for a in self.activities]

    def clean(self):
        data = super().clean() or self.cleaned_data
        if self.activities:
            return data
        for index in range(1, PSFS_MAX_ACTIVITIES + 1):
            name, rating = data.get(f"name_{index}"), data.get(f"rating_{index}")
            if name and rating is None:
                self.add_error(f"rating_{index}", _("Rate this activity from 0 to 10."))
            elif rating is not None and not name:
                self.add_error(f"name_{index}", _("Name the activity you rated."))
        return data

    def entries(self) -> list[PsfsEntry]:
        data = self.cleaned_data
        if self.activities:
            return [
                PsfsEntry(activity=a.name, rating=data[f"rating_{a.position}"])
                for a in self.activities
            ]
        return [
            PsfsEntry(activity=data[f"name_{i}"], rating=data[f"rating_{i}"])
            for i in range(1, PSFS_MAX_ACTIVITIES + 1)
            if data.get(f"name_{i}")
        ]


class PainCheckForm(forms.Form):
    pain = forms.TypedChoiceField(
        label=_("How bad is your back pain today, on average?"),
        choices=PAIN_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "pain-scale"}),
        error_messages={"required": _("Choose a number from 0 to 10.")},
    )


class IntervalForm(forms.Form):
    interval_weeks = forms.IntegerField(
        label=_("Repeat every (weeks)"),
        min_value=MIN_INTERVAL_WEEKS,
        max_value=MAX_INTERVAL_WEEKS,
        required=False,
        help_text=_("Leave empty to follow the clinic's interval."),
    )


class ClinicOutcomeFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("Discharged from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    date_to = forms.DateField(
        label=pgettext_lazy("date range", "to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    clinician = forms.TypedChoiceField(
        label=_("Clinician"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, clinicians: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["clinician"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared just above
        field.choices = [("", gettext("All clinicians")), *clinicians]

    def clean(self):
        data = super().clean() or self.cleaned_data
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end of the range is before its start."))
        return data

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "clinician_user_id": data.get("clinician"),
        }


class DischargeForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary for the referrer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was done, how the patient responded, and the advice going forward."),
    )
