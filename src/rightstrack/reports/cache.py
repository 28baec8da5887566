"""Reports rendered once per data version and served from a file cache, a few renders at a time.

A report's key is its kind, State, format, language, options and the data version (which changes
whenever published data changes), so a cached file never outlives the data it shows. A miss renders
only when one of ``RIGHTSTRACK_REPORT_RENDERS`` slots (lock files shared by every process of the
machine) is free; otherwise :class:`ReportBusy` tells the caller to answer "being prepared, retry"
rather than give a thread of the site to a second render.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.cache import caches

from rightstrack.reports.api import render
from rightstrack.reports.errors import Rendered


class ReportBusy(Exception):
    """Every render slot is taken: the report is being prepared elsewhere; ask again shortly."""


def cache_key(
    kind: str, state: str, fmt: str, language: str, options: Mapping[str, Any], version: str
) -> str:
    """The cache key of one report of one data version.

    >>> a = cache_key("mia", "KAZ", "pdf", "en", {}, "1-2-3")
    >>> a == cache_key("mia", "KAZ", "pdf", "en", {}, "1-2-4")
    False
    >>> a == cache_key("mia", "KAZ", "pdf", "ru", {}, "1-2-3")
    False
    """
    described = json.dumps([kind, state, fmt, language, sorted(options.items()), version], default=str)
    return "report:" + hashlib.sha256(described.encode()).hexdigest()


@contextlib.contextmanager
def render_slot() -> Iterator[bool]:
    """One of the machine's render slots, or ``False`` when all are busy (never waits)."""
    folder = Path(str(settings.DATA_DIR)) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    held: IO[str] | None = None
    for number in range(max(1, int(settings.RIGHTSTRACK_REPORT_RENDERS))):
        handle = (folder / f"report-render-{number}.lock").open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        held = handle
        break
    try:
        yield held is not None
    finally:
        if held is not None:
            fcntl.flock(held, fcntl.LOCK_UN)
            held.close()


def cached_render(
    kind: str, state: str, fmt: str, language: str, options: Mapping[str, Any], version: str
) -> Rendered:
    """The report from the cache, or rendered now and cached; :class:`ReportBusy` when no slot is free.

    Raises :class:`~rightstrack.reports.errors.ReportError` as :func:`render` does.
    """
    store = caches["reports"]
    # a report without a date option is dated today: tomorrow's is another file
    key = cache_key(kind, state, fmt, language, options, f"{version}@{date.today().isoformat()}")
    found = store.get(key)
    if isinstance(found, Rendered):
        return found
    with render_slot() as free:
        if not free:
            raise ReportBusy(key)
        found = store.get(key)  # rendered by another process while this one waited for the slot
        if isinstance(found, Rendered):
            return found
        rendered = render(kind, state, fmt, language=language, **options)
        store.set(key, rendered)
        return rendered
