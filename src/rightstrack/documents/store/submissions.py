"""Documents that speak of existing recommendations only (a filled stakeholder sheet).

Such a document adds no recommendation, reference, recommending State, review or State, and no place
of a recommendation: all it may write are the assessments it holds (waiting for an editor unless it
is published on import). Each of its records must name a recommendation of the review by one of its
references, with that recommendation's text; every record that does not is reported at its place
(the hidden sheet's cell), all together, and nothing is stored.
"""

from __future__ import annotations

from collections import defaultdict

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, RecommendationRecord
from rightstrack.core.text import normalise
from rightstrack.documents.store.recommendations import Stored
from rightstrack.recommendations.models import Recommendation, RecommendationRef, Review

#: The scheme of a sheet row naming a recommendation that has no reference of any document.
OWN_ID = "rightstrack-id"
#: Problems listed in the refusal before "and N more".
SHOWN = 50


def existing_review(parsed: ParsedDocument) -> Review:
    """The review the document is about, which must exist: such a document never creates one."""
    key = parsed.review
    review = Review.objects.filter(state_id=key.state, mechanism__code=key.mechanism, cycle=key.cycle).first()
    if review is None:
        cycle = f" cycle {key.cycle}" if key.cycle is not None else ""
        raise DocumentRejected(
            f"{key.state} {key.mechanism}{cycle} is not a review in RightsTrack: "
            "a sheet can only be about a review it was written for",
            parsed.review_place,
        )
    return review


def _candidates(review: Review) -> dict[tuple[str, str], list[Recommendation]]:
    """(scheme, value + part) → the review's recommendations that carry the reference."""
    recommendations = {r.pk: r for r in Recommendation.objects.filter(review=review)}
    found: dict[tuple[str, str], list[Recommendation]] = defaultdict(list)
    for rec_id, scheme, value, part in RecommendationRef.objects.filter(review=review).values_list(
        "recommendation_id", "scheme", "value", "part"
    ):
        if rec_id in recommendations:
            found[(scheme, value + part)].append(recommendations[rec_id])
    for pk, recommendation in recommendations.items():
        found[(OWN_ID, str(pk))].append(recommendation)
    return found


def _cell(place: Place, column: str) -> str:
    """``section!B12``: the cell of ``column`` on the record's row."""
    where = f"{column}{place.row}" if place.row is not None else place.describe()
    return f"{place.section}!{where}" if place.section else where


def match_existing(parsed: ParsedDocument, review: Review) -> Stored:
    """The recommendation each record names, or every mismatch refused at its cell."""
    candidates = _candidates(review)
    stored = Stored()
    seen: dict[int, RecommendationRecord] = {}
    errors: list[str] = []
    for record in parsed.recommendations:
        if record.review is not None and (record.review.state, record.review.cycle) != (
            review.state_id,
            review.cycle,
        ):
            errors.append(f"{_cell(record.place, 'A')}: a row of another review")
            continue
        named = candidates.get((record.ref_scheme, record.ref + record.ref_part), [])
        if not named:
            errors.append(
                f"{_cell(record.place, 'B')}: {record.ref_scheme} {record.ref!r} is not a recommendation "
                f"of {review}"
            )
            continue
        norm = normalise(record.text)
        same = [r for r in named if normalise(r.text) == norm]
        if not same:
            errors.append(
                f"{_cell(record.place, 'C')}: the text is not that of {record.ref_scheme} {record.ref} "
                f"of {review}"
            )
            continue
        recommendation = same[0]
        if recommendation.pk in seen:
            errors.append(f"{_cell(record.place, 'B')}: {record.ref_scheme} {record.ref} is listed twice")
            continue
        seen[recommendation.pk] = record
        stored.by_ref[(review.pk, record.ref_scheme, record.ref)] = recommendation
        stored.by_number[(review.pk, record.ref)] = recommendation
    if errors:
        shown = "; ".join(errors[:SHOWN])
        more = f"; and {len(errors) - SHOWN} more" if len(errors) > SHOWN else ""
        raise DocumentRejected(
            f"{len(errors)} problem(s) in the sheet's record of the recommendations: {shown}{more}",
            Place(section=parsed.recommendations[0].place.section),
        )
    return stored
