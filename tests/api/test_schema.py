"""The API's contract: a valid OpenAPI 3 schema documenting every route and its errors, docs
served without a CDN, and every route refusing anonymous requests (deny by default)."""

import json
import re

import pytest
import schemathesis
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from clinic.api.converters import ApiIdConverter

pytestmark = pytest.mark.django_db

# What anybody may call: the schema, the docs, and asking for a token.
PUBLIC = {("api:schema", "get"), ("api:docs", "get"), ("api:auth_token", "post")}
METHODS = ("get", "post", "put", "patch", "delete", "options")


def _api_routes(patterns=None, prefix="", namespace=""):
    """(route name, path with sample values, view class) of every route under /api/v1/."""
    if patterns is None:
        api = next(p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "api")
        yield from _api_routes(api.url_patterns, "", "api")
        return
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _api_routes(pattern.url_patterns, prefix, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name != "not_found":
            name = f"{namespace}:{pattern.name}"
            converters = getattr(pattern.pattern, "converters", {})
            kwargs = {
                key: 1 if isinstance(converter, ApiIdConverter) else "prone-lying"
                for key, converter in converters.items()
            }
            yield name, reverse(name, kwargs=kwargs), pattern.callback.cls


def _methods(view_class):
    return [method for method in METHODS if hasattr(view_class, method)]


def test_the_walk_finds_every_endpoint():
    names = {name for name, _, _ in _api_routes()}
    assert names >= {
        "api:schema",
        "api:docs",
        "api:auth_token",
        "api:patient_list",
        "api:patient_detail",
        "api:assessment_list",
        "api:patient_fhir",
        "api:exercise_list",
        "api:exercise_detail",
        "api:patient_program_list",
        "api:program_detail",
        "api:program_activate",
        "api:program_item",
        "api:patient_session_list",
        "api:session_detail",
    }


@pytest.mark.parametrize(
    ("name", "path", "view_class"), list(_api_routes()), ids=lambda v: str(v)[:40]
)
def test_every_route_refuses_anonymous_requests(name, path, view_class, patient):
    for method in _methods(view_class):
        response = getattr(APIClient(), method)(path, {})
        assert response.status_code < 500, (method, path)
        if (name, method) in PUBLIC or name in {"api:schema", "api:docs"}:
            continue
        assert response.status_code == 401, (method, path, response.status_code)
        assert response["WWW-Authenticate"] == 'Bearer realm="api"'


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/nothing/", "/api/v1/patients/x/", "/api/v1/a\nb"]
)
def test_unknown_api_paths_are_json_401_then_404(path, api):
    assert APIClient().get(path).status_code == 401
    response = api.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_missing_slash_is_pointed_out(api):
    response = api.get("/api/v1/patients")
    assert response.status_code == 404
    assert response.json()["detail"] == "No such endpoint; did you mean /api/v1/patients/ ?"


def _schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_is_valid_openapi_3_without_warnings(tmp_path):
    validate_schema(_schema())
    # drf-spectacular's own check: fails on any warning (an untyped field, a name collision).
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    loaded = schemathesis.openapi.from_dict(json.loads(json.dumps(_schema())))
    assert len(list(loaded.get_all_operations())) >= 17


def test_schema_documents_every_route_and_method():
    documented = [
        (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"), method)
        for path, item in _schema()["paths"].items()
        for method in item
    ]
    for name, path, view_class in _api_routes():
        if name in {"api:schema", "api:docs"}:
            continue
        for method in _methods(view_class):
            if method != "options":
                assert any(
                    regex.match(path) and doc_method == method for regex, doc_method in documented
                ), (method, path)


def test_schema_security_matches_the_public_list():
    schema = _schema()
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schema["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    public = set()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if {} in operation.get("security", []):
                public.add((path, method))
                continue
            assert {"401", "403", "429"} <= set(operation["responses"]), (method, path)
            assert "WWW-Authenticate" in operation["responses"]["401"]["headers"]
            assert "Retry-After" in operation["responses"]["429"]["headers"]
            if "{" in path:
                assert "404" in operation["responses"], (method, path)
            if method in ("post", "patch"):
                assert {"400", "413", "415"} <= set(operation["responses"]), (method, path)
    assert public == {("/api/v1/auth/token/", "post")}


def test_conflicts_are_documented_where_they_happen():
    paths = _schema()["paths"]
    assert "409" in paths["/api/v1/patients/{patient_id}/programs/"]["post"]["responses"]
    assert "409" in paths["/api/v1/programs/{program_id}/activate/"]["post"]["responses"]
    conflict = paths["/api/v1/patients/{patient_id}/programs/"]["post"]["responses"]["409"]
    assert conflict["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Conflict"
    }


def test_schema_and_docs_are_public_and_local(db):
    client = APIClient()
    schema = client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist" in html
    assert not re.search(r"https?://(cdn|unpkg|fonts)\.", html)
