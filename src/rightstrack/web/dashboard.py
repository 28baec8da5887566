"""A State's dashboard: the data of every chart, computed from the same filtered recommendations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from rightstrack.assessments.models import Assessment, CampaignContact
from rightstrack.core import charts
from rightstrack.core.iri import Level
from rightstrack.portal.models import CampaignInvitation
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, State
from rightstrack.web.listing import Filters, filtered

GROUP_NAMES = {
    "ngo": gettext_noop("NGOs"),
    "un_agency": gettext_noop("UN agencies"),
    "state": gettext_noop("the State"),
    "nhri": gettext_noop("NHRI"),
}
#: The words of the suggested State-vs-civil-society chart (core.charts translates them at run time).
SUGGESTED_CHART_WORDS = (
    gettext_noop("Where the State and civil society disagree (suggested from the review's documents)"),
    gettext_noop(
        "Points: per theme, the mean implementation score (0 = not, 1 = fully) suggested by machine from "
        "the confirmed evidence of what the State says and what other stakeholders say, with the "
        "suggestions' mean confidence; suggestions, not assessments."
    ),
)
THEME_VOCABULARIES = ("upr-info-issues", "uhri-themes", "sdg-goals")
TOP_THEMES = 15


@dataclass
class Chart:
    key: str
    spec: dict[str, Any]
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    empty: str = ""


def dashboard(state: State, filters: Filters) -> list[Chart]:
    filters.state = state.code
    recommendations = filtered(filters).order_by()
    return [
        _per_cycle(recommendations),
        _responses(recommendations),
        _levels_by_theme(recommendations),
        _response_rate(state, recommendations),
        _state_vs_civil_society(recommendations),
    ]


def _per_cycle(recs: QuerySet[Recommendation]) -> Chart:
    rows = [
        {
            "cycle": str(r["review__cycle"] or "–"),
            "mechanism": r["review__mechanism__code"],
            "recommendations": r["n"],
        }
        for r in recs.values("review__cycle", "review__mechanism__code").annotate(
            n=Count("id", distinct=True)
        )
    ]
    rows.sort(key=lambda r: (r["cycle"], r["mechanism"]))
    return Chart(
        "per_cycle",
        charts.recommendations_per_cycle(rows, _),
        [_("Cycle"), _("Mechanism"), _("Recommendations")],
        [[r["cycle"], r["mechanism"], r["recommendations"]] for r in rows],
    )


def _responses(recs: QuerySet[Recommendation]) -> Chart:
    """Every UPR recommendation once, by cycle and the State's final position (or why there is none)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    upr = recs.filter(review__mechanism__code="UPR").order_by()
    for cycle, response, stage, n in upr.values_list("review__cycle", "response", "wg_stage").annotate(
        n=Count("id", distinct=True)
    ):
        counts[(str(cycle or "–"), charts.position_category(response, stage))] += n
    rows: list[dict[str, Any]] = [
        {"cycle": cycle, "response": response, "recommendations": n}
        for (cycle, response), n in counts.items()
    ]
    order = {name: at for at, name in enumerate(charts.POSITION_ORDER)}
    rows.sort(key=lambda r: (str(r["cycle"]), order[str(r["response"])]))
    return Chart(
        "responses",
        charts.responses_per_cycle(rows, _),
        [_("Cycle"), _("Response"), _("Recommendations")],
        [[r["cycle"], _(str(r["response"])), r["recommendations"]] for r in rows],
    )


def _levels_by_theme(recs: QuerySet[Recommendation]) -> Chart:
    tags = RecommendationTerm.objects.filter(recommendation__in=recs.values("pk"))
    vocabulary = next(
        (code for code in THEME_VOCABULARIES if tags.filter(term__vocabulary__code=code).exists()), None
    )
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if vocabulary:
        for label, level, n in (
            tags.filter(term__vocabulary__code=vocabulary)
            .values_list("term__label", "recommendation__level")
            .annotate(n=Count("recommendation", distinct=True))
        ):
            counts[label][level] += n
    top = sorted(counts, key=lambda label: -sum(counts[label].values()))[:TOP_THEMES]
    rows = [
        {"theme": theme, "level": level, "recommendations": n}
        for theme in top
        for level, n in counts[theme].items()
    ]
    table = [[theme, *(counts[theme].get(level, 0) for level in charts.LEVEL_ORDER)] for theme in top]
    return Chart(
        "levels_by_theme",
        charts.levels_by_theme(rows, _),
        [_("Theme"), *(_(level) for level in charts.LEVEL_ORDER)],
        table,
        "" if rows else _("No recommendation of this selection is tagged with a theme."),
    )


