"""``factsheet``: per theme or treaty article, a UPR cycle's recommendations beside the treaty bodies'
(seed 001): the recommendations with recommending State and answer (✓ accepted / ✗ noted), the
similar treaty-body recommendations (``RecommendationLink``) with paragraph and follow-up grade, the
implementation assessments, and the recommendations suggested for the next cycle."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _

from rightstrack.assessments.models import Assessment, Suggestion
from rightstrack.assessments.picture import display_ref
from rightstrack.documents.models import SourceDocument
from rightstrack.recommendations.models import Position, Recommendation, RecommendationLink, Review
from rightstrack.reports.base import Request, find_review
from rightstrack.reports.document import Block, Bullets, Heading, Report, Table, Text
from rightstrack.reports.errors import ReportError
from rightstrack.reports.kinds.common import (
    level_label,
    number_key,
    paragraphs,
    stakeholder_label,
    state_label,
    state_names,
    unique_assessments,
)

FORMATS = ("html", "pdf", "docx")
OPTIONS = ("cycle", "theme", "date")
ANSWERS: dict[str, str] = {Position.SUPPORTED: "✓", Position.NOTED: "✗"}


def build(request: Request) -> Report:
    state = request.state
    themed = Recommendation.objects.filter(review__state=state, review__mechanism__code="UPR").exclude(
        theme_heading=""
    )
    candidates = list(Review.objects.filter(pk__in=themed.values("review")).select_related("mechanism"))
    linked = [r for r in candidates if RecommendationLink.objects.filter(source__review=r).exists()]
    review = find_review(
        state,
        "UPR",
        request.number("cycle"),
        linked if linked and request.number("cycle") is None else candidates,
    )
    recommendations = list(
        themed.filter(review=review).prefetch_related("refs", "recommending_states").order_by("pk")
    )
    sheets: dict[str, list[Recommendation]] = defaultdict(list)
    for recommendation in recommendations:  # sheets in the order their first row was stored
        sheets[recommendation.theme_heading].append(recommendation)
    wanted = request.text("theme")
    if wanted:
        sheets = {title: rows for title, rows in sheets.items() if wanted.casefold() in title.casefold()}
        if not sheets:
            raise ReportError(f"no fact sheet of {state.code} (UPR cycle {review.cycle}) is about {wanted!r}")
    documents: list[SourceDocument] = []
    blocks: list[Block] = []
    for position, (title, rows) in enumerate(sheets.items()):
        blocks.append(Heading(title, 2, page_break=position > 0))
        blocks.extend(_sheet(review, title, rows, documents))
    return Report(
        kind="factsheet",
        state=state.code,
        language=request.language,
        date=request.stated_date(documents),
        title=_("%(state)s: fact sheets for UPR cycle %(cycle)s")
        % {"state": state_label(state), "cycle": (review.cycle or 0) + 1},
        subtitle=_(
            "The recommendations of UPR cycle %(cycle)s (%(year)s) beside the treaty bodies', how far they "
            "are implemented, and the recommendations suggested for the next cycle"
        )
        % {"cycle": review.cycle, "year": review.year or ""},
        slug=f"upr{review.cycle}" + (f"-{_slug(wanted)}" if wanted else ""),
        blocks=blocks,
    )


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.casefold()).strip("-")[:40]


def _sheet(
    review: Review, title: str, rows: list[Recommendation], documents: list[SourceDocument]
) -> list[Block]:
    blocks: list[Block] = [
        Heading(_("Recommendations of UPR cycle %(cycle)s") % {"cycle": review.cycle}, 3),
        Table.of(
            [_("Paragraph"), _("Recommendation"), _("Recommending State"), _("Answer of the State")],
            [
                [
                    display_ref(r),
                    r.text,
                    state_names(r),
                    f"{ANSWERS.get(r.response, '')} {_answer(r)}".strip(),
                ]
                for r in rows
            ],
            widths=(10, 58, 14, 18),
            name="upr",
        ),
    ]
    blocks.extend(_treaty_bodies(rows, documents))
    assessments = unique_assessments(
        Assessment.public_objects.filter(recommendation__in=rows)
        .select_related("stakeholder", "grade__scheme", "document")
        .order_by("stakeholder__name", "pk")
    )
    blocks.append(Heading(_("Implementation"), 3))
    if not assessments:
        blocks.append(Text(_("No published assessment yet."), "note"))
    for assessment in assessments:
        level = f" — {level_label(assessment.grade.label)}" if assessment.grade else ""
        blocks.append(Text(stakeholder_label(assessment.stakeholder) + level, "speaker"))
        blocks.extend(Text(part) for part in paragraphs(assessment.shown_text))
        if assessment.document:
            documents.append(assessment.document)
    suggestions = list(
        Suggestion.objects.filter(theme=title, status="published")
        .filter(Q(review__state_id=review.state_id) | Q(review=None))
        .select_related("stakeholder", "document")
        .order_by("pk")
    )
    blocks.append(Heading(_("Suggested recommendations for the next cycle"), 3))
    if suggestions:
        blocks.append(Bullets(tuple(s.text for s in suggestions)))
        authors = sorted({stakeholder_label(s.stakeholder) for s in suggestions})
        blocks.append(Text(_("Suggested by %(authors)s.") % {"authors": ", ".join(authors)}, "note"))
        documents.extend(s.document for s in suggestions if s.document)
    else:
        blocks.append(Text(_("None suggested yet."), "note"))
    return blocks


def _answer(recommendation: Recommendation) -> str:
    return recommendation.position_label or "–"


def _treaty_bodies(rows: list[Recommendation], documents: list[SourceDocument]) -> list[Block]:
    links = RecommendationLink.objects.filter(Q(source__in=rows) | Q(target__in=rows)).select_related(
        "source__review__mechanism", "target__review__mechanism"
    )
    upr = {r.pk for r in rows}
    similar = {
        other.pk: other
        for link in links
        for other in (link.target, link.source)
        if other.pk not in upr and other.review.mechanism.code != "UPR"
    }
    if not similar:
        return [Text(_("No similar treaty-body recommendation is linked."), "note")]
    found = list(
        Recommendation.objects.filter(pk__in=similar)
        .select_related("review__mechanism")
        .prefetch_related("refs")
    )
    grades: dict[int, list[str]] = defaultdict(list)
    for assessment in (
        Assessment.public_objects.filter(recommendation__in=found)
        .exclude(grade=None)
        .select_related("grade", "document")
        .order_by("pk")
    ):
        text = f"{assessment.grade.code} {assessment.sub_item}".strip() if assessment.grade else ""
        if text not in grades[assessment.recommendation_id]:
            grades[assessment.recommendation_id].append(text)
        if assessment.document:
            documents.append(assessment.document)
    found.sort(key=lambda r: (r.review.mechanism.code, r.review.cycle or 0, number_key(display_ref(r))))
    blocks: list[Block] = []
    for mechanism in dict.fromkeys((r.review.mechanism, tuple(r.review.symbols[:1])) for r in found):
        body, symbols = mechanism
        members = [r for r in found if r.review.mechanism == body and tuple(r.review.symbols[:1]) == symbols]
        blocks.append(
            Heading(
                _("Similar recommendations of the %(body)s") % {"body": _(body.name)}
                + (f" ({symbols[0]})" if symbols else ""),
                3,
            )
        )
        blocks.append(
            Table.of(
                [_("Paragraph"), _("Recommendation"), _("Follow-up grade")],
                [
                    [
                        display_ref(r),
                        (f"{r.theme_heading}\n" if r.theme_heading else "") + r.text,
                        "\n".join(grades.get(r.pk, [])) or "–",
                    ]
                    for r in members
                ],
                widths=(10, 70, 20),
                name="similar",
            )
        )
    return blocks
