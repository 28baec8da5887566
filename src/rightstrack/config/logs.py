"""Log records carry their request: ``%(method)s %(path)s user=%(user)s`` in every line.

Django passes the request of an error answer as ``record.request`` (``django.request``); a record
without one says ``-``.
"""

from __future__ import annotations

import logging


class RequestFields(logging.Filter):
    """Adds ``method``, ``path`` and ``user`` to every record, from its request when it has one."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        method = path = user = "-"
        if request is not None and hasattr(request, "method"):
            method = str(request.method)
            path = str(request.get_full_path()) if hasattr(request, "get_full_path") else "-"
            who = getattr(request, "user", None)
            if who is not None and getattr(who, "is_authenticated", False):
                user = str(who.get_username())
            elif who is not None:
                user = "anonymous"
        record.method, record.path, record.user = method, path, user
        return True
