"""patient_page_for, the API list's one-statement page, against the ORM's patient_list_for."""

import datetime

import pytest
from django.utils import timezone

from patients.api.serializers import PATIENT_COLUMNS
from patients.selectors import PATIENT_SORT_KEYS, patient_list_for, patient_page_for
from tests.factories import ClinicFactory, PatientFactory

pytestmark = pytest.mark.django_db

ORDERINGS = ["", *PATIENT_SORT_KEYS, *(f"-{key}" for key in PATIENT_SORT_KEYS)]
FILTERS = [
    {},
    {"status": "archived"},
    {"status": ""},
    {"q": "an"},
    {"q": "AN smith"},
    {"q": "mrn-2"},
    {"q": "zoë"},
    {"q": "50%"},
    {"q": "a_b"},
    {"q": "o'neil"},
    {"tier": "severe"},
    {"tier": "none", "condition": "prevention"},
    {"condition": "herniated_disc", "q": "smith"},
]


@pytest.fixture
def patients(clinic):
    """Shared surnames and first names (so the tie-breaks matter), LIKE wildcards, quotes,
    accents, every tier, an archived patient, and another clinic's namesakes."""
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


def _orm_rows(clinic, ordering="", **filters):
    sort = (ordering,) if ordering else ()
    patients = patient_list_for(clinic=clinic, **filters)
    return list(
        patients.order_by(*sort, "last_name", "first_name", "id").values_list(*PATIENT_COLUMNS)
    )


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_every_filter_and_ordering_gives_what_the_orm_gives(clinic, patients, filters):
    for ordering in ORDERINGS:
        expected = _orm_rows(clinic, ordering, **filters)
        page = patient_page_for(
            clinic=clinic,
            columns=PATIENT_COLUMNS,
            limit=100,
            offset=0,
            ordering=ordering,
            **filters,
        )
        assert page.rows == expected, ordering
        assert page.count == len(expected)


def test_values_have_the_orms_types(clinic, patients):
    (row,) = patient_page_for(
        clinic=clinic, columns=PATIENT_COLUMNS, limit=1, offset=0, q="mrn-2"
    ).rows
    values = dict(zip(PATIENT_COLUMNS, row, strict=True))
    assert values["latest_assessment__red_flags"] == ["night_pain"]
    assert isinstance(values["date_of_birth"], datetime.date)
    assert values["created_at"].utcoffset() == datetime.timedelta(0)
    assert values["latest_assessment__referral_required"] is True


def test_pages_share_the_total_and_tile_the_list(clinic, patients):
    expected = _orm_rows(clinic)
    pages = [
        patient_page_for(clinic=clinic, columns=PATIENT_COLUMNS, limit=3, offset=offset)
        for offset in (0, 3, 6)
    ]
    assert [page.count for page in pages] == [len(expected)] * 3
    assert [row for page in pages for row in page.rows] == expected


def test_a_page_past_the_end_is_empty_with_no_count(clinic, patients):
    page = patient_page_for(clinic=clinic, columns=PATIENT_COLUMNS, limit=10, offset=100)
    assert page.rows == [] and page.count == 0


def test_an_unknown_sort_key_or_column_is_refused(clinic):
    from django.core.exceptions import FieldDoesNotExist

    with pytest.raises(ValueError, match="sort"):
        patient_page_for(
            clinic=clinic, columns=["id"], limit=1, offset=0, ordering="-id; DROP TABLE x"
        )
    with pytest.raises(FieldDoesNotExist):
        patient_page_for(clinic=clinic, columns=["id) FROM x --"], limit=1, offset=0)
