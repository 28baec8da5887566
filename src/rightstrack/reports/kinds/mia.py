"""``mia``: a Mid-term Implementation Assessment of one UPR review, as UPR Info publishes it (seed 000).

Purpose; sources and results (who was contacted, who answered); the IRI summary; the index (n°,
issues, page, IRI); every stakeholder's response, by theme, joint recommendations together; the
methodology with the IRI table; the recommendations nobody commented on.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from rightstrack.assessments.models import Assessment, FollowUpCampaign
from rightstrack.assessments.picture import RecommendationPicture, ReviewPicture, review_picture
from rightstrack.core import charts as specs
from rightstrack.core.iri import Outcome
from rightstrack.recommendations.models import Review
from rightstrack.reports.base import Request, find_review
from rightstrack.reports.charts import chart
from rightstrack.reports.document import Cell, Chart, Heading, Report, Table, Text
from rightstrack.reports.kinds import mia_text
from rightstrack.reports.kinds.common import (
    CONTACT_GROUPS,
    level_label,
    long_date,
    stakeholder_label,
    state_label,
)
from rightstrack.reports.kinds.mia_feedback import feedback, uncommented

FORMATS = ("html", "pdf", "docx")
OPTIONS = ("cycle", "date")


def build(request: Request) -> Report:
    state = request.state
    reviews = list(
        Review.objects.filter(state=state, mechanism__code="UPR")
        .filter(recommendations__assessments__status="published")
        .distinct()
        .select_related("state", "mechanism")
    )
    followed = [review for review in reviews if review.campaigns.exists()]  # a follow-up round first
    review = find_review(
        state,
        "UPR",
        request.number("cycle"),
        followed if followed and request.number("cycle") is None else reviews,
    )
    campaign = (
        FollowUpCampaign.objects.filter(review=review)
        .select_related("programme", "document")
        .order_by("-published_on", "-id")
        .first()
    )
    picture = review_picture(review)
    documents = [campaign.document] if campaign and campaign.document else []
    if not documents:
        documents = [a.document for row in picture.rows for a in row.assessments if a.document]
    report = Report(
        kind="mia",
        state=state.code,
        language=request.language,
        date=request.stated_date(documents),
        title=_("%(state)s Mid-term Implementation Assessment") % {"state": state_label(state)},
        subtitle=_("Implementation of the recommendations of the UPR review of %(year)s (cycle %(cycle)s)")
        % {"year": review.year or "", "cycle": review.cycle or ""},
        author=campaign.programme.name if campaign else "RightsTrack",
        slug=f"upr{review.cycle or ''}",
    )
    report.add(Heading(_("Introduction"), 2), Heading(_("1. Purpose of the follow-up programme"), 3))
    report.add(*mia_text.purpose())
    report.add(Text(long_date(report.date), "note"))
    report.add(Heading(_("Follow-up outcomes"), 2, page_break=True))
    report.add(Heading(_("1. Sources and results"), 3))
    _sources(report, campaign, picture)
    report.add(Text(summary_sentence(picture), "lead"))
    report.add(_levels_chart(picture))
    report.add(Heading(_("2. Index"), 3, page_break=True))
    report.add(Text(_("The recommendations this assessment deals with:")))
    report.add(index_table(picture))
    report.add(Heading(_("3. Feedbacks on recommendations"), 2, page_break=True))
    report.add(*feedback(picture))
    report.add(Heading(_("Methodology"), 2, page_break=True))
    report.add(*mia_text.methodology())
    report.add(Heading(_("Uncommented recommendations"), 2, page_break=True))
    report.add(*uncommented(picture))
    return report


def summary_sentence(picture: ReviewPicture) -> str:
    """ "IRI: 66 recommendations are not implemented, ... 2 undetermined ... No answer ... 9 out of 129":
    every outcome, so the figures add up to the total."""
    counts = picture.counts
    return _(
        "IRI: %(not)s recommendations are not implemented, %(partially)s recommendations are partially "
        "implemented and %(fully)s recommendations are fully implemented; for %(undetermined)s the "
        "responses leave the level undetermined. No answer was received for %(none)s out of %(total)s "
        "recommendations."
    ) % {
        "not": counts.get(Outcome.NOT.value, 0),
        "partially": counts.get(Outcome.PARTIALLY.value, 0),
        "fully": counts.get(Outcome.FULLY.value, 0),
        "undetermined": counts.get(Outcome.UNDETERMINED.value, 0),
        "none": counts.get(Outcome.NO_ANSWER.value, 0),
        "total": len(picture.rows),
    }


def anchor(row: RecommendationPicture) -> str:
    return f"rec-{row.ref}"


def index_table(picture: ReviewPicture) -> Table:
    """n°, issues, page (the PDF's own), IRI: every recommendation somebody commented on."""
    rows = [
        (
            Cell(row.ref),
            Cell(", ".join(row.issues)),
            Cell(_("page"), page_of=anchor(row)),
            Cell(level_label(row.iri.outcome) if row.iri.outcome != Outcome.UNDETERMINED else "-"),
        )
        for row in picture.rows
        if row.iri.outcome != Outcome.NO_ANSWER
    ]
    return Table(
        (_("rec. n°"), _("Issues"), _("Page"), _("Implementation (IRI)")),
        tuple(rows),
        widths=(9, 53, 14, 24),
        name="index",
    )


def _sources(report: Report, campaign: FollowUpCampaign | None, picture: ReviewPicture) -> None:
    contacts = list(campaign.contacts.all()) if campaign else []
    for contact in contacts:
        if contact.group == "reports" and contact.contacted is not None:
            report.add(
                Text(_("%(n)s stakeholders' reports were submitted for the UPR.") % {"n": contact.contacted})
            )
    groups = [c for c in contacts if c.group != "reports"]
    if groups:
        # The programme's own sentences (CampaignContact.note) are its words: the report gives the figures.
        table_rows = [[_(CONTACT_GROUPS.get(c.group, c.group)), c.contacted, c.responded] for c in groups]
        data = Table.of(
            [_("Stakeholders"), _("Contacted"), _("Responded")],
            table_rows,
            caption=_("Who was contacted and who responded"),
            row_headers=True,
            widths=(40, 30, 30),
        )
        chart_rows = []
        for c in groups:
            contacted, responded = c.contacted or 0, min(c.responded or 0, c.contacted or 0)
            name = _(CONTACT_GROUPS.get(c.group, c.group))
            chart_rows.append({"group": name, "status": "responded", "stakeholders": responded})
            chart_rows.append(
                {"group": name, "status": "did not respond", "stakeholders": contacted - responded}
            )
        report.add(chart(specs.response_rate(chart_rows), data))
    answered: Counter[int] = Counter()
    by_id: dict[int, Assessment] = {}
    for row in picture.rows:
        for assessment in {a.stakeholder_id: a for a in row.assessments}.values():
            answered[assessment.stakeholder_id] += 1
            by_id[assessment.stakeholder_id] = assessment
    ordered = sorted(by_id.values(), key=lambda a: a.stakeholder.name)
    report.add(
        Table.of(
            [_("Stakeholder"), _("Recommendations answered")],
            [[stakeholder_label(a.stakeholder), answered[a.stakeholder_id]] for a in ordered],
            caption=_("Stakeholders whose responses are published here"),
            row_headers=True,
            widths=(75, 25),
        )
    )


def _levels_chart(picture: ReviewPicture) -> Chart:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in picture.rows:
        theme = row.recommendation.theme_heading or _("Other")
        counts[theme][row.iri.outcome.value] += 1
    themes = sorted(counts)
    rows = [
        {"theme": theme, "level": level, "recommendations": n}
        for theme in themes
        for level, n in sorted(counts[theme].items())
    ]
    data = Table.of(
        [_("Theme"), *(level_label(level) for level in specs.LEVEL_ORDER), _("Total")],
        [
            [
                theme,
                *(counts[theme].get(level, 0) for level in specs.LEVEL_ORDER),
                sum(counts[theme].values()),
            ]
            for theme in themes
        ],
        caption=_("The data as a table"),
        row_headers=True,
        widths=(16, 14, 14, 14, 16, 14, 12),  # each level's header fits its column (report.css: per-theme)
        name="per-theme",
    )
    return chart(specs.levels_by_theme(rows), data)
