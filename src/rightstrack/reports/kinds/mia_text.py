"""The fixed texts of an MIA: the programme's purpose and the methodology, with the IRI table."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from rightstrack.core.iri import FULLY_FROM, PARTIALLY_FROM
from rightstrack.reports.document import Block, Heading, Table, Text
from rightstrack.reports.kinds.common import level_label


def purpose() -> list[Block]:
    return [
        Text(
            _(
                "The second and subsequent cycles of the review should focus on, inter alia, the "
                "implementation of the accepted recommendations and the development of the human rights "
                "situation in the State under review."
            ),
            "quote",
        ),
        Text(_("A/HRC/RES/16/21, 12 April 2011 (Annex I C § 6)"), "note"),
        Text(
            _(
                "About two years after a review, the follow-up programme asks the State under review, the "
                "national human rights institution, NGOs and UN agencies how far each recommendation has "
                "been implemented, and publishes their responses with an implementation index. States "
                "should implement the recommendations they accepted; civil society monitors that they do."
            )
        ),
        Text(
            _(
                "The methodology used to collect the responses and to compute the index is described at "
                "the end of this document."
            )
        ),
    ]


def methodology() -> list[Block]:
    return [
        Heading(_("A. First contact"), 3),
        Text(
            _(
                "The Permanent Mission of the State under review, every NGO that took part in the review "
                "(each member of a coalition individually), the national human rights institution where "
                "one exists and the UN agencies that sent information for the review were contacted."
            )
        ),
        Heading(_("B. Processing the recommendations"), 3),
        Text(
            _(
                "Stakeholders are encouraged to answer in a sheet listing every recommendation of the "
                "review. A submission in another form is split among the recommendations it addresses. "
                "Where a stakeholder says neither that a recommendation is fully implemented nor that it "
                "is not implemented, it is usually counted as partially implemented. Comments that do not "
                "address the recommendation, are too long, defamatory or inappropriate may be edited; the "
                "original words are kept."
            )
        ),
        Heading(_("C. Implementation Recommendation Index (IRI)"), 3),
        Text(
            _(
                "The IRI shows the average of the stakeholders' responses on one recommendation: a claim "
                "that nothing has been implemented scores 0, partially 0.5, fully 1, and the IRI is their "
                "mean. If the State under review claims a recommendation is fully implemented and a "
                "stakeholder says it is partially implemented, the score is 0.75. The score becomes an "
                "implementation level by this table:"
            )
        ),
        iri_table(),
        Text(
            _(
                "Example: a stakeholder says a recommendation asking for a national human rights "
                "institution has not been implemented (0); the State claims it has partially set one up "
                "(0.5). The IRI is 0.25: not implemented."
            )
        ),
        Heading(_("Disclaimer"), 3),
        Text(
            _(
                "The comments are their authors' alone and do not necessarily reflect the views of the "
                "publisher of this assessment."
            ),
            "note",
        ),
    ]


def iri_table() -> Table:
    step = Decimal("0.01")  # the table is printed with two decimals
    return Table.of(
        [_("Score"), _("Implementation level")],
        [
            [f"0 – {PARTIALLY_FROM - step}", level_label("not implemented")],
            [f"{PARTIALLY_FROM} – {FULLY_FROM - step}", level_label("partially implemented")],
            [f"{FULLY_FROM} – 1", level_label("fully implemented")],
        ],
        caption=_("From IRI score to implementation level"),
        row_headers=True,
    )
