"""Shared by the portal's tests: a patient's active program and their signed-in portal."""

import pytest

from tests.factories import portal_client_for, program_factory


@pytest.fixture
def program(patient):
    return program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "abdominal-bracing")
    )


@pytest.fixture
def portal(patient):
    return portal_client_for(patient)
