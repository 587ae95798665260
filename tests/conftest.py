"""Fixtures shared by the whole suite, and the report of which backends it ran on."""

import shutil

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from clinic.services import Actor
from tests.factories import (
    ClinicFactory,
    ClinicianFactory,
    PatientFactory,
    api_key_for,
    api_token_for,
)

CHROMIUM = "/usr/bin/chromium"


def pytest_report_header(config):
    return [
        f"backstrong backends: database={settings.TEST_DATABASE_BACKEND}, "
        f"redis={settings.TEST_REDIS_BACKEND}, CI={settings.CI}",
        f"browser: {CHROMIUM if shutil.which(CHROMIUM) else 'none (browser tests skipped)'}",
    ]


def _flushes_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in getattr(
        item, "fixturenames", ()
    )


def pytest_collection_modifyitems(config, items):
    # Transactional tests flush the database when they end, taking the migrations' reference
    # data with them: run them after the others (browser tests last), and re-seed before each.
    items.sort(key=lambda item: (_flushes_database(item), "e2e" in item.keywords))
    if shutil.which(CHROMIUM):
        return
    e2e = [item for item in items if "e2e" in item.keywords]
    if e2e and settings.CI:
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: browser tests cannot run.")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in e2e:
        item.add_marker(skip)


def seed_reference_data() -> None:
    """What the data migrations put in: the standard exercise library and education pages."""
    from programs.education.models import EducationPage
    from programs.education.standard import seed_standard_pages
    from programs.library.models import Exercise
    from programs.library.standard import seed_standard_library

    seed_standard_library(Exercise)
    seed_standard_pages(EducationPage)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Re-seed reference data even in a reused database that a transactional test flushed."""
    with django_db_blocker.unblock():
        seed_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    if _flushes_database(request.node):
        request.getfixturevalue("transactional_db")
        seed_reference_data()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def clinic(db):
    return ClinicFactory()


@pytest.fixture
def clinician(clinic):
    return ClinicianFactory(clinic=clinic)


@pytest.fixture
def clinic_admin(clinic):
    return ClinicianFactory(clinic=clinic, is_clinic_admin=True)


@pytest.fixture
def actor(clinician):
    return Actor(clinic=clinician.clinic, user=clinician.user, ip_address="127.0.0.1")


@pytest.fixture
def clinician_client(clinician) -> Client:
    client = Client()
    client.force_login(clinician.user)
    return client


@pytest.fixture
def patient(clinic):
    return PatientFactory(clinic=clinic, severity="moderate", pain_level=4)


@pytest.fixture
def other_clinic_patient(db):
    return PatientFactory(clinic=ClinicFactory())


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; Playwright's own browser download does not work here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


# API clients: a clinician's bearer token, clinic API keys, and nobody.
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
