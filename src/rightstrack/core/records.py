"""Plain records that parsers produce and the store persists.

Every parser in :mod:`rightstrack.ingest` turns one document into a :class:`ParsedDocument`:
dataclasses only, no Django. Each record carries a :class:`Place` saying where in the document
it was read, so that any figure on a page can be traced back to a line of its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Place:
    """Where a record stands in its source document.

    ``line`` is 1-based in the decoded text; ``section`` names the part of the document
    (``"index table"``, ``"feedback"``, ``"uncommented recommendations"``...);
    ``page``/``paragraph``/``row``/``cell`` are filled when the format has them.
    """

    line: int | None = None
    section: str = ""
    page: int | None = None
    paragraph: str = ""
    row: int | None = None
    cell: str = ""

    def describe(self) -> str:
        """A short human phrase: ``"line 197 (feedback)"``."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph:
            parts.append(f"paragraph {self.paragraph}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.cell:
            parts.append(f"cell {self.cell}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        text = ", ".join(parts) or "document"
        return f"{text} ({self.section})" if self.section else text


@dataclass(frozen=True)
class Problem:
    """Something a parser could not place. ``fatal`` problems abort the import."""

    place: Place
    message: str
    fatal: bool = False

    def describe(self) -> str:
        return f"{self.place.describe()}: {self.message}"


@dataclass(frozen=True)
class ReviewKey:
    """Identifies a review: a State before a mechanism in a cycle."""

    state: str  # ISO 3166-1 alpha-3
    mechanism: str  # mechanism code, e.g. "UPR", "CCPR"
    cycle: int | None = None
    session: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class StakeholderRecord:
    name: str
    acronym: str = ""
    kind: str = ""  # see rightstrack.core.vocab.STAKEHOLDER_KINDS; "" when the document does not say


@dataclass
class RecommendationRecord:
    """One recommendation as a document gives it.

    ``ref`` is its number in this document's numbering scheme (``ref_scheme``), e.g. UPR Info's
    n° ``"57"`` or OHCHR's paragraph ``"95.1"``. ``published_level`` is the implementation level the
    document itself publishes (an IRI level code, ``"-"`` for assessed-without-level), if any.
    """

    ref: str
    ref_scheme: str
    text: str
    place: Place
    recommending_states: list[str] = field(default_factory=list)  # raw names as written
    response: str = ""  # normalised: accepted / noted / ...; "" when not given
    action_category: int | None = None
    terms: dict[str, list[str]] = field(default_factory=dict)  # vocabulary code -> labels
    published_level: str | None = None
    published_level_place: Place | None = None
    group: str = ""  # recommendations answered together share a group key, e.g. "5+57"
    theme_heading: str = ""  # the heading the document files it under


@dataclass
class AssessmentRecord:
    """A stakeholder's words on one recommendation, as written."""

    recommendation_ref: str
    stakeholder: StakeholderRecord
    text: str
    place: Place
    level: str | None = None  # claimed level code when the document states or implies it
    level_basis: str = ""  # how ``level`` was obtained, e.g. "stated", "published index"


@dataclass(frozen=True)
class ContactFigure:
    """One line of a follow-up campaign's "sources and results"."""

    group: str  # "ngo", "un_agency", "state", "nhri", "reports"
    contacted: int | None
    responded: int | None
    note: str
    place: Place


@dataclass
class ParsedDocument:
    """Everything one document yields, ready to be stored in one transaction."""

    kind: str
    title: str
    review: ReviewKey
    recommendations: list[RecommendationRecord] = field(default_factory=list)
    assessments: list[AssessmentRecord] = field(default_factory=list)
    stakeholders: list[StakeholderRecord] = field(default_factory=list)
    contact_figures: list[ContactFigure] = field(default_factory=list)
    stated_counts: dict[str, int] = field(default_factory=dict)  # the document's own totals
    published_on: date | None = None
    author: StakeholderRecord | None = None  # who published the document
    problems: list[Problem] = field(default_factory=list)
    symbol: str = ""  # UN document symbol when there is one
