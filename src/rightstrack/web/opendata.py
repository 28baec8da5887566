"""The open-data page and its bulk downloads: every table as CSV, their datapackage.json, all as a zip.

Every download is streamed (``StreamingHttpResponse`` over the rows as the database gives them).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse

from rightstrack.assessments import opendata

ZIP_NAME = "rightstrack-open-data.zip"


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("open-data"))


def page(request: HttpRequest) -> HttpResponse:
    """What the bulk data holds, its licence and how to cite it."""
    context = {
        "tables": opendata.TABLES,
        "licence": opendata.LICENCE,
        "citation": opendata.CITATION.format(
            where=f"downloaded from {_site(request)} on {datetime.now(UTC).date().isoformat()}"
        ),
        "zip_name": ZIP_NAME,
    }
    return render(request, "web/opendata.html", context)


def package(request: HttpRequest) -> JsonResponse:
    """The ``datapackage.json`` of the tables below this address (``frictionless validate URL`` reads it)."""
    return JsonResponse(
        opendata.package_descriptor(_site(request), now=datetime.now(UTC)),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def table(request: HttpRequest, name: str) -> StreamingHttpResponse:
    """One table as CSV, UTF-8 with a BOM, streamed."""
    found = opendata.BY_NAME.get(name)
    if found is None:
        raise Http404("no such table")
    response = StreamingHttpResponse(
        opendata.encoded(opendata.table_lines(found)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{found.path}"'
    return response


def bulk_zip(request: HttpRequest) -> StreamingHttpResponse:
    """Every table and the datapackage.json as one zip, streamed as it is written."""
    response = StreamingHttpResponse(
        opendata.package_zip(_site(request), now=datetime.now(UTC)), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="{ZIP_NAME}"'
    return response
