"""A database busy with another writer answers 503 "busy, retry" with ``Retry-After``, logged.

SQLite lets one writer at a time; a request that waited its whole busy timeout for an import gets
this answer instead of a bare 500 (and PostgreSQL's lock time-outs the same).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from rightstrack.documents.locking import is_busy

log = logging.getLogger("rightstrack.busy")
RETRY_AFTER = 10


def busy_response(request: HttpRequest) -> HttpResponse:
    message = _("The database is busy with another change. Nothing was saved; retry in a few seconds.")
    response: HttpResponse
    if request.path.startswith("/api/") or request.path.endswith(".json"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER)
    return response


class BusyDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        log.warning("database busy, answered 503: %s", exception, extra={"request": request})
        return busy_response(request)
