"""Database settings: PostgreSQL prepares the statements a connection repeats, and reads
timestamps with psycopg's compiled parser, to the same values as Django's own loader."""

import datetime

import pytest
from django.db import connection

from config.database.base import TIMESTAMPTZ_OID, TimestamptzLoader
from config.settings.base import database_settings, with_prepared_statements
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
    assert database_settings(dict(sqlite)) == sqlite


def test_postgresql_runs_on_the_apps_backend():
    assert database_settings(dict(POSTGRESQL))["ENGINE"] == "config.database"


# Text as PostgreSQL sends it, in the session's time zone (UTC, as Django sets it): whole
# seconds, microseconds, trailing zeros dropped, the far past and the far future.
TIMESTAMPS = [
    "2026-12-03 18:04:35+00",
    "2026-12-03 18:04:35.123456+00",
    "2026-12-03 18:04:35.1+00",
    "2026-03-29 01:00:00.000001+00",
    "1900-01-01 00:00:00+00",
    "9999-12-31 23:59:59.999999+00",
]


@pytest.mark.django_db
def test_timestamps_are_read_as_djangos_loader_reads_them():
    if connection.vendor != "postgresql":
        pytest.skip("the loader is PostgreSQL's (CI always runs on it)")
    from django.db.backends.postgresql.psycopg_any import BaseTzLoader

    class DjangosLoader(BaseTzLoader):
        timezone = datetime.UTC

    with connection.cursor() as cursor:
        # Django's create_cursor kept the connection's loader: it has the tzinfo Django wants.
        loader = cursor.cursor.adapters.get_loader(TIMESTAMPTZ_OID, 0)
        assert issubclass(loader, TimestamptzLoader)
        assert loader.timezone == connection.timezone == datetime.UTC
        cursor.execute("SELECT t::timestamptz FROM unnest(%s::text[]) AS t", [TIMESTAMPS])
        ours = [row[0] for row in cursor.fetchall()]
    djangos = [DjangosLoader(TIMESTAMPTZ_OID).load(text.encode()) for text in TIMESTAMPS]
    assert ours == djangos
    assert [moment.tzinfo for moment in ours] == [datetime.UTC] * len(TIMESTAMPS)
    assert ours[1] == datetime.datetime(2026, 12, 3, 18, 4, 35, 123456, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_timestamps_are_parsed_by_the_compiled_loader_when_installed():
    if connection.vendor != "postgresql":
        pytest.skip("the loader is PostgreSQL's (CI always runs on it)")
    import psycopg

    connection.ensure_connection()
    parser = TimestamptzLoader(TIMESTAMPTZ_OID, connection.connection)._parser
    compiled = psycopg.pq.__impl__ in ("binary", "c")
    assert (type(parser).__module__ != "psycopg.types.datetime") == compiled
