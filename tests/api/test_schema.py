"""The OpenAPI schema is generated, valid, complete; the Swagger UI page works under our CSP."""

from __future__ import annotations

import re

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

V1_OPERATIONS = {
    ("/api/v1/me/", "get"),
    ("/api/v1/me/", "patch"),
    ("/api/v1/tokens/", "get"),
    ("/api/v1/tokens/", "post"),
    ("/api/v1/tokens/{id}/", "get"),
    ("/api/v1/tokens/{id}/", "delete"),
    ("/api/v1/regions/", "get"),
    ("/api/v1/regions/{id}/", "get"),
    ("/api/v1/orps/", "get"),
    ("/api/v1/orps/{id}/", "get"),
    ("/api/v1/households/", "get"),
    ("/api/v1/households/{id}/", "get"),
}


@pytest.fixture
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_schema_is_valid_openapi_3(schema):
    validate_schema(schema)  # drf-spectacular's bundled OpenAPI 3.0 JSON schema
    loaded = schemathesis.openapi.from_dict(schema)
    # Each operation resolves (references, parameters); an invalid one would be an Err whose ok() raises.
    assert len([result.ok() for result in loaded.get_all_operations()]) == len(list(operations(schema)))


def test_schema_lists_every_v1_operation(schema):
    assert {(path, method) for path, method, _ in operations(schema) if path.startswith("/api/v1/")} >= V1_OPERATIONS


def test_every_operation_documents_problem_responses(schema):
    for path, method, operation in operations(schema):
        responses = operation["responses"]
        for status in ("401", "403", "429", "500"):
            assert "application/problem+json" in responses[status]["content"], (path, method, status)
        if "{id}" in path:
            assert "404" in responses, (path, method)
        if method in {"post", "patch"}:
            assert {"400", "413", "415"} <= responses.keys(), (path, method)


def test_conditional_write_documents_if_match_and_its_errors(schema):
    patch = schema["paths"]["/api/v1/me/"]["patch"]
    assert any(p["name"] == "If-Match" and p["required"] for p in patch["parameters"])
    assert {"412", "428"} <= patch["responses"].keys()
    assert "ETag" in schema["paths"]["/api/v1/me/"]["get"]["responses"]["200"]["headers"]


def test_bearer_scheme_and_enums_are_documented(schema):
    assert schema["components"]["securitySchemes"]["BearerAuth"]["scheme"] == "bearer"
    assert set(schema["components"]["schemas"]["RoleEnum"]["enum"]) == {
        "applicant",
        "guide",
        "ospod",
        "officer",
        "assessor",
        "admin",
        "ministry",
    }
    assert "Žadatel" in schema["components"]["schemas"]["RoleEnum"]["description"]


def test_every_operation_has_a_summary_or_description(schema):
    for path, method, operation in operations(schema):
        assert operation.get("summary") or operation.get("description"), (path, method)


def test_schema_endpoint_serves_the_schema(client):
    response = client.get("/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"})
    assert response.status_code == 200
    assert "/api/v1/households/" in response.json()["paths"]


def test_swagger_ui_has_no_inline_script_or_style(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S | re.I)
    assert scripts, "the page loads Swagger UI"
    for attributes, body in scripts:
        assert "src=" in attributes and not body.strip(), attributes
    assert "<style" not in html.lower()
    assert " style=" not in html.lower()
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_swagger_ui_sets_the_csrf_cookie_for_try_it_out(client):
    assert "csrftoken" in client.get("/api/docs/").cookies


def test_swagger_ui_assets_come_from_our_own_origin(client):
    html = client.get("/api/docs/").content.decode()
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("/"), url


def test_swagger_init_script_is_served_as_javascript(client):
    html = client.get("/api/docs/").content.decode()
    init_url = [u for u in re.findall(r'src="([^"]+)"', html) if "script" in u][0].replace("&amp;", "&")
    response = client.get(init_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()
