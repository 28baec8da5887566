"""``GET /api/docs/``: a plain page listing the endpoints, read from the OpenAPI schema itself.

No Swagger UI or ReDoc: they load scripts from a CDN, which the site's Content-Security-Policy
(this site only) refuses.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator

_METHODS = ("get", "post", "put", "patch", "delete")


def endpoints() -> list[dict[str, Any]]:
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema: dict[str, Any] = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    return [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "writes": method != "get",
        }
        for path, item in schema["paths"].items()
        for method in _METHODS
        if (operation := item.get(method)) is not None
    ]


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "api/docs.html",
        {"endpoints": endpoints(), "schema_url": reverse("api-schema"), "token_url": reverse("api-token")},
    )
