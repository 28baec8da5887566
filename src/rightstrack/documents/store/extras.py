"""The other records a document may hold: action plans, treaties, review facts, links, suggestions."""

from __future__ import annotations

import re

from rightstrack.actionplans.models import ActionPlan, Agency, Measure
from rightstrack.assessments.models import IssueSummary, Suggestion
from rightstrack.core.records import ParsedDocument
from rightstrack.documents.store.assessments import Stakeholders
from rightstrack.documents.store.places import Places
from rightstrack.documents.store.recommendations import Reviews, Stored, sort_key
from rightstrack.recommendations.models import RecommendationLink, Review, State
from rightstrack.treaties.models import FollowUpDecision, Treaty, TreatyStatus


def store_extras(
    parsed: ParsedDocument, reviews: Reviews, stored: Stored, stakeholders: Stakeholders, places: Places
) -> list[str]:
    """Store the document's other records; returns the problems met on the way."""
    _review_infos(parsed, reviews)
    _follow_up_decisions(parsed, reviews, places)
    _state_facts(parsed)
    problems = _treaties(parsed, places)
    _measures(parsed, reviews, stored, places)
    _links(parsed, reviews, stored)
    _suggestions(parsed, reviews, stakeholders, places)
    _issue_summaries(parsed, reviews, stakeholders, places)
    return problems


def _review_infos(parsed: ParsedDocument, reviews: Reviews) -> None:
    for info in parsed.review_infos:
        review = reviews.get(info.review, info.place)
        changed = []
        for symbol in info.symbols:
            if symbol not in review.symbols:
                review.symbols = [*review.symbols, symbol]
                changed.append("symbols")
        if info.held_on and review.started_on is None:
            review.started_on = info.held_on
            changed.append("started_on")
        if info.adopted_on and review.adopted_on is None:
            review.adopted_on = info.adopted_on
            changed.append("adopted_on")
        if changed:
            review.save(update_fields=sorted(set(changed)))


def _follow_up_decisions(parsed: ParsedDocument, reviews: Reviews, places: Places) -> None:
    """The treaty body's decision on each review's follow-up, one per review and report."""
    for record in parsed.follow_up_decisions:
        decision, _ = FollowUpDecision.objects.update_or_create(
            review=reviews.get(record.review, record.place),
            document=places.document,
            defaults=dict(
                report_symbol=(record.report_symbol or parsed.symbol)[:100],
                decided_on=parsed.published_on,
                kind=record.kind,
                text=record.text,
                next_report_due=record.next_report_due,
                next_report_due_text=record.next_report_due_text[:200],
            ),
        )
        places.add(decision, record.place)


def _state_facts(parsed: ParsedDocument) -> None:
    for fact in parsed.state_facts:
        updates: dict[str, object] = {}
        if fact.regional_group:
            updates["regional_group"] = fact.regional_group[:32]
        if fact.organisations:
            updates["organisations"] = list(fact.organisations)
        if updates:
            State.objects.filter(code=fact.state).update(**updates)


def _treaties(parsed: ParsedDocument, places: Places) -> list[str]:
    """Treaty statuses; a treaty the document lists twice keeps its first row (reported)."""
    problems: list[str] = []
    seen: set[str] = set()
    for record in parsed.treaties:
        code = (record.code or _slug(record.treaty))[:64]
        if code in seen:
            problems.append(
                f"{record.place.describe()}: {record.treaty!r} is listed again; the first row is kept"
            )
            continue
        seen.add(code)
        treaty, _ = Treaty.objects.get_or_create(code=code, defaults={"name": record.treaty[:500]})
        status = TreatyStatus.objects.create(
            state_id=parsed.review.state,
            treaty=treaty,
            status=record.status[:32],
            date=record.date,
            date_text=record.date_text[:100],
            note=record.note,
            document=places.document,
        )
        places.add(status, record.place)
    return problems


def _measures(parsed: ParsedDocument, reviews: Reviews, stored: Stored, places: Places) -> None:
    if not parsed.measures:
        return
    plan, _ = ActionPlan.objects.get_or_create(
        state_id=parsed.review.state,
        title=(parsed.title or "Action plan")[:500],
        defaults={"document": places.document},
    )
    agencies: dict[str, Agency] = {}
    for record in parsed.measures:
        measure = Measure.objects.create(
            plan=plan,
            number=record.number[:32],
            text=record.text,
            completion_form=record.completion_form[:300],
            deadline_text=record.deadline_text[:200],
            deadline=record.deadline,
            theme=record.theme[:300],
            sort_key=sort_key(record.number),
        )
        for agency_record in record.agencies:
            if agency_record.name not in agencies:
                agencies[agency_record.name], _ = Agency.objects.get_or_create(
                    state_id=parsed.review.state,
                    name=agency_record.name[:300],
                    defaults={"acronym": agency_record.acronym[:50]},
                )
            measure.agencies.add(agencies[agency_record.name])
        for key, scheme, ref in record.recommendation_refs:
            recommendation = stored.by_ref.get((reviews.get(key).pk, scheme, ref))
            if recommendation is not None:
                measure.recommendations.add(recommendation)
        places.add(measure, record.place)


def _links(parsed: ParsedDocument, reviews: Reviews, stored: Stored) -> None:
    for link in parsed.links:
        source = stored.by_ref.get((reviews.get(link.source_review).pk, link.source_scheme, link.source_ref))
        target = stored.by_ref.get((reviews.get(link.target_review).pk, link.target_scheme, link.target_ref))
        if source is None or target is None:
            continue
        RecommendationLink.objects.get_or_create(
            source=source,
            target=target,
            kind=link.kind,
            defaults={"score": 1.0, "origin": places_name(parsed)},
        )


def places_name(parsed: ParsedDocument) -> str:
    return (parsed.title or parsed.kind)[:100]


def _suggestions(
    parsed: ParsedDocument, reviews: Reviews, stakeholders: Stakeholders, places: Places
) -> None:
    for record in parsed.suggestions:
        author = record.author or parsed.author
        if author is None:
            continue
        suggestion = Suggestion.objects.create(
            stakeholder=stakeholders.get(author),
            review=reviews.get(record.for_review) if record.for_review else None,
            theme=record.theme[:300],
            text=record.text,
            document=places.document,
        )
        places.add(suggestion, record.place)


def _issue_summaries(
    parsed: ParsedDocument, reviews: Reviews, stakeholders: Stakeholders, places: Places
) -> None:
    if parsed.author is None:
        return
    author = stakeholders.get(parsed.author)
    for record in parsed.issue_summaries:
        review: Review = reviews.get(record.review or parsed.review, record.place)
        summary = IssueSummary.objects.create(
            stakeholder=author,
            review=review,
            issue=record.issue[:300],
            total=record.total,
            total_text=record.total_text[:200],
            implemented=record.implemented,
            partially=record.partially,
            not_implemented=record.not_implemented,
            evidence=record.evidence,
            document=places.document,
        )
        places.add(summary, record.place)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
