"""The hourly rebuild of a clinic's dashboard rows (about a minute at 100,000 patients) must not
stop the clinic's other work meanwhile: adding a patient or recording a session inserts rows
that point at the clinic, and PostgreSQL checks each such foreign key with a KEY SHARE lock on
the clinic's row."""

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from programs.followup.services import attention as attention_services
from tests.factories import PatientFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.TEST_DATABASE_BACKEND != "postgresql", reason="PostgreSQL's row locks"
    ),
]


def test_a_rebuild_lets_rows_pointing_at_the_clinic_be_added_meanwhile(clinic, monkeypatch):
    PatientFactory(clinic=clinic)
    params = {**connection.get_connection_params()}
    params.pop("cursor_factory", None)
    params.pop("prepare_threshold", None)
    seen: list[str] = []
    compute = attention_services.attention_reasons_compute

    def compute_while_another_connection_adds(**kwargs):
        # The rebuild holds its lock on the clinic now; another request's foreign-key check
        # takes this lock (NOWAIT: an error instead of a wait, if the two conflict).
        with psycopg.connect(**params, autocommit=True) as other:
            row = other.execute(
                "SELECT id FROM clinic_clinic WHERE id = %s FOR KEY SHARE NOWAIT", [clinic.pk]
            ).fetchone()
            seen.append("added" if row else "no clinic")
        return compute(**kwargs)

    monkeypatch.setattr(
        attention_services, "attention_reasons_compute", compute_while_another_connection_adds
    )
    attention_services.attention_rebuild(clinic=clinic)
    assert seen == ["added"]


def test_two_rebuilds_of_one_clinic_still_take_turns(clinic, monkeypatch):
    params = {**connection.get_connection_params()}
    params.pop("cursor_factory", None)
    params.pop("prepare_threshold", None)
    refused: list[bool] = []
    compute = attention_services.attention_reasons_compute

    def compute_while_another_rebuild_starts(**kwargs):
        with psycopg.connect(**params, autocommit=True) as other:
            try:
                other.execute(
                    "SELECT id FROM clinic_clinic WHERE id = %s FOR NO KEY UPDATE NOWAIT",
                    [clinic.pk],
                )
                refused.append(False)
            except psycopg.errors.LockNotAvailable:
                refused.append(True)
        return compute(**kwargs)

    monkeypatch.setattr(
        attention_services, "attention_reasons_compute", compute_while_another_rebuild_starts
    )
    attention_services.attention_rebuild(clinic=clinic)
    assert refused == [True]
