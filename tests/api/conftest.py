"""API clients: a clinician's bearer token, clinic API keys, and nobody."""

import pytest
from rest_framework.test import APIClient

from tests.factories import api_key_for, api_token_for


def bearer(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def api(clinician) -> APIClient:
    """A client acting as a clinician of `clinic` with an API token."""
    return bearer(api_token_for(clinician.user))


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def read_key(clinic):
    return api_key_for(clinic, role="read")


@pytest.fixture
def write_key(clinic):
    return api_key_for(clinic, role="read_write")


@pytest.fixture
def read_key_api(read_key) -> APIClient:
    return bearer(read_key[1])


@pytest.fixture
def write_key_api(write_key) -> APIClient:
    return bearer(write_key[1])
