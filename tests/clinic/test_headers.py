"""Security headers on the pages and API answers that hold patients' data, and templates that
keep to the Content-Security-Policy (no inline script, no handler attributes)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import program_factory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR, "templates")


def _script_src(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part for part in policy.split(";") if part.strip().startswith("script-src"))


@pytest.mark.parametrize("page", ["detail", "handout"])
def test_phi_pages_carry_csp_permissions_policy_and_no_store(clinician_client, patient, page):
    program = program_factory(patient=patient)
    url = (
        reverse("patients:detail", args=[patient.pk])
        if page == "detail"
        else reverse("prescribing:handout", args=[program.pk])
    )
    response = clinician_client.get(url)
    assert response.status_code == 200
    script_src = _script_src(response)
    assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_api_answers_are_not_stored(api, patient):
    response = api.get(f"/api/v1/patients/{patient.pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Permissions-Policy" in response


def test_api_docs_load_their_script_from_a_file(client):
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    assert not re.search(rb"<script>\s*\S", page.content)  # no inline script body
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and b"SwaggerUIBundle" in script.content


HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=str)
def test_templates_have_no_inline_script_or_handlers(path):
    text = path.read_text()
    assert not HANDLER.search(text), "an on*= handler attribute: use static/js instead"
    assert not INLINE_SCRIPT.search(text), "an inline <script>: use static/js instead"
