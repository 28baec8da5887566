"""``treatybody``: the follow-up of a treaty body's concluding observations (seed 003): per paragraph,
each sub-recommendation with its grade, the State's action and the comments, under the grading
scheme the assessments use (Human Rights Committee A–E, the 2012 NGO scheme A1…N/A)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from rightstrack.assessments.models import Assessment, Grade
from rightstrack.assessments.picture import display_ref
from rightstrack.recommendations.models import Recommendation, Review
from rightstrack.reports.base import Request
from rightstrack.reports.document import Block, Heading, Report, Table, Text
from rightstrack.reports.errors import ReportError
from rightstrack.reports.kinds.common import long_date, number_key, stakeholder_label, state_label

FORMATS = ("html", "pdf", "docx")
OPTIONS = ("mechanism", "cycle", "date")
_PART = re.compile(r"(?:^|\n\n)(Overview|Action taken by the State|Other comments): ")


def split_text(text: str) -> dict[str, str]:
    """An assessment's text in its labelled parts (``Overview: …``); unlabelled text is a comment.

    >>> split_text("Overview: Slow.\\n\\nAction taken by the State: A draft law.")
    {'Overview': 'Slow.', 'Action taken by the State': 'A draft law.'}
    >>> split_text("The Committee regrets ...")
    {'Other comments': 'The Committee regrets ...'}
    """
    pieces = _PART.split(text.strip())
    if len(pieces) == 1:
        return {"Other comments": text.strip()}
    parts = {"Other comments": pieces[0].strip()} if pieces[0].strip() else {}
    for label, body in zip(pieces[1::2], pieces[2::2], strict=True):
        parts[label] = body.strip()
    return parts


def full_sentences(openings: list[str], text: str) -> dict[str, str]:
    """Each opening ("The State party should strengthen its efforts to…") completed from ``text``:
    from where it starts to where the next one starts."""
    starts = sorted(
        (found, opening)
        for opening in openings
        if opening.endswith("…") and (found := text.find(opening[:-1].strip())) >= 0
    )
    result = {}
    for position, (start, opening) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(text)
        result[opening] = text[start:end].strip()
    return result


def build(request: Request) -> Report:
    state = request.state
    mechanism = (request.text("mechanism") or "CCPR").upper()
    graded = Assessment.public_objects.filter(
        recommendation__review__state=state, recommendation__review__mechanism__code=mechanism
    )
    reviews = Review.objects.filter(pk__in=graded.values("recommendation__review")).select_related(
        "mechanism"
    )
    cycle = request.number("cycle")
    if cycle is not None:
        reviews = reviews.filter(cycle=cycle)
    found = list(reviews.order_by("cycle", "year", "pk"))
    if not found:
        raise ReportError(
            f"no published follow-up of {mechanism} recommendations to {state.code}"
            + (f" in cycle {cycle}" if cycle is not None else "")
        )
    assessments = list(
        graded.filter(recommendation__review__in=found)
        .select_related("stakeholder", "grade__scheme", "document", "recommendation")
        .order_by("pk")
    )
    documents = [a.document for a in assessments if a.document]
    blocks: list[Block] = []
    for position, review in enumerate(found):
        own = [a for a in assessments if a.recommendation.review_id == review.pk]
        blocks.extend(_review(review, own, first=position == 0))
    body = found[0].mechanism
    return Report(
        kind="treatybody",
        state=state.code,
        language=request.language,
        date=request.stated_date(documents),
        title=_("%(state)s: follow-up of the %(body)s's recommendations")
        % {"state": state_label(state), "body": _(body.name)},
        subtitle=_(
            "Per paragraph of the concluding observations: each sub-recommendation, its grade, the "
            "State's action and the comments"
        ),
        slug=mechanism.casefold() + (str(cycle) if cycle is not None else ""),
        blocks=blocks,
    )


def _review(review: Review, assessments: list[Assessment], first: bool) -> list[Block]:
    symbol = review.symbols[0] if review.symbols else ""
    title = (
        _("Concluding observations %(symbol)s") % {"symbol": symbol}
        if symbol
        else _("Concluding observations")
    )
    when = f" ({review.year})" if review.year else ""
    blocks: list[Block] = [Heading(title + when, 2, page_break=not first)]
    if review.adopted_on:
        blocks.append(Text(_("Adopted on %(date)s.") % {"date": long_date(review.adopted_on)}, "note"))
    grades = [a.grade for a in assessments if a.grade is not None]
    counts = Counter(grade.pk for grade in grades)
    used = sorted({grade.pk: grade for grade in grades}.values(), key=lambda g: (g.scheme.code, g.order))
    if used:
        blocks.append(
            Table.of(
                [_("Grade"), _("Meaning"), _("Score"), _("Sub-recommendations")],
                [[g.code, f"{_(g.label)} ({_(g.scheme.name)})", _score(g), counts[g.pk]] for g in used],
                caption=_("Grades given"),
                row_headers=True,
                widths=(10, 60, 10, 20),
            )
        )
    by_recommendation: dict[int, list[Assessment]] = defaultdict(list)
    for assessment in assessments:
        by_recommendation[assessment.recommendation_id].append(assessment)
    recommendations = sorted(
        Recommendation.objects.filter(pk__in=by_recommendation).prefetch_related("refs"),
        key=lambda r: number_key(display_ref(r)),
    )
    for recommendation in recommendations:
        blocks.extend(_paragraph(recommendation, by_recommendation[recommendation.pk]))
    return blocks


def _score(grade: Grade) -> str:
    return f"{grade.score.normalize()}" if grade.score is not None else "–"


def _paragraph(recommendation: Recommendation, assessments: list[Assessment]) -> list[Block]:
    blocks: list[Block] = [Heading(_("Paragraph %(n)s") % {"n": display_ref(recommendation)}, 3)]
    if recommendation.theme_heading:
        blocks.append(Text(recommendation.theme_heading, "strong"))
    sentences = full_sentences([a.sub_item for a in assessments], recommendation.text)
    if not sentences:  # the table's first column does not hold the paragraph's words
        blocks.append(Text(recommendation.text, "quote"))
    several = len({a.stakeholder_id for a in assessments}) > 1
    rows = []
    for assessment in assessments:
        parts = split_text(assessment.shown_text)
        comments = "\n\n".join(text for label in ("Overview", "Other comments") if (text := parts.get(label)))
        rows.append(
            [
                sentences.get(assessment.sub_item, assessment.sub_item) or "–",
                assessment.grade.code if assessment.grade else "–",
                parts.get("Action taken by the State", "–"),
                comments or "–",
                *([assessment.stakeholder.acronym or assessment.stakeholder.name] if several else []),
            ]
        )
    columns = [_("Sub-recommendation"), _("Grade"), _("Action taken by the State"), _("Comments")]
    blocks.append(
        Table.of(
            columns + ([_("By")] if several else []),
            rows,
            widths=(26, 7, 25, 32, 10) if several else (30, 7, 28, 35),
            name="followup",
        )
    )
    if not several:
        blocks.append(
            Text(_("Assessed by %(who)s.") % {"who": stakeholder_label(assessments[0].stakeholder)}, "note")
        )
    return blocks
