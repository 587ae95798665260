"""The clinic's scores due (clinic_due_for): the same answer from plain rows, and statements
whose parameters do not grow with the clinic (PostgreSQL takes at most 65,535 in one)."""

import pytest
from django.db import connection

from programs.outcomes.selectors.due import clinic_due_for
from tests.factories import PatientFactory, program_factory
from tests.outcomes.conftest import score_factory

pytestmark = pytest.mark.django_db


def _parameters_of_each_query(clinic) -> list[int]:
    counted: list[int] = []

    def count(execute, sql, params, many, context):
        counted.append(len(params or ()))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        clinic_due_for(clinic=clinic, limit=1)  # the patients shown are loaded by id
    return counted


def test_its_queries_take_the_same_parameters_whatever_the_number_of_programs(clinic):
    PatientFactory(clinic=clinic)
    program_factory(patient=PatientFactory(clinic=clinic), status="active")
    one = _parameters_of_each_query(clinic)
    for _ in range(6):
        program_factory(patient=PatientFactory(clinic=clinic), status="active")
    assert _parameters_of_each_query(clinic) == one


def test_patients_with_the_same_schedule_are_each_listed_most_pressing_first(clinic):
    """The schedule is worked out once per distinct input; every patient still gets theirs."""
    alike = [PatientFactory(clinic=clinic, last_name=f"Alike{n}") for n in range(3)]
    overdue = PatientFactory(clinic=clinic, last_name="Zed")
    elsewhere = PatientFactory(clinic=clinic, last_name="Away", timezone="Pacific/Auckland")
    for patient in [*alike, overdue, elsewhere]:
        program_factory(patient=patient, status="active")
    score_factory(patient=overdue, instrument="nprs", score=5, days_ago=40)
    score_factory(patient=overdue, instrument="psfs", score=5, days_ago=40)
    due = clinic_due_for(clinic=clinic)
    assert [d.patient for d in due] == [overdue, *alike, elsewhere]
    assert {row.due.state for row in due[0].rows} == {"overdue"}
    assert all({row.due.state for row in d.rows} == {"baseline"} for d in due[1:])
    assert [d.patient for d in clinic_due_for(clinic=clinic, limit=2)] == [overdue, alike[0]]
