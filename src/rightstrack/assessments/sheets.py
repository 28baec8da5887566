"""Writing the stakeholder sheet of a review from the database (the reading is in ingest)."""

from __future__ import annotations

from rightstrack.assessments.picture import preferred_ref, review_picture
from rightstrack.core.records import ReviewKey, StakeholderRecord
from rightstrack.ingest.sources.stakeholder_sheet.sheet import SheetRow, SheetSpec, write_sheet
from rightstrack.recommendations.models import Review
from rightstrack.recommendations.states import in_order as states_in_order


def sheet_for(review: Review, stakeholder: StakeholderRecord) -> bytes:
    rows = []
    for row in review_picture(review).rows:
        scheme, ref = preferred_ref(row.recommendation)
        states = ", ".join(state.name for state in states_in_order(row.recommendation))
        response = row.recommendation.position_label
        rows.append(SheetRow(scheme, ref, row.recommendation.text, states, response))
    spec = SheetSpec(
        review=ReviewKey(review.state_id, review.mechanism.code, review.cycle, review.session, review.year),
        review_title=str(review),
        stakeholder=stakeholder,
        rows=tuple(rows),
    )
    return write_sheet(spec)
