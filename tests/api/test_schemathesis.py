"""Schemathesis against the live OpenAPI schema, in-process, as a clinician with data.

For every operation, at least 50 generated requests (valid and invalid ones): no 5xx, and every
answer's status code, content type, headers and body conform to the schema.
"""

import pytest
import schemathesis
from django.test.client import ClientHandler
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import (
    ClinicianFactory,
    PatientFactory,
    api_token_for,
    program_factory,
    session_factory,
)

EXAMPLES_PER_OPERATION = 50
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


class DjangoTestApp:
    """Django's test-client handler as a WSGI app: requests run in the test's transaction
    (the plain WSGI handler would close the test's database connection)."""

    def __init__(self):
        self.handler = ClientHandler(enforce_csrf_checks=True)

    def __call__(self, environ, start_response):
        response = self.handler(environ)
        headers = list(response.items())
        headers += [("Set-Cookie", cookie.OutputString()) for cookie in response.cookies.values()]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [response.content]


schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", DjangoTestApp())
schema.config.generation.update(max_examples=EXAMPLES_PER_OPERATION, with_security_parameters=False)

# Ids of the seeded objects: most generated ids are swapped for real ones, so that the
# operations also run against existing records, not only into 404s.
KNOWN_IDS: dict[str, int] = {}


def _known(name: str, value):
    if name in KNOWN_IDS and isinstance(value, int) and value % 5 != 4:
        return KNOWN_IDS[name]
    return value


@schema.hook
def map_path_parameters(ctx, path_parameters):
    for name, value in (path_parameters or {}).items():
        path_parameters[name] = _known(name, value)
    return path_parameters


@schema.hook
def map_body(ctx, body):
    # Session logs report items of the active program.
    if isinstance(body, dict) and isinstance(body.get("items"), list):
        for row in body["items"]:
            if isinstance(row, dict) and "item" in row:
                row["item"] = _known("item_id", row["item"])
    return body


@pytest.fixture
def seeded(clinic):
    """A clinician's token and a clinic with patients, programs, items and sessions."""
    clinician = ClinicianFactory(clinic=clinic)
    patient = PatientFactory(clinic=clinic, severity="mild", pain_level=3)
    PatientFactory.create_batch(3, clinic=clinic)
    program = program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "abdominal-bracing")
    )
    program.created_by = clinician.user
    program.save()
    draft = program_factory(patient=patient, slugs=("prone-lying",))
    draft.created_by = clinician.user
    draft.save()
    session = session_factory(program=program, days_ago=1)
    KNOWN_IDS.update(
        patient_id=patient.pk,
        program_id=program.pk,
        item_id=program.items.first().pk,
        session_id=session.pk,
    )
    return api_token_for(clinician.user)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_api_conforms_to_its_schema(case, seeded):
    case.call_and_validate(headers={"Authorization": f"Bearer {seeded}"}, checks=CHECKS)
