"""Errors the core raises. Each names the place and the reason, so a user can mend the input."""

from __future__ import annotations

from rightstrack.core.records import Place


class DocumentRejected(Exception):
    """A document that cannot be imported. Nothing of it is written.

    >>> str(DocumentRejected("file is empty", Place(line=1)))
    'line 1: file is empty'
    """

    def __init__(self, reason: str, place: Place | None = None) -> None:
        self.reason = reason
        self.place = place
        where = place.describe() if place else "document"
        super().__init__(f"{where}: {reason}")
