"""The one FilterSet of the patients list, used by the web list and the API: every filter and
ordering against an independent reading of the same patients, on PostgreSQL and on SQLite."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from patients.filters import PATIENT_SORT_KEYS, PatientFilterSet
from patients.selectors import patients_of
from tests.factories import ClinicFactory, PatientFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ORDERINGS = ["", *PATIENT_SORT_KEYS, *(f"-{key}" for key in PATIENT_SORT_KEYS)]


@pytest.fixture
def patients(clinic):
    """Shared surnames and first names (so the tie-breaks matter), LIKE wildcards, quotes,
    accents, every tier, referrals, an archived patient, and another clinic's namesakes."""
    people = [
        ("Ann", "Smith", "MRN-1", "mild", 2, "herniated_disc", []),
        ("Ann", "Smith", "MRN-2", "severe", 8, "muscle_strain", ["night_pain"]),
        ("Dan", "Smith", "", "moderate", 5, "herniated_disc", []),
        ("Zoë", "Ångström", "MRN-3", "none", 0, "prevention", []),
        ("50%", "Discount", "", "mild", 1, "other", []),
        ("a_b", "Under", "", "mild", 3, "other", []),
        ("axb", "Under", "", "mild", 3, "other", []),
        ("Seán", "O'Neil", "mrn-4", "severe", 9, "spinal_stenosis", ["fever_or_infection_risk"]),
        ("Hannah", "Abbot", "", "moderate", 6, "post_surgical", []),
    ]
    created = []
    for n, (first, last, external_id, severity, pain, condition, flags) in enumerate(people):
        created.append(
            PatientFactory(
                clinic=clinic,
                first_name=first,
                last_name=last,
                external_id=external_id,
                severity=severity,
                pain_level=pain,
                condition=condition,
                red_flags=flags,
                date_of_birth=datetime.date(1950 + 7 * n % 50, 1 + n, 1 + 3 * n),
            )
        )
    gone = created[2]
    gone.status, gone.archived_at = "archived", timezone.now()
    gone.save()
    PatientFactory(clinic=ClinicFactory(), first_name="Ann", last_name="Smith")
    return created


def _listed(clinic, **params):
    filters = PatientFilterSet(params, queryset=patients_of(clinic=clinic))
    assert filters.is_valid(), filters.errors
    return list(filters.qs)


def _name_key(patient):
    return (patient.last_name, patient.first_name, patient.pk)


def _sorted(patients, ordering=""):
    """The expected order, worked out in Python: by name, or by a key then by name. Python and
    the databases agree on these ASCII-led names; the key ties are broken by name and id."""
    rows = sorted(patients, key=_name_key)
    if ordering:
        key = ordering.removeprefix("-")
        rows.sort(key=lambda p: getattr(p, key), reverse=ordering.startswith("-"))
    return rows


def _plain(text):
    """Lower case without accents, written out for these names."""
    return text.casefold().translate(str.maketrans("ëåöá", "eaoa"))


def _matches(patient, term):
    return any(
        _plain(term) in _plain(field)
        for field in (patient.first_name, patient.last_name, patient.external_id)
    )


def _active(patients):
    return [p for p in patients if p.status == "active"]


