"""PostgreSQL restarts under the app: requests meanwhile answer 503 (JSON with Retry-After for
the API, a plain page for people), never a 500; a write acknowledged before the restart is
there after it, and a write refused during it left nothing behind.

The app's connection is pointed at a throwaway cluster (a copy of the test database) which the
test stops and starts, so the errors are PostgreSQL's own: a connection terminated by the
shutdown, then connections refused.
"""

import pytest
from django.db import close_old_connections, connection
from rest_framework.test import APIClient

from patients.models import Patient
from tests.factories import ClinicianFactory, api_token_for, portal_client_for, program_factory
from tests.faults.servers import ThrowawayPostgres

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def restartable_database():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (CI always has it)")
    server = ThrowawayPostgres().start()
    saved = dict(connection.settings_dict)
    server.copy_database(saved, "backstrong_restart")
    connection.close()
    connection.settings_dict.update(
        HOST="127.0.0.1", PORT=str(server.port), NAME="backstrong_restart"
    )
    yield server
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)
    server.remove()


class AsServed:
    """A test client that handles each request's connection as Django's WSGI handler does.

    The test client keeps the test's connection across requests; a server closes a broken or
    unusable one when a request starts and ends (`close_old_connections`), which is how an app
    recovers from a database restart.
    """

    def __init__(self, client) -> None:
        self.client = client

    def __getattr__(self, method):
        def request(*args, **kwargs):
            close_old_connections()
            try:
                return getattr(self.client, method)(*args, **kwargs)
            finally:
                close_old_connections()

        return request


PATIENT = {
    "first_name": "Rosa",
    "last_name": "Restart",
    "date_of_birth": "1980-04-02",
    "condition": "muscle_strain",
    "region": "lower_back",
    "injury_severity": "mild",
    "pain_level": 3,
}


def test_a_restart_answers_503_and_loses_no_acknowledged_write(restartable_database):
    clinician = ClinicianFactory()
    api = APIClient(raise_request_exception=False)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {api_token_for(clinician.user)}")
    desk = APIClient(raise_request_exception=False)
    desk.force_login(clinician.user)
    api, desk = AsServed(api), AsServed(desk)
    acknowledged = api.post("/api/v1/patients/", PATIENT, format="json")
    assert acknowledged.status_code == 201
    patient = Patient.objects.get(pk=acknowledged.json()["id"])
    program_factory(patient=patient, status="active", slugs=("prone-on-elbows",))
    portal = portal_client_for(patient)
    portal.raise_request_exception = False
    portal = AsServed(portal)

    restartable_database.stop()

    for response in (
        api.get("/api/v1/patients/"),
        api.post("/api/v1/patients/", {**PATIENT, "first_name": "Lost"}, format="json"),
    ):
        assert response.status_code == 503
        assert response["Content-Type"] == "application/json"
        assert response["Retry-After"] == "30"
    for client, path in ((desk, "/patients/"), (desk, "/dashboard/"), (portal, "/portal/")):
        response = client.get(path)
        assert response.status_code == 503, path
        assert "briefly unavailable" in response.content.decode()

    restartable_database.start()

    listed = api.get("/api/v1/patients/")
    assert listed.status_code == 200
    assert [row["first_name"] for row in listed.json()["results"]] == ["Rosa"]
    assert (
        api.post("/api/v1/patients/", {**PATIENT, "first_name": "Later"}, format="json").status_code
        == 201
    )
    assert desk.get("/patients/").status_code == 200
    assert portal.get("/portal/").status_code == 200
    assert sorted(Patient.objects.values_list("first_name", flat=True)) == ["Later", "Rosa"]
