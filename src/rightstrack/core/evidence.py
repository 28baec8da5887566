"""Evidence documents as plain data: numbered paragraphs under their headings, and who speaks in each.

A review's documents (the State's national report, the UN compilation, the summary of stakeholders'
submissions) and any other evidence (an NHRI's report, an NGO's submission) are read into an
:class:`EvidenceText`; the evidence linker ranks its paragraphs for each recommendation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

#: Who a paragraph's source is: the State under review, the United Nations (a committee, a special
#: procedure, an agency, the country team), a national human rights institution, civil society, a
#: regional organisation, or "" when the document does not say.
SOURCE_KINDS = ("state", "un", "nhri", "civil-society", "regional", "")

#: The kinds of evidence document: the three UPR documents, or any other text split into paragraphs.
NATIONAL_REPORT, COMPILATION, STAKEHOLDERS_SUMMARY, GENERIC = (
    "national-report",
    "compilation",
    "stakeholders-summary",
    "evidence",
)
UPR_PARTS = {"1": NATIONAL_REPORT, "2": COMPILATION, "3": STAKEHOLDERS_SUMMARY}

#: A note number as a UN document's text carries it once the superscript is lost: glued to the word
#: or the punctuation before it ("ICESCR.12", "ILO13 core", "victims,34").
NOTE_MARK = re.compile(r"(?<=[A-Za-z)\]\"”’.,;:])(\d{1,3})(?=[\s,;.)]|$)")


def without_note_marks(text: str, notes: Iterable[str]) -> str:
    """``text`` without the marks of its own ``notes`` ("12 A/HRC/…", as a paragraph keeps them), so a
    quote reads as the printed page does; any other number stays.

    >>> without_note_marks("Denmark has ratified all ILO13 core conventions.14", ["13 See", "14 Ibid."])
    'Denmark has ratified all ILO core conventions.'
    >>> without_note_marks("Ratified in 2019.12 States", ["3 A/HRC/48/10"])
    'Ratified in 2019.12 States'
    """
    numbers = {note.split(" ", 1)[0] for note in notes}
    if not numbers:
        return text
    return NOTE_MARK.sub(lambda match: "" if match[1] in numbers else match[0], text)


@dataclass(frozen=True)
class EvidenceSource:
    """One source a paragraph names (in its words or its footnotes), with its kind."""

    name: str
    kind: str = ""
    acronym: str = ""


@dataclass
class EvidenceParagraphRecord:
    number: str
    text: str
    heading: str = ""
    line: int | None = None
    sources: list[EvidenceSource] = field(default_factory=list)
    #: references of recommendations the document itself says the paragraph follows up ("60.182")
    cited: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the footnotes' texts, as printed


@dataclass
class EvidenceText:
    kind: str  # one of NATIONAL_REPORT, COMPILATION, STAKEHOLDERS_SUMMARY, GENERIC
    title: str
    state: str = ""  # ISO 3166-1 alpha-3, when the document names it
    symbol: str = ""
    session: int | None = None
    published_on: date | None = None
    paragraphs: list[EvidenceParagraphRecord] = field(default_factory=list)


def upr_cycle(session: int) -> int:
    """The UPR cycle a Working Group session belongs to (12 sessions in the 1st cycle, 14 after).

    >>> [upr_cycle(s) for s in (1, 12, 13, 27, 40, 41, 52)]
    [1, 1, 2, 3, 3, 4, 4]
    """
    if session <= 12:
        return 1
    return 2 + (session - 13) // 14
