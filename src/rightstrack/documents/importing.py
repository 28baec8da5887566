"""Importing documents: read → detect → parse (pure core) → store, all-or-nothing.

Every file of one call is read and parsed before anything is written; then all of them are
stored inside one transaction. Any rejection names the file, the place and the reason, and
leaves the database as it was. Imports take turns (``documents.locking.import_lock``); one that
cannot get its turn, or whose database gives up waiting for another writer, raises
:class:`ImportBusy` ("busy, retry"), never a refused record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction

from rightstrack.assessments.history import acting_as
from rightstrack.assessments.models import Stakeholder
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, ReviewKey
from rightstrack.documents.locking import Busy, import_lock, is_busy
from rightstrack.documents.models import SourceDocument
from rightstrack.documents.store import known_labels, store_document
from rightstrack.documents.store.recommendations import Index, Progress
from rightstrack.ingest.reading import LoadedFile, load, load_bytes
from rightstrack.ingest.registry import Source, source_for

UPLOAD_WAIT_SECONDS = 20


class ImportFailed(Exception):
    """An import that wrote nothing. ``str()`` is the message for the user."""

    def __init__(self, path: Path, error: DocumentRejected) -> None:
        self.path = path
        self.error = error
        super().__init__(f"{path}: {error}")


class ImportBusy(ImportFailed):
    """The database was busy with another import or writer for longer than this one could wait."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            DocumentRejected(
                "the database is busy with another import or change; "
                "nothing was imported — retry when it has finished"
            ),
        )


@dataclass
class ImportReport:
    path: str
    kind: str
    title: str
    unchanged: bool = False
    merged: int = 0
    created: dict[str, int] = field(
        default_factory=lambda: {"recommendations": 0, "assessments": 0, "stakeholders": 0}
    )
    problems: list[str] = field(default_factory=list)
    evidence_state: str = ""  # the State an imported evidence document is about

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "kind": self.kind,
            "title": self.title,
            "unchanged": self.unchanged,
            "created": self.created,
            "merged": self.merged,
            "problems": self.problems,
        }


@dataclass(frozen=True)
class _Ready:
    path: Path
    loaded: LoadedFile
    parsed: ParsedDocument


def import_files(
    paths: Sequence[Path],
    kind: str | None = None,
    actor: str = "import",
    progress: Progress | None = None,
    publish: bool = False,
    expect_review: ReviewKey | None = None,
    source: Source | None = None,
    wait: float | None = None,
) -> list[ImportReport]:
    """Import ``paths`` in one transaction; raise :class:`ImportFailed` and write nothing on any error.

    ``publish`` publishes assessments that would otherwise wait for moderation (a filled sheet
    imported by its editor); ``expect_review`` rejects a document about another review; ``source``
    reads every file instead of the detected one (a spreadsheet through its column mapping); ``wait``
    is how long to wait for another import's turn (a web page waits less than a command).
    """
    ready: list[_Ready] = []
    seen: set[str] = set()
    for path in paths:
        if progress:
            progress(f"reading {path.name}", 0, 0)
        try:
            loaded = load(path)
            if loaded.sha256 in seen:
                continue
            seen.add(loaded.sha256)
            reader = source or source_for(loaded, kind)
            parsed = _parse(reader, loaded)
            _check_review(parsed, expect_review)
        except DocumentRejected as error:
            raise ImportFailed(path, error) from None
        if publish:
            parsed.assessments_published = True
        ready.append(_Ready(path, loaded, parsed))
    reports: list[ImportReport] = []
    current = ready[0].path if ready else Path()
    try:
        with import_lock(wait), transaction.atomic(), acting_as(actor):
            index = Index()  # what one document stored, the next one matches against without reading it
            for item in ready:
                current = item.path
                if progress:
                    progress(f"storing {item.path.name}", 0, 0)
                reports.append(_store(item, progress, index))
    except DocumentRejected as error:
        raise ImportFailed(current, error) from None
    except Busy:
        raise ImportBusy(current) from None
    except DatabaseError as error:  # a record the database refuses: a bug, but never a partial import
        if is_busy(error):
            raise ImportBusy(current) from error
        raise ImportFailed(current, DocumentRejected(f"the database refused a record: {error}")) from error
    _after(reports)
    return reports


def _after(reports: Sequence[ImportReport]) -> None:
    """Queue machine help (embeddings, suggestions, links) when an import changed recommendations."""
    from rightstrack.assist.tasks import queue_after_import

    changed = (r.created["recommendations"] or r.merged for r in reports if not r.unchanged)
    if any(changed):
        queue_after_import()
    evidence = [r.evidence_state for r in reports if r.evidence_state and not r.unchanged]
    if evidence:
        from rightstrack.evidence.tasks import queue_after_import as queue_linking

        queue_linking(evidence)


def _parse(source: Source, loaded: LoadedFile) -> ParsedDocument:
    """Run a parser; a parser that breaks on a document rejects it instead of crashing the command."""
    try:
        return source.parse(loaded, known_labels())
    except DocumentRejected:
        raise
    except Exception as error:  # a parser bug must never cost data or abort a batch without a message
        raise DocumentRejected(
            f"the {source.kind} reader failed on this document ({type(error).__name__}: {error}); "
            "nothing was written — please report it with the file"
        ) from error


def _check_review(parsed: ParsedDocument, expected: ReviewKey | None) -> None:
    if expected is None:
        return
    got = parsed.review
    if (got.state, got.mechanism, got.cycle) != (expected.state, expected.mechanism, expected.cycle):
        raise DocumentRejected(
            f"the document is about {got.state} {got.mechanism} cycle {got.cycle}, "
            f"not {expected.state} {expected.mechanism} cycle {expected.cycle}"
        )


def _store(item: _Ready, progress: Progress | None, index: Index | None = None) -> ImportReport:
    report = ImportReport(str(item.path), item.parsed.kind, item.parsed.title)
    if SourceDocument.objects.filter(sha256=item.loaded.sha256).exists():
        report.unchanged = True
        return report
    if item.parsed.evidence is not None:
        from rightstrack.evidence.store import store_evidence

        report.created["evidence paragraphs"] = store_evidence(item.parsed, item.loaded)
        report.evidence_state = item.parsed.evidence.state
        return report
    outcome = store_document(item.parsed, item.loaded, progress, index)
    report.created = outcome.created
    report.merged = outcome.merged
    report.problems = outcome.problems
    return report


def import_bytes(
    data: bytes,
    name: str,
    actor: str,
    kind: str | None = None,
    stakeholder: Stakeholder | None = None,
) -> list[ImportReport]:
    """Import an uploaded file. With ``stakeholder``, refuse a sheet written for another organisation."""
    try:
        loaded = load_bytes(data, name)
        source = source_for(loaded, kind)
        parsed = _parse(source, loaded)
        if stakeholder is not None:
            for record in parsed.stakeholders:
                if record.name != stakeholder.name:
                    raise DocumentRejected(
                        f"this sheet was written for {record.name}, "
                        f"and you enter the work of {stakeholder.name}"
                    )
    except DocumentRejected as error:
        raise ImportFailed(Path(name), error) from None
    try:  # a web upload waits less for its turn than a command does
        with import_lock(wait=UPLOAD_WAIT_SECONDS), transaction.atomic(), acting_as(actor):
            reports = [_store(_Ready(Path(name), loaded, parsed), None)]
    except DocumentRejected as error:
        raise ImportFailed(Path(name), error) from None
    except Busy:
        raise ImportBusy(Path(name)) from None
    except DatabaseError as error:
        if is_busy(error):
            raise ImportBusy(Path(name)) from error
        raise
    _after(reports)
    return reports
