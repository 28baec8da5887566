"""Any other evidence (an NHRI's report, an NGO's submission, a follow-up report) split into paragraphs.

Never detected: imported with ``--kind evidence-document``. Numbered paragraphs ("1. …") are read as
the UPR documents' are; a text without them is split at its blank lines, numbered from 1. Short
lines without closing punctuation are headings. The State it is about is the one it names most often
(at least three times, and more often than any other); without one it is not linked. Whoever
imports it may say instead which State it is about, its title and its author (:func:`described`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.evidence import GENERIC, EvidenceParagraphRecord, EvidenceSource, EvidenceText
from rightstrack.core.records import ParsedDocument, Place, ReviewKey
from rightstrack.core.states import all_states
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
    evidence.state = state_named(text)
    return ParsedDocument(kind=KIND, title=title, review=ReviewKey(evidence.state, ""), evidence=evidence)


def described(
    parsed: ParsedDocument, state: str, title: str = "", author: EvidenceSource | None = None
) -> ParsedDocument:
    """``parsed`` about ``state`` (ISO alpha-3; "" keeps the one read), under ``title`` when one is
    given, and with ``author`` as the source of every paragraph (who speaks in it) when one is given;
    the words stay as read.

    >>> read = parse("Notes\\n\\nThe Ombudsman visited two prisons.", name="notes.txt")
    >>> given = described(read, "NAM", "Prison visits", EvidenceSource("Ombudsman of Namibia", "nhri"))
    >>> given.title, given.review.state, given.evidence.state, given.evidence.title
    ('Prison visits', 'NAM', 'NAM', 'Prison visits')
    >>> given.evidence.paragraphs[0].text, given.evidence.paragraphs[0].sources[0].kind
    ('The Ombudsman visited two prisons.', 'nhri')
    """
    evidence = parsed.evidence
    if evidence is None:
        raise ValueError("not an evidence document")
    state = state or evidence.state  # none given: the State the text names most
    title = title.strip()[:300] or parsed.title
    paragraphs = [
        replace(paragraph, sources=[author]) if author is not None else paragraph
        for paragraph in evidence.paragraphs
    ]
    return replace(
        parsed,
        title=title,
        review=ReviewKey(state, ""),
        evidence=replace(evidence, state=state, title=title, paragraphs=paragraphs),
    )


def state_named(text: str) -> str:
    """The State ``text`` names most often, if it names it at least three times and more than any other.

    >>> state_named("Namibia ... Namibia's Ombudsman ... in Namibia, unlike South Africa")
    'NAM'
    >>> state_named("Namibia and Denmark")
    ''
    """
    counts = []
    for state in all_states():
        names = {state.name, *state.variants}
        pattern = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        counts.append((len(re.findall(rf"\b(?:{pattern})\b", text)), state.code))
    counts.sort(reverse=True)
    best, code = counts[0]
    runner_up = counts[1][0]
    return code if best >= 3 and best > runner_up else ""
