"""``thematic``: OHCHR's thematic list of one UPR review in the 2019+ layout, with its last column
("Assessment/comments on level of implementation") filled from published assessments (level, the
stakeholder's words shortened, the stakeholder) and confirmed evidence (a quote with document symbol,
paragraph and source).

As OHCHR writes it: a page header naming the review, one table per theme, each headed by the four
columns and a "Theme: …" row spanning the table; per recommendation its paragraph number, text and
recommending States, the position, the full list of themes (SDGs, affected persons). The DOCX reads
back through the ``ohchr-matrix`` importer. ``implementation.py`` uses the rows gathered here.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from rightstrack.assessments.models import Assessment
from rightstrack.assessments.picture import RecommendationPicture, claim_level, review_picture
from rightstrack.core.iri import Outcome
from rightstrack.documents.models import SourceDocument
from rightstrack.evidence.decisions import shown_links
from rightstrack.evidence.models import Decision, EvidenceDocument, EvidenceLink
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Review
from rightstrack.reports.base import Request, find_review, ordinal
from rightstrack.reports.document import Heading, Report, Table, Text
from rightstrack.reports.errors import ReportError
from rightstrack.reports.kinds.common import (
    level_label,
    long_date,
    number_key,
    response_label,
    stakeholder_label,
    state_label,
    state_names,
    unique_assessments,
)

FORMATS = ("docx", "html")
OPTIONS = ("cycle", "date")

#: The four columns of OHCHR's thematic lists since 2019, as OHCHR heads them.
COLUMNS = (
    gettext_noop("Recommendation"),
    gettext_noop("Position"),
    gettext_noop("Full list of themes"),
    gettext_noop("Assessment/comments on level of implementation"),
)
#: What an evidence document is, as a report names it.
DOCUMENT_KINDS = {
    "national-report": gettext_noop("national report"),
    "compilation": gettext_noop("compilation of UN information"),
    "stakeholders-summary": gettext_noop("summary of stakeholders' submissions"),
    "evidence": gettext_noop("evidence document"),
}
QUOTE_CHARS = 300
RATIONALE_CHARS = 200
MIN_SENTENCE = 20  # characters: a shorter first sentence takes the next one along
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZА-ЯЁ(«“\"])")


@dataclass(frozen=True)
class Evidence:
    """A confirmed evidence link as a report quotes it."""

    quote: str
    document: str  # symbol, else title
    paragraph: str
    kind: str  # the document's kind (national-report, compilation...)
    sources: tuple[tuple[str, str], ...]  # (name, kind as people read it)

    @property
    def source_text(self) -> str:
        """ "Committee against Torture (UN)", or the document's kind when it names no source."""
        named = [f"{name} ({kind})" if kind else name for name, kind in self.sources if name]
        return "; ".join(named) if named else _(DOCUMENT_KINDS.get(self.kind, self.kind))

    def sentence(self) -> str:
        """ "“quote” — A/HRC/WG.6/52/DNK/2, para. 12: Committee against Torture (UN)"."""
        where = _("%(document)s, para. %(n)s") % {"document": self.document, "n": self.paragraph}
        return f"“{self.quote}” — {where}: {self.source_text}"


@dataclass(frozen=True)
class Row:
    """One recommendation of the review with everything the two reports print about it."""

    picture: RecommendationPicture
    ref: str  # the OHCHR paragraph number (and part: 186.23a) when there is one
    paragraph: str  # the number without its part: a thematic list's row holds every part
    theme: str  # "" when it has none
    themes: tuple[str, ...]
    sdgs: tuple[str, ...]
    groups: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    @property
    def recommendation(self) -> Recommendation:
        return self.picture.recommendation

    @property
    def assessments(self) -> list[Assessment]:
        return unique_assessments(self.picture.assessments)

    @property
    def outcome(self) -> Outcome:
        return self.picture.iri.outcome


def shorten(text: str, limit: int) -> str:
    """The first sentence of ``text`` (whitespace folded), cut at a word before ``limit`` with "…".

    >>> shorten("The law was adopted in 2021. It entered into force later.", 200)
    'The law was adopted in 2021.'
    >>> shorten("1. The law was adopted. It entered into force later.", 200)
    '1. The law was adopted.'
    >>> shorten("one two three four", 12)
    'one two…'
    """
    words = " ".join(text.split())
    first = ""
    for sentence in _SENTENCE_END.split(words):  # a first "sentence" such as "1." is not one alone
        first = f"{first} {sentence}".strip()
        if len(first) >= MIN_SENTENCE:
            break
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def assessment_level(assessment: Assessment) -> str:
    """The level an assessment claims, in the active language ("" when it states none)."""
    level = claim_level(assessment)
    if level is not None:
        return level_label(level.label)
    grade = assessment.grade
    return f"{grade.code} – {_(grade.label)}" if grade is not None else ""


