"""Writers take turns: one import at a time, and a clear "busy, retry" when the wait is too long.

``import_lock()`` serialises imports across processes (the CLI, the worker, the web upload): a
PostgreSQL advisory lock, or a lock file beside the SQLite database. ``is_busy(error)`` tells a
database that gave up waiting for another writer from a real error.
"""

from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection

_ADVISORY_KEY = 0x52545249  # "RTRI": RightsTrack import
_BUSY_WORDS = ("database is locked", "database table is locked", "lock timeout", "could not obtain lock")


class Busy(Exception):
    """Another writer held the database longer than this one could wait; nothing was written."""


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` is the database refusing to wait longer for another writer."""
    return isinstance(error, DatabaseError | Busy) and (
        isinstance(error, Busy) or any(word in str(error).lower() for word in _BUSY_WORDS)
    )


def import_wait_seconds() -> int:
    return int(getattr(settings, "RIGHTSTRACK_IMPORT_WAIT_SECONDS", 600))


@contextlib.contextmanager
def import_lock(wait: float | None = None) -> Iterator[None]:
    """Hold the one import lock; raise :class:`Busy` after ``wait`` seconds of another import."""
    deadline = time.monotonic() + (import_wait_seconds() if wait is None else wait)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [_ADVISORY_KEY])
                if cursor.fetchone()[0]:
                    break
                if time.monotonic() >= deadline:
                    raise Busy("another import is running")
                time.sleep(0.2)
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_ADVISORY_KEY])
        return
    path = Path(str(settings.DATA_DIR)) / "import.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy("another import is running") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