# Each case: the query parameters, and which patients they list, decided without the ORM.
CASES = {
    "nothing: the active ones": ({}, _active),
    "status=archived": ({"status": "archived"}, lambda ps: [ps[2]]),
    "archived=true": ({"archived": "true"}, lambda ps: [ps[2]]),
    "archived=false": ({"archived": "false"}, _active),
    "status=active": ({"status": "active"}, _active),
    "q one word": ({"q": "an"}, lambda ps: [p for p in _active(ps) if _matches(p, "an")]),
    "q two words, any case": (
        {"q": "AN smith"},
        lambda ps: [p for p in _active(ps) if _matches(p, "an") and _matches(p, "smith")],
    ),
    "q exact external id, any case": ({"q": "mrn-2"}, lambda ps: [ps[1]]),
    "q part of an external id": ({"q": "RN-"}, lambda ps: [ps[0], ps[1], ps[3], ps[7]]),
    "q accented": ({"q": "zoë"}, lambda ps: [ps[3]]),
    "q accents folded": ({"q": "ZOE angstrom"}, lambda ps: [ps[3]]),
    "q accent added": ({"q": "Sëan"}, lambda ps: [ps[7]]),
    "q part of a name": ({"q": "ngstr"}, lambda ps: [ps[3]]),
    "q across first name, surname and id": ({"q": "ann 1 smi"}, lambda ps: [ps[0]]),
    "q percent is no wildcard": ({"q": "50%"}, lambda ps: [ps[4]]),
    "q underscore is no wildcard": ({"q": "a_b"}, lambda ps: [ps[5]]),
    "q quote": ({"q": "o'neil"}, lambda ps: [ps[7]]),
    "tier": ({"tier": "severe"}, lambda ps: [ps[1], ps[7]]),
    "tier none and condition": ({"tier": "none", "condition": "prevention"}, lambda ps: [ps[3]]),
    "condition and q": ({"condition": "herniated_disc", "q": "smith"}, lambda ps: [ps[0]]),
    "referral_required=true": ({"referral_required": "true"}, lambda ps: [ps[1], ps[7]]),
    "referral_required=false": (
        {"referral_required": "false"},
        lambda ps: [p for p in _active(ps) if p not in (ps[1], ps[7])],
    ),
    "referral and tier": ({"referral_required": "true", "tier": "mild"}, lambda ps: []),
}


@pytest.mark.parametrize("case", CASES)
def test_every_filter_in_every_order(clinic, patients, case):
    params, expected = CASES[case]
    for ordering in ORDERINGS:
        sort = {"ordering": ordering} if ordering else {}
        listed = _listed(clinic, **params, **sort)
        assert listed == _sorted(expected(patients), ordering), (case, ordering)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "deleted"}, "status"),
        ({"archived": "maybe"}, "archived"),
        ({"tier": "extreme"}, "tier"),
        ({"condition": "sciatica"}, "condition"),
        ({"referral_required": "yes please"}, "referral_required"),
        ({"ordering": "password"}, "ordering"),
        ({"q": "x" * 101}, "q"),
        ({"status": "active", "archived": "true"}, "archived"),
        ({"status": "archived", "archived": "false"}, "archived"),
    ],
)
def test_bad_values_are_errors_and_the_valid_filters_still_apply(clinic, patients, params, field):
    filters = PatientFilterSet(
        {**params, "tier": params.get("tier", "severe")}, queryset=patients_of(clinic=clinic)
    )
    assert not filters.is_valid()
    assert list(filters.errors) == [field]
    if field != "tier":  # the valid tier filter still narrows the list
        assert {p.latest_assessment.tier for p in filters.qs} <= {"severe"}


def test_consistent_status_and_archived_are_accepted(clinic, patients):
    assert _listed(clinic, status="archived", archived="true") == [patients[2]]


def test_sorting_is_a_choice_never_a_field_name_from_the_query(clinic, patients):
    filters = PatientFilterSet({"ordering": "clinic__name"}, queryset=patients_of(clinic=clinic))
    assert not filters.is_valid() and "ordering" in filters.errors


@pytest.mark.skipif(
    settings.TEST_DATABASE_BACKEND != "postgresql" or os.environ.get("FILTERS_ON_SQLITE"),
    reason="runs once, from the PostgreSQL suite",
)
def test_the_same_filters_on_sqlite(tmp_path):
    """The development database is SQLite: run this module there too, in its own process."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'filters.sqlite3'}",
        "FILTERS_ON_SQLITE": "1",
    }
    env.pop("CI", None)  # CI refuses SQLite for the suite; this one module is meant for it
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:randomly", "--create-db"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