def assessment_sentence(assessment: Assessment) -> str:
    """ "Partially implemented: the law was adopted in 2021. (UPR Info)"."""
    level = assessment_level(assessment)
    rationale = shorten(assessment.shown_text, RATIONALE_CHARS)
    said = f"{level[:1].upper()}{level[1:]}: {rationale}" if level else rationale
    return f"{said} ({stakeholder_label(assessment.stakeholder)})"


def outcome_label(outcome: Outcome) -> str:
    """A recommendation's level; "no assessment" when nothing published speaks to it."""
    return _("no assessment") if outcome == Outcome.NO_ANSWER else level_label(outcome)


def choose_review(request: Request) -> Review:
    """The review of the ``cycle`` option, else the State's latest UPR review with recommendations."""
    reviews = list(
        Review.objects.filter(state=request.state, mechanism__code="UPR", recommendations__isnull=False)
        .distinct()
        .select_related("state", "mechanism")
    )
    return find_review(request.state, "UPR", request.number("cycle"), reviews)


def gather(review: Review) -> list[Row]:
    """Every recommendation of ``review`` in paragraph order, with published assessments (only) and
    confirmed evidence."""
    picture = review_picture(review)
    ids = [row.recommendation.pk for row in picture.rows]
    terms: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for rec_id, vocabulary, label, code in (
        RecommendationTerm.objects.filter(recommendation_id__in=ids, confirmed=True)
        .order_by("recommendation_id", "pk")  # as the document listed them
        .values_list("recommendation_id", "term__vocabulary__code", "term__label", "term__code")
    ):
        if vocabulary == "sdg-goals" and code:  # as OHCHR writes a goal: "16 - PEACE, JUSTICE AND ..."
            label = f"{code} - {label.upper()}"
        terms[rec_id][vocabulary.removesuffix("-unmatched")].append(label)
    linked = set(
        EvidenceLink.objects.filter(recommendation_id__in=ids, decision=Decision.CONFIRMED).values_list(
            "recommendation_id", flat=True
        )
    )
    rows = []
    for row in picture.rows:
        recommendation = row.recommendation
        own = terms.get(recommendation.pk, {})
        evidence = (
            tuple(_evidence(recommendation)) if recommendation.pk in linked else ()
        )  # confirmed links only: what a visitor of the recommendation's page sees
        paragraph, part = _paragraph(recommendation) or (row.ref, "")
        rows.append(
            Row(
                picture=row,
                ref=paragraph + part,
                paragraph=paragraph,
                theme=recommendation.theme_heading or next(iter(own.get("uhri-themes", [])), ""),
                themes=tuple(own.get("uhri-themes", [])),
                sdgs=tuple(own.get("sdg-goals", []) + own.get("sdg-targets", [])),
                groups=tuple(own.get("uhri-groups", [])),
                evidence=evidence,
            )
        )
    return sorted(rows, key=lambda r: number_key(r.ref))


def _paragraph(recommendation: Recommendation) -> tuple[str, str] | None:
    """(paragraph, part) of the recommendation's OHCHR number, if it has one."""
    refs = sorted(
        (ref for ref in recommendation.refs.all() if ref.scheme == "ohchr-paragraph"), key=lambda r: r.pk
    )
    return (refs[0].value, refs[0].part) if refs else None


def _evidence(recommendation: Recommendation) -> list[Evidence]:
    found = []
    for shown in shown_links(recommendation, editor=False):
        if shown.link.decision != Decision.CONFIRMED:
            continue
        paragraph = shown.link.paragraph
        found.append(
            Evidence(
                quote=shorten(shown.quote, QUOTE_CHARS),
                document=paragraph.document.symbol or paragraph.document.title,
                paragraph=paragraph.number,
                kind=paragraph.document.kind,
                sources=tuple(shown.sources()),
            )
        )
    return found


