"""The editors' import of any spreadsheet of recommendations: upload, preview, map, import.

The page is the web face of ``rightstrack import FILE --columns …``: the same mapping
(:mod:`rightstrack.ingest.sources.mapped_sheet.mapping`), the same source and the same all-or-nothing
import (:func:`rightstrack.documents.importing.import_files`). Between the preview and the import the
file waits server-side (:mod:`rightstrack.portal.staging`), never sent twice by the browser.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from rightstrack.core.errors import DocumentRejected
from rightstrack.documents.importing import UPLOAD_WAIT_SECONDS, ImportFailed, import_files
from rightstrack.documents.models import Provenance, SourceDocument
from rightstrack.ingest.reading import load
from rightstrack.ingest.registry import mapped_source
from rightstrack.ingest.sources.mapped_sheet.parser import CellsRejected, head
from rightstrack.ingest.sources.mapped_sheet.propose import propose
from rightstrack.portal import permissions, staging
from rightstrack.portal.import_forms import MappingForm, SpreadsheetUploadForm, initial_for
from rightstrack.recommendations.models import Recommendation

#: Rows shown before the mapping is chosen.
PREVIEW_ROWS = 10
#: Refused cells listed on the page (the message names the first ten).
LISTED_CELLS = 100
#: Imported recommendations linked one by one on the result page.
LISTED_RECOMMENDATIONS = 50


def _preview(path: Path) -> tuple[list[str], list[list[str]]]:
    return head(load(path), PREVIEW_ROWS)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Step 1: the file. It is checked, kept under a token of this session, and previewed."""
    permissions.require_editor(request.user)
    form = SpreadsheetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["sheet"]
        token = staging.stage(request.session, upload_file.name, upload_file.read())
        path = staging.staged(request.session, token)
        assert path is not None
        try:
            _preview(path)
        except DocumentRejected as error:
            staging.discard(request.session, token)
            form.add_error("sheet", f"{upload_file.name}: {error}")
        else:
            return redirect("portal:import_map", token=token)
    return render(request, "portal/import_upload.html", {"form": form})


@login_required
def map_columns(request: HttpRequest, token: str) -> HttpResponse:
    """Step 2: the first rows, the proposed mapping to correct, and the import on submit."""
    permissions.require_editor(request.user)
    path = staging.staged(request.session, token)
    if path is None:
        raise Http404("no such upload (it was imported, has expired, or belongs to another session)")
    try:
        header, rows = _preview(path)
    except DocumentRejected as error:  # checked at upload: only a file changed on disk gets here
        staging.discard(request.session, token)
        raise Http404(str(error)) from None
    proposed = propose(header)
    form = MappingForm(header, proposed, request.POST or None, initial=initial_for(proposed))
    context: dict[str, Any] = {
        "form": form,
        "name": path.name,
        "header": header,
        "rows": rows,
        "token": token,
    }
    if request.method == "POST" and form.is_valid():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        try:
            reports = import_files(
                [path],
                actor=request.user.get_username(),
                source=mapped_source(form.mapping),
                wait=UPLOAD_WAIT_SECONDS,
            )
        except ImportFailed as failure:
            context["failure"] = failure
            context["cells"] = _cells(failure.error)
            context["more"] = max(0, len(getattr(failure.error, "cells", [])) - LISTED_CELLS)
            return render(request, "portal/import_map.html", context, status=400)
        staging.discard(request.session, token)
        return render(
            request,
            "portal/import_done.html",
            {"name": path.name, "report": reports[0], **_imported(digest)},
        )
    return render(request, "portal/import_map.html", context)


def _cells(error: DocumentRejected) -> list[dict[str, str]]:
    """Each refused cell: its row (a CSV's line), its column and the reason."""
    cells = error.cells if isinstance(error, CellsRejected) else [error]
    listed = []
    for cell in cells[:LISTED_CELLS]:
        place = cell.place
        where = ""
        if place is not None and place.row is not None:
            where = _("row %(n)d") % {"n": place.row}
        elif place is not None and place.line is not None:
            where = _("line %(n)d") % {"n": place.line}
        listed.append({"where": where, "column": place.cell if place else "", "reason": cell.reason})
    return listed


def _imported(digest: str) -> dict[str, Any]:
    """The document stored from the file, its recommendations and their reviews, for the result page."""
    document = SourceDocument.objects.filter(sha256=digest).first()
    if document is None:
        return {"document": None, "recommendations": [], "reviews": [], "count": 0}
    ids = Provenance.private_objects.filter(
        document=document, content_type=ContentType.objects.get_for_model(Recommendation)
    ).values("object_id")
    recommendations = (
        Recommendation.objects.filter(pk__in=ids)
        .select_related("review__state", "review__mechanism")
        .order_by("review_id", "sort_key", "id")
    )
    reviews = []
    for review in {r.review_id: r.review for r in recommendations}.values():
        query = {"state": review.state_id, "mechanism": review.mechanism.code}
        if review.cycle is not None:
            query["cycle"] = str(review.cycle)
        review_url = (
            reverse(
                "review",
                kwargs={"code": review.state_id, "mechanism": review.mechanism.code, "cycle": review.cycle},
            )
            if review.cycle is not None
            else ""
        )
        list_url = f"{reverse('recommendations')}?{urlencode(query)}"
        reviews.append({"review": review, "url": review_url, "list_url": list_url})
    return {
        "document": document,
        "recommendations": recommendations[:LISTED_RECOMMENDATIONS],
        "count": recommendations.count(),
        "reviews": reviews,
    }
