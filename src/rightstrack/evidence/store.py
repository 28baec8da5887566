"""Storing a parsed evidence document: its provenance, the document and its paragraphs."""

from __future__ import annotations

from dataclasses import asdict

from rightstrack.core.records import ParsedDocument
from rightstrack.documents.store.document import new_source_document
from rightstrack.evidence.models import EvidenceDocument, EvidenceParagraph
from rightstrack.ingest.reading import LoadedFile


def store_evidence(parsed: ParsedDocument, loaded: LoadedFile) -> int:
    """Write the document and its paragraphs (inside the caller's transaction); return how many paragraphs."""
    evidence = parsed.evidence
    assert evidence is not None
    source = new_source_document(parsed, loaded)
    document = EvidenceDocument.objects.create(
        source=source,
        kind=evidence.kind,
        state=evidence.state,
        symbol=evidence.symbol[:100],
        session=evidence.session,
        title=evidence.title[:500],
        published_on=evidence.published_on,
    )
    EvidenceParagraph.objects.bulk_create(
        EvidenceParagraph(
            document=document,
            number=paragraph.number,
            heading=paragraph.heading[:1000],
            text=paragraph.text,
            line=paragraph.line,
            sources=[asdict(source) for source in paragraph.sources],
            cited=paragraph.cited,
            notes=paragraph.notes,
        )
        for paragraph in evidence.paragraphs
    )
    return len(evidence.paragraphs)
