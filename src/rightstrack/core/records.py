"""Plain records that parsers produce and the store persists.

Every parser in :mod:`rightstrack.ingest` turns one document into a :class:`ParsedDocument`:
dataclasses only, no Django. Each record carries a :class:`Place` saying where in the document
it was read, so that any figure on a page can be traced back to a line of its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rightstrack.core.evidence import EvidenceText


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
    #: When one numbered paragraph holds several recommendations ("X (Slovenia); Y (Korea)"): "a", "b"...
    ref_part: str = ""
    response: str = ""  # normalised: accepted / noted / ...; "" when not given
    action_category: int | None = None
    terms: dict[str, list[str]] = field(default_factory=dict)  # vocabulary code -> labels
    published_level: str | None = None
    published_level_place: Place | None = None
    group: str = ""  # recommendations answered together share a group key, e.g. "5+57"
    theme_heading: str = ""  # the heading the document files it under
    review: ReviewKey | None = None  # when a document holds several reviews; None: the document's own
    position_source: str = ""  # where the response was given, e.g. "A/HRC/14/10/Add.1" (OHCHR matrices)
    #: What ``response`` is (rightstrack.core.positions): "stage" for the Working Group report's stage
    #: (supported, will examine, noted, already implemented, in process...), "final" for the State's final
    #: position (an addendum, a thematic list, UPR Info's export: supported / noted / supported/noted),
    #: "" for a secondary source that repeats a position (fact sheets, an MIA, a stakeholder sheet).
    response_kind: str = ""
    #: Beside a supported final position: "already implemented" or "in process of implementation".
    position_qualifier: str = ""
    #: Treaty bodies' concluding observations: the concern paragraphs that lead to this recommendation
    #: (their own words, numbered); the limbs ``(a)``, ``(b)``… it holds, each addressable as ``"24 (b)"``.
    context: str = ""
    limbs: tuple[str, ...] = ()
    #: Selected for the treaty body's follow-up procedure: the deadline as written ("within one year of
    #: the adoption…") and as a date when it can be computed. Not stored in the database yet.
    follow_up_due_text: str = ""
    follow_up_due: date | None = None


@dataclass
class AssessmentRecord:
    """A stakeholder's words on one recommendation, as written."""

    recommendation_ref: str
    stakeholder: StakeholderRecord
    text: str
    place: Place
    level: str | None = None  # claimed grade code when the document states or implies it
    level_basis: str = ""  # how ``level`` was obtained, e.g. "stated", "published index"
    scheme: str = "iri"  # the grading scheme ``level`` belongs to (rightstrack.core.grading)
    recommendation_review: ReviewKey | None = None  # None: the document's own review
    sub_item: str = ""  # the limb of a recommendation graded, e.g. "(a)" or its opening words
    source: str = ""  # the evidence the stakeholder cites (a link, a document)


@dataclass(frozen=True)
class ContactFigure:
    """One line of a follow-up campaign's "sources and results"."""

    group: str  # "ngo", "un_agency", "state", "nhri", "reports"
    contacted: int | None
    responded: int | None
    note: str
    place: Place


@dataclass(frozen=True)
class AgencyRecord:
    """A government body responsible for a measure."""

    name: str
    acronym: str = ""


@dataclass
class MeasureRecord:
    """One measure of a national action plan (seed 002's Human Rights Priority Action Plan)."""

    number: str
    text: str
    place: Place
    completion_form: str = ""  # e.g. "draft law", "report to the Government"
    deadline_text: str = ""  # as written, e.g. "December 2021", "annually"
    deadline: date | None = None  # the last day the text allows, when it names one
    agencies: list[AgencyRecord] = field(default_factory=list)
    theme: str = ""
    # the recommendations the measure answers, as (review, ref scheme, ref)
    recommendation_refs: list[tuple[ReviewKey, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class TreatyRecord:
    """A State's status under one treaty (ratification inventory)."""

    treaty: str  # name as written
    code: str  # short code, e.g. "ICCPR", "ICCPR-OP2", "CRPD", "ECHR"; "" when unknown
    status: str  # "ratified", "acceded", "signed", "not signed", "succeeded", ...
    place: Place
    date: date | None = None
    date_text: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReviewInfoRecord:
    """What a document says about a review: dates, symbols, how many recommendations were accepted."""

    review: ReviewKey
    place: Place
    symbols: tuple[str, ...] = ()
    held_on: date | None = None
    adopted_on: date | None = None
    total: int | None = None
    accepted: int | None = None
    noted: int | None = None


@dataclass(frozen=True)
class FollowUpDecisionRecord:
    """A treaty body's decision on the follow-up of a review, in one follow-up report."""

    review: ReviewKey
    place: Place
    kind: str  # rightstrack.core.followup.DECISION_KINDS
    text: str  # the report's words
    report_symbol: str = ""
    next_report_due: date | None = None
    next_report_due_text: str = ""  # as written


@dataclass(frozen=True)
class LinkRecord:
    """Two recommendations the document says ask the same thing (e.g. UPR ↔ treaty body, seed 001)."""

    source_review: ReviewKey
    source_scheme: str
    source_ref: str
    target_review: ReviewKey
    target_scheme: str
    target_ref: str
    place: Place
    kind: str = "similar"


@dataclass(frozen=True)
class SuggestionRecord:
    """A recommendation a stakeholder suggests for the next review."""

    text: str
    place: Place
    theme: str = ""
    for_review: ReviewKey | None = None
    author: StakeholderRecord | None = None


@dataclass(frozen=True)
class IssueSummaryRecord:
    """A coalition's count of a cycle's recommendations on one issue (seed 004)."""

    issue: str
    place: Place
    review: ReviewKey | None = None
    total: int | None = None
    total_text: str = ""  # as written, e.g. "about 40 recommendations"
    implemented: int | None = None
    partially: int | None = None
    not_implemented: int | None = None
    evidence: str = ""
    new_recommendations: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateFactRecord:
    """What a document says about a State itself: its UN regional group, its organisations."""

    state: str  # ISO 3166-1 alpha-3
    regional_group: str = ""
    organisations: tuple[str, ...] = ()


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
    measures: list[MeasureRecord] = field(default_factory=list)
    treaties: list[TreatyRecord] = field(default_factory=list)
    review_infos: list[ReviewInfoRecord] = field(default_factory=list)
    follow_up_decisions: list[FollowUpDecisionRecord] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    suggestions: list[SuggestionRecord] = field(default_factory=list)
    issue_summaries: list[IssueSummaryRecord] = field(default_factory=list)
    state_facts: list[StateFactRecord] = field(default_factory=list)
    #: False for documents that speak of existing recommendations only (a filled stakeholder sheet):
    #: a record that matches none is then an error, not a new recommendation.
    creates_recommendations: bool = True
    #: False for submissions that wait for an editor (a filled sheet): their assessments stay private.
    assessments_published: bool = True
    #: True when a new version of the document replaces the author's earlier assessments (sheets).
    upsert_assessments: bool = False
    #: Where the document names its review (a sheet's hidden cells), for a refusal to point at.
    review_place: Place | None = None
    #: An evidence document's paragraphs (``rightstrack.evidence``), stored instead of recommendations.
    evidence: EvidenceText | None = None
