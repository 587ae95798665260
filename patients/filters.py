"""The patients list's search and filters, once, for the web list and the API.

The web list shows a bad value as a form error and ignores that filter (the FilterSet's
queryset applies only the valid fields); the API answers 400 naming the parameter.
"""

import copy
from typing import Any

import django_filters
import django_filters.fields
from django import forms
from django.db.models import QuerySet, Value
from django.db.models.functions import Concat
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from patients.clinical import TIER_LABELS, Condition, Severity
from patients.models import NAME_ORDER, Patient
from patients.search import search_terms

# The sort keys a caller may ask for; the list is then ordered by name and id, as always.
PATIENT_SORT_KEYS = (
    "last_name",
    "first_name",
    "date_of_birth",
    "external_id",
    "created_at",
    "updated_at",
    "id",
)
YES_NO = [("true", "yes"), ("false", "no")]
# The shortest word the trigram index finds by itself (pg_trgm needs three letters).
TRIGRAM_LENGTH = 3


def sorts_its_matches(query: str) -> bool:
    """Whether a search finds its matches by the trigram index and then sorts them (every word
    of three letters or more): its pages are best read ids first (clinic.paging)."""
    terms = search_terms(query)
    return bool(terms) and min(map(len, terms)) >= TRIGRAM_LENGTH


class _ChoiceField(django_filters.fields.ChoiceField):
    def __deepcopy__(self, memo: dict[int, Any]) -> "_ChoiceField":
        # Every form deep-copies its fields; these choices are fixed, so share them rather
        # than copy them each time (a sixth of the API list's time, bench/api.py).
        return forms.Field.__deepcopy__(self, memo)


class _ChoiceFilter(django_filters.ChoiceFilter):
    field_class = _ChoiceField


class PatientFilterForm(forms.Form):
    """The FilterSet's form: `archived` and `status` must not contradict each other."""

    # These help texts document the API's parameters in its schema ("true lists ..."); on the
    # page the options of each select say it in words, so the form shows them for search only.
    API_ONLY_HELP = ("status", "archived", "referral_required", "ordering")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.API_ONLY_HELP:
            self.fields[name].help_text = ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        archived, status = data.get("archived"), data.get("status")
        if archived and status and (archived == "true") != (status == Patient.Status.ARCHIVED):
            self.add_error("archived", _("Contradicts status; send one of them."))
        return data


class PatientFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=100,
        help_text=_(
            "Words found in any part of the first name, last name or external ID; "
            "case and accents do not matter."
        ),
    )
    tier = _ChoiceFilter(
        field_name="latest_assessment__tier",
        label=_("Tier"),
        choices=[(code, TIER_LABELS[code]) for code in Severity.values],
        empty_label=_("Any tier"),
    )
    condition = _ChoiceFilter(choices=Condition.choices, empty_label=_("Any condition"))
    # Status and archived choose which patients are listed at all: see filter_queryset.
    status = _ChoiceFilter(
        choices=Patient.Status.choices,
        empty_label=None,
        method="filter_nothing",
        help_text=_("active (the default) or archived."),
    )
    archived = _ChoiceFilter(
        choices=YES_NO,
        method="filter_nothing",
        help_text=_("true lists archived patients (same as status=archived)."),
    )
    referral_required = _ChoiceFilter(
        label=_("Referral"),
        choices=[("true", "Referral required"), ("false", "No referral")],
        empty_label=_("Any"),
        method="filter_referral_required",
        help_text=_("true lists only patients whose latest assessment needs a referral."),
    )
    ordering = _ChoiceFilter(
        choices=[(key, key) for key in PATIENT_SORT_KEYS]
        + [(f"-{key}", f"-{key}") for key in PATIENT_SORT_KEYS],
        method="filter_ordering",
        help_text=_("A field to sort by, descending with a leading '-'; by name when not given."),
    )

    class Meta:
        model = Patient
        fields: list[str] = []
        form = PatientFilterForm

    def __init__(
        self,
        data: QueryDict | dict[str, Any] | None = None,
        queryset: QuerySet[Patient] | None = None,
        *,
        request: HttpRequest | None = None,
        prefix: str | None = None,
    ) -> None:
        # As django-filter's BaseFilterSet.__init__, which deep-copies every filter, choices
        # and all, on each request; that and building a new form class each time took a third
        # of the API list's time (bench/api.py). These filters hold no state but what is set
        # below, so shallow copies do (tests/patients/test_filters.py runs them all).
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset if queryset is not None else Patient.objects.none()
        self.request = request
        self.form_prefix = prefix
        self.filters = {name: copy.copy(f) for name, f in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model = Patient
            filter_.parent = self
            if filter_.method:  # bind the method to this copy, not to the class's filter
                filter_.method = filter_.method

    def get_form_class(self) -> type[forms.Form]:
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    def filter_queryset(self, queryset: QuerySet[Patient]) -> QuerySet[Patient]:
        data = self.form.cleaned_data
        if data.get("status"):
            status = data["status"]
        else:
            archived = data.get("archived") == "true"
            status = Patient.Status.ARCHIVED if archived else Patient.Status.ACTIVE
        return super().filter_queryset(queryset.filter(status=status))

    def filter_nothing(self, queryset: QuerySet[Patient], name: str, value: str):
        return queryset

    def filter_search(self, queryset: QuerySet[Patient], name: str, value: str):
        # Each word anywhere in the folded names and external ID: a LIKE '%word%' that the
        # trigram index serves on PostgreSQL (patients migration 0007).
        for term in search_terms(value):
            queryset = queryset.filter(search_text__contains=term)
        if sorts_its_matches(value):
            # The same name order, as an expression the name index cannot serve: PostgreSQL
            # then finds the matches by the trigram index and sorts them. Otherwise it walks the
            # name index hoping to meet 25 matches soon, but a word's matches lie together in
            # name order ("kel": the Kel... names), so it read 47,000 patients at 100,000 to
            # reach them (bench/scale.py). An `ordering` asked for replaces this order.
            queryset = queryset.order_by(Concat(NAME_ORDER[0], Value("")), *NAME_ORDER[1:])
        return queryset

    def filter_referral_required(self, queryset: QuerySet[Patient], name: str, value: str):
        return queryset.filter(latest_assessment__referral_required=value == "true")

    def filter_ordering(self, queryset: QuerySet[Patient], name: str, value: str):
        return queryset.order_by(value, *NAME_ORDER)
