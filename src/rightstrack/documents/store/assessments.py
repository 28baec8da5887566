"""Stakeholders, assessments (with their history rows), and follow-up campaigns."""

from __future__ import annotations

from rightstrack.assessments.history import current_actor, snapshot
from rightstrack.assessments.models import (
    Assessment,
    AssessmentHistory,
    CampaignContact,
    FollowUpCampaign,
    Grade,
    Stakeholder,
    Status,
)
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, StakeholderRecord
from rightstrack.documents.models import SourceDocument
from rightstrack.documents.store.places import BATCH, Places
from rightstrack.documents.store.recommendations import Reviews, Stored
from rightstrack.recommendations.models import Review


class Stakeholders:
    """StakeholderRecord → Stakeholder: found by full name, or by acronym, or created."""

    def __init__(self) -> None:
        self.cache: dict[StakeholderRecord, Stakeholder] = {}
        self.created = 0

    def get(self, record: StakeholderRecord) -> Stakeholder:
        if record not in self.cache:
            found = Stakeholder.objects.filter(name=record.name).first()
            if found is None and record.acronym:
                found = Stakeholder.objects.filter(acronym=record.acronym).first()
            if found is None:
                found = Stakeholder.objects.create(name=record.name, acronym=record.acronym, kind=record.kind)
                self.created += 1
            self.cache[record] = found
        return self.cache[record]


def store_assessments(
    parsed: ParsedDocument, reviews: Reviews, stored: Stored, stakeholders: Stakeholders, places: Places
) -> int:
    grades = {(g.scheme.code, g.code): g for g in Grade.objects.select_related("scheme")}
    rows: list[tuple[Assessment, Place]] = []
    status = Status.PUBLISHED if parsed.assessments_published else Status.SUBMITTED
    for record in parsed.assessments:
        review = reviews.get(record.recommendation_review or parsed.review, record.place)
        recommendation = stored.by_number.get((review.pk, record.recommendation_ref))
        if recommendation is None:
            raise DocumentRejected(
                f"an assessment of n° {record.recommendation_ref}, which the document lacks", record.place
            )
        grade = None
        if record.level is not None and record.level != "-":
            grade = grades.get((record.scheme, record.level))
            if grade is None:
                raise DocumentRejected(
                    f"{record.level!r} is not a grade of the scheme {record.scheme!r}", record.place
                )
        assessment = Assessment(
            recommendation=recommendation,
            stakeholder=stakeholders.get(record.stakeholder),
            grade=grade,
            level_basis=record.level_basis[:100],
            original_text=record.text,
            assessed_on=parsed.published_on,
            document=places.document,
            sub_item=record.sub_item[:200],
            source_note=record.source[:500],
            status=status,
        )
        rows.append((assessment, record.place))
    stored.levelled.update(assessment.recommendation_id for assessment, _ in rows)
    if parsed.upsert_assessments:
        return _upsert(parsed, rows, places)
    created = Assessment.private_objects.bulk_create([a for a, _ in rows], batch_size=BATCH)
    actor = current_actor()
    AssessmentHistory.objects.bulk_create(
        [
            AssessmentHistory(
                assessment=a,
                assessment_ref=a.pk,
                user_id=actor.user_id,
                actor=actor.label,
                action="created",
                changes={name: [None, value] for name, value in snapshot(a).items()},
            )
            for a in created
        ],
        batch_size=BATCH,
    )
    for assessment, place in rows:
        places.add(assessment, place)
    return len(created)


def _upsert(parsed: ParsedDocument, rows: list[tuple[Assessment, Place]], places: Places) -> int:
    """A new version of a stakeholder's sheet: change its earlier assessments (history rows by signal)."""
    created = 0
    for fresh, place in rows:
        earlier = (
            Assessment.private_objects.filter(
                recommendation=fresh.recommendation,
                stakeholder=fresh.stakeholder,
                sub_item=fresh.sub_item,
                document__kind=parsed.kind,
            )
            .order_by("-updated_at")
            .first()
        )
        if earlier is None:
            fresh.save()
            created += 1
            places.add(fresh, place)
            continue
        for name in (
            "grade",
            "level_basis",
            "original_text",
            "source_note",
            "document",
            "status",
            "assessed_on",
        ):
            setattr(earlier, name, getattr(fresh, name))
        earlier.save()
        places.add(earlier, place)
    return created


def store_campaign(
    parsed: ParsedDocument,
    document: SourceDocument,
    review: Review,
    stakeholders: Stakeholders,
    places: Places,
) -> None:
    if parsed.author is None or not (parsed.contact_figures or parsed.stated_counts):
        return
    campaign = FollowUpCampaign.objects.create(
        review=review,
        programme=stakeholders.get(parsed.author),
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
        places.add(contact, figure.place)
