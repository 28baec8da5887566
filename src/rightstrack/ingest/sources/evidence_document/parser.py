"""Any other evidence (an NHRI's report, an NGO's submission, a follow-up report) split into paragraphs.

Never detected: imported with ``--kind evidence-document``. Numbered paragraphs ("1. …") are read as
the UPR documents' are; a text without them is split at its blank lines, numbered from 1. Short
lines without closing punctuation are headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.evidence import GENERIC, EvidenceParagraphRecord, EvidenceText
from rightstrack.core.records import ParsedDocument, Place, ReviewKey
from rightstrack.ingest.sources.upr_evidence import layout

KIND = "evidence-document"


def parse(text: str, labels: Iterable[str] = (), name: str = "") -> ParsedDocument:
    body, _notes = layout.clean_lines(text)
    numbered = layout.paragraphs(body)
    title = next((line.text for line in body if line.text.strip()), name)[:300]
    evidence = EvidenceText(kind=GENERIC, title=title)
    if len(numbered) >= 3:
        for paragraph in numbered:
            evidence.paragraphs.append(
                EvidenceParagraphRecord(
                    str(paragraph.number), paragraph.text, " / ".join(paragraph.headings), paragraph.line
                )
            )
    else:
        heading = ""
        line = 1
        for block in re.split(r"\n\s*\n", text):
            words = " ".join(block.split())
            start = line
            line += block.count("\n") + 2
            if not words:
                continue
            if layout.is_heading(words):
                heading = words
                continue
            evidence.paragraphs.append(
                EvidenceParagraphRecord(str(len(evidence.paragraphs) + 1), words, heading, start)
            )
    if not evidence.paragraphs:
        raise DocumentRejected("no paragraph of text found", Place(line=1))
    return ParsedDocument(kind=KIND, title=title, review=ReviewKey("", ""), evidence=evidence)
