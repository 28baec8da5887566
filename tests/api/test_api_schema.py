"""The OpenAPI schema lists every endpoint, validates without warnings, and has a readable page."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

NOT_API = {"/api/schema/", "/api/docs/"}  # the schema and its page describe the API, not part of it


def _api_paths() -> set[str]:
    """Every route under api/, written as OpenAPI writes paths (/api/assessments/{id}/)."""
    api = next(
        p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "api/"
    )
    paths = set()
    stack: list[tuple[str, URLResolver | URLPattern]] = [("/api/", p) for p in api.url_patterns]
    while stack:
        prefix, pattern = stack.pop()
        route = prefix + str(pattern.pattern).removeprefix("^").removesuffix("$")
        if isinstance(pattern, URLResolver):
            stack += [(route, p) for p in pattern.url_patterns]
        else:
            paths.add(
                re.sub(r"\(\?P<(pk|\w+)>[^)]*\)", lambda m: "{id}" if m[1] == "pk" else f"{{{m[1]}}}", route)
            )
    return paths - NOT_API


def test_the_schema_is_openapi_3_and_lists_every_endpoint(db: None, client: Client) -> None:
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert _api_paths() and set(schema["paths"]) == _api_paths()
    one = schema["paths"]["/api/assessments/{id}/"]
    assert "get" in one and "patch" in one and "put" not in one and "delete" not in one
    assert "post" in schema["paths"]["/api/assessments/"] and "post" in schema["paths"]["/api/token/"]
    listed = {p["name"] for p in schema["paths"]["/api/recommendations/"]["get"]["parameters"]}
    assert listed == {
        "state",
        "mechanism",
        "cycle",
        "response",
        "term",
        "action_category",
        "level",
        "recommending_state",
        "q",
        "mode",
        "sort",
        "page",
    }
    change = schema["components"]["schemas"]["PatchedAssessmentChange"]
    assert change["required"] == ["version"]


def test_the_schema_validates_without_warnings(db: None, tmp_path: Path) -> None:
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "openapi: 3" in (tmp_path / "schema.yaml").read_text()


def test_the_docs_page_lists_every_endpoint_and_links_the_schema(db: None, client: Client) -> None:
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'href="/api/schema/"' in html
    for path in _api_paths():
        assert f"<code>{path}</code>" in html, path
    assert "cdn" not in html.lower() and "<script" not in html.lower()
