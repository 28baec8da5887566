"""The recurring view as a professional reads it: one chain per request, titled by its subject, with its
latest position; a recommendation page listing each linked recommendation once (issue 16, point 5)."""

from __future__ import annotations

import json
import re
from html import unescape

from django.test import Client

from rightstrack.analysis.actions import treaties_to_join
from rightstrack.assist.linking import SUGGESTED, recurring
from rightstrack.assist.pipeline import AnalysisReport
from rightstrack.recommendations.models import Recommendation, RecommendationLink, State


def _headings(page: str) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S)
    ]


def test_a_request_asked_in_several_reviews_is_one_chain_titled_by_its_subject(
    analysed: AnalysisReport,
) -> None:
    """Kazakhstan was asked to abolish the death penalty in 2010 and, by four States, again in 2014: once
    seven pairs each repeating the 2010 text under "Asked in 2 reviews"."""
    groups = recurring(State.objects.get(code="KAZ"))
    seen: dict[int, int] = {}
    for number, group in enumerate(groups):
        for rec in group.recommendations:
            assert rec.pk not in seen, f"recommendation {rec.pk} is in two chains"
            seen[rec.pk] = number
    abolish = Recommendation.objects.filter(review__cycle=2, text="Abolish the death penalty")
    assert abolish.count() == 4
    assert len({seen[rec.pk] for rec in abolish}) == 1, "the four 2014 requests are one chain"
    chain = groups[seen[abolish[0].pk]]
    assert chain.recommendations[0].review.year == 2010  # oldest first
    assert chain.title.startswith("Death penalty: abolish"), chain.title
    page = Client().get("/states/KAZ/recurring").content.decode()
    headings = _headings(page)
    assert sum(h.startswith("Death penalty: abolish") for h in headings) == 1, headings
    assert any(h.startswith("Death penalty: abolish") and "asked in 2010, 2014" in h for h in headings)


def test_requests_to_join_different_treaties_are_different_chains(analysed: AnalysisReport) -> None:
    """ "Ratify the Optional Protocol to CRPD" and "Ratify the Second Optional Protocol to ICCPR" read
    alike; one 2010 text naming the Rome Statute and the Second Optional Protocol joined both asks."""
    joining = 0
    for group in recurring(State.objects.get(code="KAZ")):
        asked = [treaties_to_join(rec.text) for rec in group.recommendations]
        asked = [treaties for treaties in asked if treaties]
        joining += bool(asked)
        assert all(a & b for a in asked for b in asked), (group.title, asked)
    assert joining >= 2


def test_a_chain_shows_its_latest_position_and_its_members_paragraph_states_and_year(
    analysed: AnalysisReport,
) -> None:
    page = Client().get("/states/KAZ/recurring").content.decode()
    headings = _headings(page)
    assert headings and not any("no answer" in h for h in headings), headings
    assert "Asked in 2 reviews" not in page
    statuses = re.findall(r'<p class="chain-status">(.*?)</p>', page, re.S)
    assert statuses and not any("no answer" in status for status in statuses)  # "no assessment yet"
    data = json.loads(Client().get("/states/KAZ/recurring.json").content)
    chain = next(g for g in data["groups"] if g["title"].startswith("Death penalty: abolish"))
    assert chain["latest_position"] == "supported"  # the 2014 Working Group report's position
    first = chain["recommendations"][0]
    # 2010 comes from UPR Info's mid-term assessment, which numbers it "Recommendation n°2"
    assert (first["paragraph"], first["year"], first["mechanism"]) == ("No. 2", 2010, "UPR")
    assert first["recommending_states"] == ["France"]
    last = chain["recommendations"][-1]
    assert last["year"] == 2014 and re.fullmatch(r"12[0-9]\.[0-9]+", last["paragraph"]), last
    assert last["paragraph"] in page and "France" in page and "Latest position" in page


def test_a_recommendation_page_lists_each_linked_recommendation_once_with_both_origins(
    analysed: AnalysisReport,
) -> None:
    """A fact sheet's link and the machine's link to the same recommendation are one row, which says
    paragraph, States and year instead of "KAZ UPR cycle 1 (2010)"."""
    link = (
        RecommendationLink.objects.filter(kind=SUGGESTED, target__review__cycle=1)
        .select_related("target")
        .first()
    )
    assert link is not None
    RecommendationLink.objects.create(
        source=link.source, target=link.target, kind="similar", score=1.0, origin="Kazakhstan Fact Sheet"
    )
    page = Client().get(f"/recommendations/{link.target_id}").content.decode()
    block = page.split("Recommendations that ask the same", 1)[1].split("</ul>", 1)[0]
    assert block.count(f'href="/recommendations/{link.source_id}"') == 1, block
    assert "suggested by machine" in block and "Kazakhstan Fact Sheet" in block
    assert "KAZ UPR cycle 2 (2014)" not in block
    source = link.source
    assert source.refs.get(scheme="ohchr-paragraph").value in block and "2014" in block
    assert all(state.name in block for state in source.recommending_states.all())
    data = json.loads(Client().get(f"/recommendations/{link.target_id}.json").content)
    rows = [row for row in data["linked"] if row["id"] == link.source_id]
    assert len(rows) == 1 and {o["kind"] for o in rows[0]["origins"]} == {SUGGESTED, "similar"}


def test_the_recurring_page_shows_a_link_made_after_it_was_first_seen(analysed: AnalysisReport) -> None:
    """The chains are cached per data version: a source document's new link shows at once."""

    def chained() -> list[set[int]]:
        data = json.loads(Client().get("/states/KAZ/recurring.json").content)
        return [{rec["id"] for rec in group["recommendations"]} for group in data["groups"]]

    before = chained()
    shown = set().union(*before)
    earlier, later = (
        Recommendation.objects.filter(review__cycle=cycle).exclude(pk__in=shown).order_by("pk").first()
        for cycle in (1, 2)
    )
    assert earlier is not None and later is not None
    RecommendationLink.objects.create(
        source=later, target=earlier, kind="similar", score=1.0, origin="a fact sheet"
    )
    assert any({earlier.pk, later.pk} <= chain for chain in chained())
