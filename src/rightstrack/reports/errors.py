"""What comes back from a report, and the error a caller shows as it is (no Django imports here)."""

from __future__ import annotations

from dataclasses import dataclass


class ReportError(Exception):
    """A report cannot be made: unknown kind, format, State or option, or missing data. Show it as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Rendered:
    content: bytes
    content_type: str
    filename: str
