"""Reports rendered once per data version, by the worker, and served from a file cache.

A report's key is its kind, State, format, language, options, the data version (which changes
whenever published data changes) and the day, so a cached file never outlives the data it shows.
On a miss the site queues one render (``render_report``, once per key however many ask) and answers
"being prepared": documents are rendered in the worker process (at a lower CPU priority, see
DEPLOY.md), never in a thread of the site; JSON, which has no layout, in the request. With
``RIGHTSTRACK_TASKS=immediate`` every render happens at once.
A report that cannot be made (no data for it) is cached as :class:`Missing` with its message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.cache import caches
from django.tasks import task

from rightstrack.reports.api import check_request, render
from rightstrack.reports.errors import Rendered, ReportError

QUEUED_SECONDS = 600  # a render queued this long ago and not done is queued again
INLINE_FORMATS = {"json"}


@dataclass(frozen=True)
class Missing:
    """A report the data cannot make: the message for people, cached like a file."""

    message: str


@dataclass(frozen=True)
class Wanted:
    """One report of one data version."""

    kind: str
    state: str
    fmt: str
    language: str
    options: tuple[tuple[str, str], ...]
    version: str

    @classmethod
    def of(
        cls, kind: str, state: str, fmt: str, language: str, options: Mapping[str, Any], version: str
    ) -> Wanted:
        """Checked as :func:`render` checks it (``ReportError``), before anything is queued."""
        check_request(kind, fmt, language, options)
        pairs = tuple(sorted((str(k), str(v)) for k, v in options.items()))
        return cls(kind, state, fmt, language, pairs, f"{version}@{date.today().isoformat()}")

    @property
    def key(self) -> str:
        """The cache key.

        >>> a = Wanted("mia", "KAZ", "pdf", "en", (), "1-2-3").key
        >>> a == Wanted("mia", "KAZ", "pdf", "en", (), "1-2-4").key
        False
        >>> a == Wanted("mia", "KAZ", "pdf", "ru", (), "1-2-3").key
        False
        """
        described = json.dumps([self.kind, self.state, self.fmt, self.language, self.options, self.version])
        return "report:" + hashlib.sha256(described.encode()).hexdigest()


def cached(wanted: Wanted) -> Rendered | Missing | None:
    found = caches["reports"].get(wanted.key)
    return found if isinstance(found, Rendered | Missing) else None


def prepare(wanted: Wanted) -> None:
    """Queue the render of ``wanted`` unless it is queued already."""
    if caches["reports"].add(wanted.key + ":queued", True, QUEUED_SECONDS):
        render_report.enqueue(
            wanted.kind, wanted.state, wanted.fmt, wanted.language, dict(wanted.options), wanted.version
        )


def served(wanted: Wanted) -> Rendered | Missing | None:
    """The report from the cache, or ``None`` while it is being prepared (its render queued).

    JSON (data, no layout, no charts) is made in the request; documents by the worker.
    """
    found = cached(wanted)
    if found is None and wanted.fmt in INLINE_FORMATS:
        found = _make(wanted)
    elif found is None:
        prepare(wanted)
        found = cached(wanted)  # made already by an immediate queue
    return found


def _make(wanted: Wanted) -> Rendered | Missing:
    made: Rendered | Missing
    try:
        made = render(wanted.kind, wanted.state, wanted.fmt, language=wanted.language, **dict(wanted.options))
    except ReportError as error:
        made = Missing(error.message)
    caches["reports"].set(wanted.key, made)
    return made


@task(priority=10)  # before machine help: someone is waiting for it
def render_report(
    kind: str, state: str, fmt: str, language: str, options: dict[str, str], version: str
) -> str:
    """Render one report into the cache (the worker's side of :func:`prepare`)."""
    wanted = Wanted(kind, state, fmt, language, tuple(sorted(options.items())), version)
    if cached(wanted) is None:
        _make(wanted)
    caches["reports"].delete(wanted.key + ":queued")
    return wanted.key
