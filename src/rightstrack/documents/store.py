"""Storing a parsed document: upsert on natural keys, with the place of every record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from django.contrib.contenttypes.models import ContentType
from django.db import models

from rightstrack.assessments.models import (
    Assessment,
    CampaignContact,
    FollowUpCampaign,
    Grade,
    PublishedLevel,
    Stakeholder,
    Status,
)
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, RecommendationRecord, ReviewKey, StakeholderRecord
from rightstrack.core.states import resolve_state
from rightstrack.core.upr_calendar import upr_review
from rightstrack.core.vocab import UPR_INFO_ISSUES, first_year
from rightstrack.documents.models import Provenance, SourceDocument
from rightstrack.ingest.reading import LoadedFile
from rightstrack.recommendations.models import (
    Mechanism,
    Recommendation,
    RecommendationRef,
    RecommendationTerm,
    Review,
    State,
    Term,
    Vocabulary,
)

UNDETERMINED = "-"


@dataclass
class StoreOutcome:
    created: dict[str, int] = field(
        default_factory=lambda: {"recommendations": 0, "assessments": 0, "stakeholders": 0}
    )
    problems: list[str] = field(default_factory=list)


def known_labels() -> list[str]:
    """Every label and alias of the loaded UPR Info issue vocabularies (what parsers split cells with)."""
    terms = Term.objects.filter(vocabulary__code=UPR_INFO_ISSUES)
    labels = set(terms.values_list("label", flat=True))
    labels.update(terms.values_list("aliases__alias", flat=True).exclude(aliases__alias=None))
    return sorted(labels)


def sort_key(ref: str) -> str:
    """Orders "2" before "10" and "95.2" before "95.10".

    >>> sort_key("95.10") > sort_key("95.2")
    True
    """
    return ".".join(part.zfill(5) for part in re.findall(r"\d+|[^\d.]+", ref))[:32]


def store_document(parsed: ParsedDocument, loaded: LoadedFile) -> StoreOutcome:
    outcome = StoreOutcome(problems=[problem.describe() for problem in parsed.problems])
    document = SourceDocument.objects.create(
        kind=parsed.kind,
        name=loaded.name,
        sha256=loaded.sha256,
        size=loaded.size,
        title=parsed.title,
        symbol=parsed.symbol,
        published_on=parsed.published_on,
    )
    review = _review(parsed.review)
    terms = _TermLookup(parsed)
    by_ref: dict[str, Recommendation] = {}
    for record in parsed.recommendations:
        recommendation, created = _recommendation(review, record)
        outcome.created["recommendations"] += created
        by_ref[record.ref] = recommendation
        _place(document, recommendation, record.place)
        _tag(recommendation, record, terms, outcome)
        _published_level(document, recommendation, record)
    stakeholders = _Stakeholders(outcome)
    for assessment in parsed.assessments:
        recommendation = by_ref[assessment.recommendation_ref]
        row = Assessment.private_objects.create(
            recommendation=recommendation,
            stakeholder=stakeholders.get(assessment.stakeholder),
            grade=_grade(assessment.level, assessment.place),
            level_basis=assessment.level_basis,
            original_text=assessment.text,
            assessed_on=parsed.published_on,
            document=document,
            status=Status.PUBLISHED,
        )
        _place(document, row, assessment.place)
        outcome.created["assessments"] += 1
    if parsed.author and (parsed.contact_figures or parsed.stated_counts):
        _campaign(parsed, document, review, stakeholders.get(parsed.author))
    document.problems = outcome.problems
    document.save(update_fields=["problems"])
    return outcome


def _review(key: ReviewKey) -> Review:
    try:
        state = State.objects.get(code=key.state)
    except State.DoesNotExist:
        raise DocumentRejected(f"unknown State {key.state!r}") from None
    mechanism = Mechanism.objects.get(code=key.mechanism)
    review, _ = Review.objects.get_or_create(state=state, mechanism=mechanism, cycle=key.cycle)
    if key.mechanism == "UPR" and (key.session is None or key.year is None):
        known = upr_review(key.state, key.cycle)
        if known is not None:
            key = replace(key, session=key.session or known.session, year=key.year or known.year)
    changed: list[str] = []
    if key.session is not None and review.session is None:
        review.session = key.session
        changed.append("session")
    if key.year is not None and review.year is None:
        review.year = key.year
        changed.append("year")
    if changed:
        review.save(update_fields=changed)
    return review


def _recommendation(review: Review, record: RecommendationRecord) -> tuple[Recommendation, bool]:
    ref = RecommendationRef.objects.filter(review=review, scheme=record.ref_scheme, value=record.ref).first()
    if ref is not None:
        recommendation = ref.recommendation
        updates = []
        if record.response and not recommendation.response:
            recommendation.response = record.response
            updates.append("response")
        if record.action_category and recommendation.action_category is None:
            recommendation.action_category = record.action_category
            updates.append("action_category")
        if updates:
            recommendation.save(update_fields=updates)
        return recommendation, False
    recommendation = Recommendation.objects.create(
        review=review,
        text=record.text,
        response=record.response,
        action_category=record.action_category,
        group=record.group,
        theme_heading=record.theme_heading,
        sort_key=sort_key(record.ref),
    )
    RecommendationRef.objects.create(
        review=review, recommendation=recommendation, scheme=record.ref_scheme, value=record.ref
    )
    states: list[str] = []
    for name in record.recommending_states:
        code = resolve_state(name)
        if code is None:
            raise DocumentRejected(f"recommending State {name!r} is not in the State register", record.place)
        states.append(code)
    recommendation.recommending_states.set(State.objects.filter(code__in=states))
    return recommendation, True


class _TermLookup:
    """Maps labels (and aliases) to terms of the vocabulary version the document belongs to."""

    def __init__(self, parsed: ParsedDocument) -> None:
        self.year = parsed.published_on.year if parsed.published_on else 9999
        self.maps: dict[str, dict[str, Term]] = {}

    def terms(self, code: str, place: Place) -> dict[str, Term]:
        if code not in self.maps:
            versions = [v for v in Vocabulary.objects.filter(code=code) if first_year(v.version) <= self.year]
            if not versions:
                raise DocumentRejected(
                    f"the vocabulary {code!r} is not loaded; "
                    "load it first with `rightstrack vocab import FILE`",
                    place,
                )
            vocabulary = max(versions, key=lambda v: first_year(v.version))
            mapping: dict[str, Term] = {}
            for term in vocabulary.terms.prefetch_related("aliases"):
                mapping[term.label.casefold()] = term
                for alias in term.aliases.all():
                    mapping[alias.alias.casefold()] = term
            self.maps[code] = mapping
        return self.maps[code]


def _tag(
    recommendation: Recommendation, record: RecommendationRecord, lookup: _TermLookup, outcome: StoreOutcome
) -> None:
    for code, labels in record.terms.items():
        if code.endswith("-unmatched"):
            continue
        mapping = lookup.terms(code, record.place)
        for label in labels:
            term = mapping.get(label.casefold())
            if term is None:
                outcome.problems.append(
                    f"{record.place.describe()}: {label!r} is not a label of {code}; not tagged"
                )
                continue
            RecommendationTerm.objects.get_or_create(recommendation=recommendation, term=term)


def _grade(level: str | None, place: Place) -> Grade | None:
    if level is None or level == UNDETERMINED:
        return None
    grade = Grade.objects.filter(scheme__code="iri", code=level).first()
    if grade is None:
        raise DocumentRejected(f"{level!r} is not a level of the IRI grading scheme", place)
    return grade


def _published_level(
    document: SourceDocument, recommendation: Recommendation, record: RecommendationRecord
) -> None:
    if record.published_level is None:
        return
    level = PublishedLevel.objects.create(
        recommendation=recommendation,
        grade=_grade(record.published_level, record.published_level_place or record.place),
        undetermined=record.published_level == UNDETERMINED,
        document=document,
    )
    _place(document, level, record.published_level_place or record.place)


class _Stakeholders:
    def __init__(self, outcome: StoreOutcome) -> None:
        self.outcome = outcome
        self.cache: dict[StakeholderRecord, Stakeholder] = {}

    def get(self, record: StakeholderRecord) -> Stakeholder:
        if record not in self.cache:
            found = Stakeholder.objects.filter(name=record.name).first()
            if found is None and record.acronym:
                found = Stakeholder.objects.filter(acronym=record.acronym, name=record.acronym).first()
                if found is not None and record.name != record.acronym:
                    found.name = record.name
                    found.save(update_fields=["name"])
            if found is None:
                found = Stakeholder.objects.create(name=record.name, acronym=record.acronym, kind=record.kind)
                self.outcome.created["stakeholders"] += 1
            self.cache[record] = found
        return self.cache[record]


def _campaign(
    parsed: ParsedDocument, document: SourceDocument, review: Review, programme: Stakeholder
) -> None:
    campaign = FollowUpCampaign.objects.create(
        review=review,
        programme=programme,
        document=document,
        published_on=parsed.published_on,
        stated_counts=parsed.stated_counts,
    )
    for figure in parsed.contact_figures:
        contact = CampaignContact.objects.create(
            campaign=campaign,
            group=figure.group,
            contacted=figure.contacted,
            responded=figure.responded,
            note=figure.note,
        )
        _place(document, contact, figure.place)


def _place(document: SourceDocument, record: models.Model, place: Place, datum: str = "") -> None:
    Provenance.objects.create(
        document=document,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        field=datum,
        section=place.section,
        line=place.line,
        page=place.page,
        paragraph=place.paragraph,
        row=place.row,
        cell=place.cell,
    )