def by_theme(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """(theme, rows) in order of first appearance; rows without a theme last, under "Other"."""
    themes: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        themes[row.theme].append(row)
    named = [theme for theme in themes if theme]
    ordered = [(theme, themes[theme]) for theme in named]
    if "" in themes:
        ordered.append((_("Other"), themes[""]))
    return ordered


def sources_of(review: Review, rows: list[Row]) -> list[SourceDocument]:
    """The documents the report rests on: the assessments' and the State's evidence documents."""
    documents = [a.document for row in rows for a in row.assessments if a.document]
    documents += [
        evidence.source
        for evidence in EvidenceDocument.objects.filter(state=review.state_id).select_related("source")
    ]
    return documents


def review_title(review: Review, language: str) -> str:
    """ "UPR of Kazakhstan (2nd Cycle – 20th session)", as OHCHR's page header names a review."""
    english = language == "en"
    values = {
        "state": state_label(review.state),
        "cycle": ordinal(review.cycle) if english else review.cycle,
        "session": ordinal(review.session) if english else review.session,
    }
    if review.cycle is not None and review.session is not None:
        return _("UPR of %(state)s (%(cycle)s Cycle – %(session)s session)") % values
    if review.cycle is not None:
        return _("UPR of %(state)s (%(cycle)s Cycle)") % values
    return _("UPR of %(state)s") % values


def by_paragraph(rows: list[Row]) -> list[list[Row]]:
    """The parts of each numbered paragraph together (186.23a and b are one row of OHCHR's list)."""
    paragraphs: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        paragraphs[row.paragraph].append(row)
    return list(paragraphs.values())


def list_cells(parts: list[Row]) -> tuple[str, str, str, str]:
    """The four cells of one paragraph's row: recommendation(s), position, themes, assessment."""
    positions = dict.fromkeys(response_label(row.recommendation.response) for row in parts)
    return (
        f"{parts[0].paragraph} " + " ".join(recommendation_cell(row) for row in parts),
        "/".join(positions),
        themes_cell(parts[0]),
        "\n".join(text for row in parts if (text := assessment_cell(row))),
    )


def recommendation_cell(row: Row) -> str:
    """ "Ratify the Convention … (Italy, Argentina);" (without its number)."""
    states = state_names(row.recommendation)
    tail = f" ({states})" if states else ""
    return f"{row.recommendation.text.strip()}{tail};"


def themes_cell(row: Row) -> str:
    """The themes a line each ("- Right to life"), then "SDGs:" and "Affected persons:" lines."""
    themes = row.themes or ((row.theme,) if row.theme else ())
    lines = [f"- {theme}" for theme in themes]
    if row.sdgs:
        lines += [_("SDGs:"), *(f"- {sdg}" for sdg in row.sdgs)]
    if row.groups:
        lines += [_("Affected persons:"), *(f"- {group}" for group in row.groups)]
    return "\n".join(lines)


def assessment_cell(row: Row) -> str:
    """Column 4: each published assessment, then each confirmed quote; "" when there is neither."""
    lines = [assessment_sentence(assessment) for assessment in row.assessments]
    lines += [evidence.sentence() for evidence in row.evidence]
    return "\n".join(lines)


@dataclass(frozen=True)
class ThematicList:
    review: Review
    title: str  # the page header's words
    date: datetime.date
    themes: list[tuple[str, list[Row]]]
    note: str


def collect(request: Request) -> ThematicList:
    review = choose_review(request)
    rows = gather(review)
    if not rows:
        raise ReportError(
            f"the UPR review of {request.state.code} in cycle {review.cycle} has no recommendations"
        )
    date = request.stated_date(sources_of(review, rows))
    filled = sum(1 for row in rows if row.assessments or row.evidence)
    note = _(
        "The last column is filled by RightsTrack on %(date)s from published assessments and from evidence "
        "an editor confirmed: %(filled)s of %(total)s recommendations."
    ) % {"date": long_date(date), "filled": filled, "total": len(rows)}
    return ThematicList(review, review_title(review, request.language), date, by_theme(rows), note)


def build(request: Request) -> Report:
    """The list as a report of the common machinery (HTML): a heading and a table per theme."""
    found = collect(request)
    report = Report(
        kind="thematic",
        state=request.state.code,
        language=request.language,
        date=found.date,
        title=f"{found.title} – {_('Thematic list of recommendations')}",
        slug=f"upr{found.review.cycle or ''}",
        landscape=True,
    )
    report.add(Text(found.note, "note"))
    for theme, rows in found.themes:
        report.add(Heading(_("Theme: %(theme)s") % {"theme": theme}, 2))
        report.add(
            Table.of(
                [_(column) for column in COLUMNS],
                [list(list_cells(parts)) for parts in by_paragraph(rows)],
                widths=(35, 10, 20, 35),
                name="thematic",
            )
        )
    return report


def write(request: Request, fmt: str) -> tuple[bytes, str]:
    """DOCX in OHCHR's own layout (``thematic_docx``); HTML through the common writer."""
    if fmt == "docx":
        from rightstrack.reports.kinds.thematic_docx import write_list

        found = collect(request)
        stem = f"{request.state.code}-thematic-upr{found.review.cycle or ''}-{request.language}"
        return write_list(found, request.language), stem
    from rightstrack.reports.api import write as write_report

    report = build(request)
    return write_report(report, fmt), report.filename_stem
