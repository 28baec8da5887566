"""The import sources, each a folder under ``ingest/sources/`` with ``KIND``, ``detect`` and ``parse``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument
from rightstrack.ingest.sources.upr_info_mia import parser as upr_info_mia


@dataclass(frozen=True)
class Source:
    kind: str
    description: str
    detect: Callable[[str], bool]
    parse: Callable[[str, Iterable[str]], ParsedDocument]


SOURCES: tuple[Source, ...] = (
    Source(
        upr_info_mia.KIND,
        "UPR Info Mid-term Implementation Assessment (text)",
        upr_info_mia.detect,
        upr_info_mia.parse,
    ),
)


def source_for(text: str, kind: str | None = None) -> Source:
    """The source that reads ``text``: the one named by ``kind``, or the first that recognises it."""
    if kind:
        for source in SOURCES:
            if source.kind == kind:
                return source
        known = ", ".join(source.kind for source in SOURCES)
        raise DocumentRejected(f"unknown document kind {kind!r}; known kinds: {known}")
    for source in SOURCES:
        if source.detect(text):
            return source
    known = "; ".join(source.description for source in SOURCES)
    raise DocumentRejected(f"not a document kind RightsTrack can import (it reads: {known})")
