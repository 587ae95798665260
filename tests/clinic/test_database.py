"""Database settings: PostgreSQL prepares the statements a connection repeats."""

import pytest
from django.db import connection

from config.settings.base import with_prepared_statements
from patients.models import Patient

POSTGRESQL = {"ENGINE": "django.db.backends.postgresql", "NAME": "backstrong"}


@pytest.mark.django_db
def test_repeated_statements_are_prepared(clinic):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's (CI always runs on it)")
    for _ in range(6):
        list(Patient.objects.filter(clinic=clinic))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%patients_patient%"],
        )
        assert cursor.fetchone()[0] >= 1


def test_prepared_statements_can_be_turned_off_for_a_pooler(monkeypatch):
    assert with_prepared_statements(dict(POSTGRESQL))["OPTIONS"] == {
        "server_side_binding": True,
        "prepare_threshold": 5,
    }
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "false")
    assert "OPTIONS" not in with_prepared_statements(dict(POSTGRESQL))


def test_sqlite_is_left_as_it_is():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "x.sqlite3"}
    assert with_prepared_statements(dict(sqlite)) == sqlite
