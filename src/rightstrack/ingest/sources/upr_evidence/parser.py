"""The three documents of a UPR review as evidence: national report, UN compilation, stakeholders' summary.

Recognised by their symbol ``A/HRC/WG.6/NN/XXX/1|2|3`` on the cover. Each numbered paragraph is kept
in its words under its headings, with its notes; in the compilation and the summary with the sources
it names (:mod:`.speakers`); in the national report with the State as its source and the previous
review's recommendations it says it follows up (notes "60.182", headings "Recommendations (138.71-77)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.evidence import (
    COMPILATION,
    NATIONAL_REPORT,
    STAKEHOLDERS_SUMMARY,
    UPR_PARTS,
    EvidenceParagraphRecord,
    EvidenceSource,
    EvidenceText,
    upr_cycle,
)
from rightstrack.core.records import ParsedDocument, Place, ReviewKey
from rightstrack.core.states import resolve_state, state_info

from . import layout, speakers

KIND = "upr-evidence"
SYMBOL = re.compile(r"^A/HRC/WG\.6/(\d{1,2})/([A-Z]{3})/([123])\s*$", re.MULTILINE)
_DATE = re.compile(r"Distr\.:\s*\w+\s+(\d{1,2} [A-Z][a-z]+ \d{4})")
_TITLES = {
    NATIONAL_REPORT: "National report",
    COMPILATION: "Compilation of UN information",
    STAKEHOLDERS_SUMMARY: "Summary of stakeholders' submissions",
}
_HEADING_REFS = re.compile(r"^Recommendations?\s*\(([^)]*)\)")
_REF = re.compile(r"\b(\d{2,3})\.(\d{1,3})\b")
_REFERRING = re.compile(r"\bpara\.\s*(\d{2,3}\.\d{1,3})\b")


def detect(text: str) -> bool:
    head = text[:3000]
    return SYMBOL.search(head) is not None and "Universal Periodic Review" in head


def parse(text: str, labels: Iterable[str] = ()) -> ParsedDocument:
    match = SYMBOL.search(text[:3000])
    if match is None:
        raise DocumentRejected(
            "no UPR document symbol A/HRC/WG.6/NN/XXX/1, /2 or /3 on the cover", Place(line=1)
        )
    session, code, part = int(match[1]), match[2], match[3]
    kind = UPR_PARTS[part]
    state = resolve_state(code) or code
    name = state_info(state).name if resolve_state(code) else code
    evidence = EvidenceText(
        kind=kind,
        title=f"{_TITLES[kind]}, {name} ({match[0].strip()})",
        state=state,
        symbol=match[0].strip(),
        session=session,
        published_on=_published(text),
    )
    body, note_lines = layout.clean_lines(text)
    found = layout.paragraphs(body)
    if not found:
        raise DocumentRejected('no numbered paragraph ("1. …") found', Place(line=1, section=evidence.symbol))
    notes = layout.split_notes_text(note_lines)
    submissions = speakers.SubmissionList(notes.get(2, "")) if kind == STAKEHOLDERS_SUMMARY else None
    state_source = EvidenceSource(name, "state", code)
    expected = 1
    previous: list[EvidenceSource] = []
    for paragraph in found:
        numbers, expected = layout.footnote_numbers(paragraph.text, expected)
        texts = [notes[number] for number in numbers if number in notes]
        if kind == NATIONAL_REPORT:
            sources = [state_source]
        elif submissions is not None:
            sources = speakers.summary_sources(texts, submissions)
        else:
            sources = speakers.compilation_sources(paragraph.text, texts, previous)
        previous = sources or previous
        evidence.paragraphs.append(
            EvidenceParagraphRecord(
                number=str(paragraph.number),
                text=paragraph.text,
                heading=" / ".join(h for h in paragraph.headings if not _HEADING_REFS.match(h)),
                line=paragraph.line,
                sources=sources,
                cited=_cited(paragraph.headings, texts),
                notes=[f"{number} {notes[number]}" for number in numbers if number in notes],
            )
        )
    return ParsedDocument(
        kind=KIND,
        title=evidence.title,
        review=ReviewKey(state, "UPR", upr_cycle(session), session),
        published_on=evidence.published_on,
        symbol=evidence.symbol,
        evidence=evidence,
    )


def _published(text: str) -> date | None:
    match = _DATE.search(text[:3000])
    if match is None:
        return None
    try:
        return datetime.strptime(match[1], "%d %B %Y").date()
    except ValueError:
        return None


def _cited(headings: list[str], notes: list[str]) -> list[str]:
    """Recommendations the paragraph says it follows up: a heading "Recommendations (138.71-77, 244)",
    a note made of references ("60.230, 60.224."), or a note "referring to …, para. 138.88"."""
    cited: list[str] = []
    for heading in headings:
        match = _HEADING_REFS.match(heading)
        if match:
            cited.extend(expand(match[1]))
    for note in notes:
        rest = _REF.sub("", note)
        if _REF.search(note) and not re.search(r"[A-Za-z]{3,}", rest):
            cited.extend(f"{a}.{b}" for a, b in _REF.findall(note))
        cited.extend(_REFERRING.findall(note))
    return list(dict.fromkeys(cited))


def expand(listing: str) -> list[str]:
    """References of a heading's list, ranges and shortened numbers spelled out.

    >>> expand("138.71-77, 244")[:3], expand("138.51, 259-260")
    (['138.71', '138.72', '138.73'], ['138.51', '138.259', '138.260'])
    """
    refs: list[str] = []
    prefix = ""
    for item in re.split(r"[,;]", listing):
        match = re.fullmatch(r"\s*(?:(\d{2,3})\.)?(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?\s*", item)
        if match is None:
            continue
        prefix = match[1] or prefix
        if not prefix:
            continue
        low, high = int(match[2]), int(match[3] or match[2])
        if high < low or high - low > 100:
            high = low
        refs.extend(f"{prefix}.{number}" for number in range(low, high + 1))
    return refs
