"""Reads of patient records, always starting from the caller's clinic."""

from collections.abc import Sequence
from typing import NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Q, QuerySet
from django.shortcuts import get_object_or_404
from psycopg.types.datetime import TimestamptzLoader

from clinic.models import AuditLog, Clinic
from patients.models import Assessment, Patient


def patient_list_for(
    *,
    clinic: Clinic,
    q: str = "",
    tier: str = "",
    condition: str = "",
    status: str = Patient.Status.ACTIVE,
    referral_required: bool | None = None,
) -> QuerySet[Patient]:
    """Patients of one clinic, filtered; archived ones only when asked for."""
    patients = Patient.objects.filter(clinic=clinic).select_related("latest_assessment")
    if status:
        patients = patients.filter(status=status)
    for term in q.split():
        patients = patients.filter(
            Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(external_id__iexact=term)
        )
    if tier:
        patients = patients.filter(latest_assessment__tier=tier)
    if condition:
        patients = patients.filter(condition=condition)
    if referral_required is not None:
        patients = patients.filter(latest_assessment__referral_required=referral_required)
    return patients


class PatientPage(NamedTuple):
    """One page of patients and how many match the filters on every page."""

    count: int
    rows: list[tuple]


# The sort keys a caller may ask for; the page is then ordered by name and id, as lists are.
PATIENT_SORT_KEYS = (
    "last_name",
    "first_name",
    "date_of_birth",
    "external_id",
    "created_at",
    "updated_at",
    "id",
)
_ASSESSMENT = "latest_assessment__"


def _column(db: BaseDatabaseWrapper, name: str) -> tuple[str, Field]:
    """The SQL of a column named as in values_list() (`latest_assessment__tier` for the
    current grading) and its model field."""
    if name.startswith(_ASSESSMENT):
        field = Assessment._meta.get_field(name.removeprefix(_ASSESSMENT))
        return f"a.{db.ops.quote_name(field.column)}", field
    field = Patient._meta.get_field(name)
    return f"p.{db.ops.quote_name(field.column)}", field


def _converters(db: BaseDatabaseWrapper, fields: list[Field]) -> list[tuple[int, Field, list]]:
    """What the ORM would apply to each column read (JSON decoding; on SQLite, dates too)."""
    converters = []
    for index, field in enumerate(fields):
        functions = db.ops.get_db_converters(field.cached_col) + field.get_db_converters(db)
        if functions:
            converters.append((index, field, functions))
    return converters


def _load_timestamps_natively(cursor) -> None:
    """Read timestamps with psycopg's own loader, written in C, on this cursor.

    Django's loader is a pure-Python subclass of it that pins the time zone, and reading the
    two timestamps of every row with it cost a tenth of the list's time. psycopg's gives the
    same instants in the session's time zone, which Django sets to UTC.
    """
    cursor.cursor.adapters.register_loader("timestamptz", TimestamptzLoader)


def patient_page_for(
    *,
    clinic: Clinic,
    columns: Sequence[str],
    limit: int,
    offset: int,
    q: str = "",
    tier: str = "",
    condition: str = "",
    status: str = Patient.Status.ACTIVE,
    ordering: str = "",
) -> PatientPage:
    """A page of the clinic's patients as rows of `columns`, filtered as patient_list_for
    filters, sorted by `ordering` (a sort key, descending with a leading '-') then by name.

    The API's busiest read, so it is one SQL statement written out rather than the ORM's count
    and page queries, whose compilation cost more than running them (bench/api.py). Values come
    back as the ORM would give them, through the same converters; a test compares the two for
    every filter and ordering.
    """
    db = connections[DEFAULT_DB_ALIAS]
    sort_key = ordering.removeprefix("-")
    if sort_key and sort_key not in PATIENT_SORT_KEYS:
        raise ValueError(f"Cannot sort patients by {ordering!r}.")
    selected = [_column(db, name) for name in columns]
    where = ["p.clinic_id = %s"]
    params: list = [clinic.pk]
    if status:
        where.append("p.status = %s")
        params.append(status)
    for term in q.split():
        # The ORM's icontains and iexact, as patient_list_for filters, on every database.
        where.append(
            r"(UPPER(p.first_name) LIKE UPPER(%s) ESCAPE '\'"
            r" OR UPPER(p.last_name) LIKE UPPER(%s) ESCAPE '\'"
            " OR UPPER(p.external_id) = UPPER(%s))"
        )
        pattern = f"%{db.ops.prep_for_like_query(term)}%"
        params += [pattern, pattern, term]
    if tier:
        where.append("a.tier = %s")
        params.append(tier)
    if condition:
        where.append("p.condition = %s")
        params.append(condition)
    order = ["p.last_name", "p.first_name", "p.id"]
    if sort_key:
        direction = "DESC" if ordering.startswith("-") else "ASC"
        order.insert(0, f"{_column(db, sort_key)[0]} {direction}")
    # Only model metadata and fixed text go into the SQL (an unknown column or sort key has
    # raised above); every value travels as a parameter.
    select = ", ".join(column for column, _ in selected)
    tables = (
        f"{db.ops.quote_name(Patient._meta.db_table)} p"
        f" LEFT JOIN {db.ops.quote_name(Assessment._meta.db_table)} a"
        " ON a.id = p.latest_assessment_id"
    )
    sql = f"SELECT {select}, COUNT(*) OVER () FROM {tables} WHERE {' AND '.join(where)}"  # noqa: S608
    sql += f" ORDER BY {', '.join(order)} LIMIT %s OFFSET %s"
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            _load_timestamps_natively(cursor)
        cursor.execute(sql, [*params, limit, offset])
        fetched = cursor.fetchall()
    if not fetched:
        return PatientPage(count=0, rows=[])
    converters = _converters(db, [field for _, field in selected])
    rows = []
    for row in fetched:
        values = list(row[:-1])  # the last is the count
        for index, field, functions in converters:
            for convert in functions:
                values[index] = convert(values[index], field.cached_col, db)
        rows.append(tuple(values))
    return PatientPage(count=fetched[0][-1], rows=rows)


def patient_get_for(*, clinic: Clinic, patient_id: int) -> Patient:
    """One patient of the clinic; another clinic's patient is a 404, exactly like a missing one."""
    return get_object_or_404(
        Patient.objects.select_related("latest_assessment", "clinic"),
        clinic=clinic,
        pk=patient_id,
    )


def assessment_history_for(*, patient: Patient) -> QuerySet[Assessment]:
    """A patient's assessments, newest first, with who made them."""
    return patient.assessments.select_related("assessed_by")


def audit_rows_for(*, patient: Patient) -> QuerySet[AuditLog]:
    """The audit trail of one patient, newest first."""
    return AuditLog.objects.filter(clinic_id=patient.clinic_id, patient=patient).select_related(
        "actor", "api_key"
    )


def portal_patient_for(*, user) -> Patient | None:
    """The patient record a portal user signs in as, or None for anyone else."""
    if not user.is_authenticated:
        return None
    return (
        Patient.objects.select_related("clinic", "latest_assessment")
        .filter(user=user, status=Patient.Status.ACTIVE)
        .first()
    )