def _response_rate(state: State, recs: QuerySet[Recommendation]) -> Chart:
    review_ids = set(recs.values_list("review_id", flat=True).distinct())
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for contact in CampaignContact.objects.filter(campaign__review_id__in=review_ids).exclude(
        group="reports"
    ):
        contacted = contact.contacted or 0
        responded = min(contact.responded or 0, contacted)
        totals[GROUP_NAMES.get(contact.group, contact.group)][0] += contacted
        totals[GROUP_NAMES.get(contact.group, contact.group)][1] += responded
    # A public figure counts published work only: a submission waiting for an editor is no answer yet.
    answered = set(
        Assessment.public_objects.filter(recommendation__review_id__in=review_ids).values_list(
            "stakeholder_id", flat=True
        )
    )
    for invitation in CampaignInvitation.objects.filter(campaign__review_id__in=review_ids).select_related(
        "stakeholder"
    ):
        group = GROUP_NAMES.get(
            invitation.stakeholder.kind, invitation.stakeholder.kind or gettext_noop("other")
        )
        totals[group][0] += 1
        totals[group][1] += invitation.stakeholder_id in answered
    rows = []
    for group, (contacted, responded) in sorted(totals.items()):
        rows.append({"group": group, "status": "responded", "stakeholders": responded})
        rows.append({"group": group, "status": "did not respond", "stakeholders": contacted - responded})
    return Chart(
        "response_rate",
        charts.response_rate(rows, _),
        [_("Stakeholders"), _("Contacted"), _("Responded"), _("Response rate")],
        [[_(group), c, r, f"{r / c:.0%}" if c else "–"] for group, (c, r) in sorted(totals.items())],
        "" if rows else _("No follow-up round is recorded for these reviews."),
    )


def _state_vs_civil_society(recs: QuerySet[Recommendation]) -> Chart:
    """Per theme, the State's mean IRI score against other stakeholders': from published assessments;
    when no recommendation of the selection is assessed by both, from the levels suggested by the
    confirmed evidence of the review's documents, marked as suggested with their mean confidence."""
    scores: dict[int, dict[str, list[Decimal]]] = defaultdict(lambda: {"state": [], "civil": []})
    for rec_id, kind, score in (
        Assessment.public_objects.filter(recommendation__in=recs.values("pk"), grade__scheme__code="iri")
        .exclude(grade__score=None)
        .values_list("recommendation_id", "stakeholder__kind", "grade__score")
    ):
        if score is not None:
            scores[rec_id]["state" if kind == "state" else "civil"].append(score)
    both = {rec: s for rec, s in scores.items() if s["state"] and s["civil"]}
    confidence: dict[int, list[float]] = {}
    if not both:
        both, confidence = _suggested_scores(recs)
    themes: dict[str, dict[str, list[Decimal]]] = defaultdict(lambda: {"state": [], "civil": []})
    sure: dict[str, list[float]] = defaultdict(list)
    for rec_id, label in RecommendationTerm.objects.filter(recommendation_id__in=both).values_list(
        "recommendation_id", "term__label"
    ):
        themes[label]["state"] += both[rec_id]["state"]
        themes[label]["civil"] += both[rec_id]["civil"]
        sure[label] += confidence.get(rec_id, [])
    means = [
        (theme, float(sum(s["state"]) / len(s["state"])), float(sum(s["civil"]) / len(s["civil"])))
        for theme, s in sorted(themes.items())
    ]
    empty = _(
        "No recommendation of this selection was assessed both by the State and by another stakeholder."
    )
    if confidence:
        rows: list[dict[str, Any]] = [
            {"theme": t, "state": a, "civil_society": c, "confidence": sum(sure[t]) / len(sure[t])}
            for t, a, c in means
        ]
        return Chart(
            "state_vs_civil_society",
            charts.state_vs_civil_society(rows, _, suggested=True),
            [
                _("Theme"),
                _("State (suggested, mean score)"),
                _("Civil society (suggested, mean score)"),
                _("Difference"),
                _("Mean confidence of the suggestions"),
            ],
            [
                [
                    r["theme"],
                    f"{r['state']:.2f}",
                    f"{r['civil_society']:.2f}",
                    f"{r['state'] - r['civil_society']:+.2f}",
                    f"{r['confidence']:.2f}",
                ]
                for r in rows
            ],
            "" if rows else empty,
        )
    rows = [{"theme": t, "state": a, "civil_society": c} for t, a, c in means]
    return Chart(
        "state_vs_civil_society",
        charts.state_vs_civil_society(rows, _),
        [_("Theme"), _("State (mean score)"), _("Civil society (mean score)"), _("Difference")],
        [[t, f"{a:.2f}", f"{c:.2f}", f"{a - c:+.2f}"] for t, a, c in means],
        "" if rows else empty,
    )


def _suggested_scores(
    recs: QuerySet[Recommendation],
) -> tuple[dict[int, dict[str, list[Decimal]]], dict[int, list[float]]]:
    """The scores of the levels suggested by confirmed evidence (State's, and every other kind's), of
    the recommendations that have both; and the confidences of those suggestions."""
    from rightstrack.evidence.models import Decision, SuggestedLevel

    scores: dict[int, dict[str, list[Decimal]]] = defaultdict(lambda: {"state": [], "civil": []})
    confidence: dict[int, list[float]] = defaultdict(list)
    for rec_id, kind, level, sure in SuggestedLevel.objects.filter(
        recommendation__in=recs.values("pk"), basis=Decision.CONFIRMED
    ).values_list("recommendation_id", "kind", "level", "confidence"):
        scores[rec_id]["state" if kind == "state" else "civil"].append(Level(level).score)
        confidence[rec_id].append(sure)
    both = {rec: s for rec, s in scores.items() if s["state"] and s["civil"]}
    return both, {rec: confidence[rec] for rec in both}
