"""Semantic and hybrid search in the site, links across reviews, and the recurring view."""

from __future__ import annotations

import json

from django.db.models import Q
from django.test import Client

from rightstrack.assist.linking import MIN_SCORE, SUGGESTED, link_state, recurring
from rightstrack.assist.models import Analysis
from rightstrack.assist.pipeline import AnalysisReport
from rightstrack.recommendations.models import Recommendation, RecommendationLink, State
from tests.conftest import EXAMPLE_MIA, shared_path


def _texts(url: str) -> list[str]:
    data = json.loads(Client().get(url).content)
    return [row["text"] for row in data["results"]]


def test_every_recommendation_is_embedded_and_stored_in_the_database(analysed: AnalysisReport) -> None:
    assert analysed.embedded == Recommendation.objects.count() > 300
    row = Analysis.objects.exclude(vector=None).first()
    assert (
        row is not None and row.embedder == "use-multilingual-v3" and len(bytes(row.vector or b"")) == 512 * 4
    )


def test_a_russian_query_finds_the_english_recommendation(analysed: AnalysisReport) -> None:
    found = _texts("/recommendations.json?q=отменить+смертную+казнь&mode=semantic")
    assert found and "death penalty" in found[0].lower()
    assert not _texts("/recommendations.json?q=отменить+смертную+казнь&mode=keyword")  # no such English words
    hybrid = _texts("/recommendations.json?q=смертная+казнь&mode=hybrid&cycle=2")
    assert hybrid and all("death penalty" in text.lower() for text in hybrid[:3])


def test_a_search_ranks_by_words_and_meaning_unless_told_otherwise(analysed: AnalysisReport) -> None:
    data = json.loads(Client().get("/recommendations.json?q=пытки").content)
    assert data["filters"]["mode"] == "hybrid"
    assert data["results"] and "tortur" in data["results"][0]["text"].lower()


def test_short_texts_do_not_win_a_search_by_meaning_for_being_short(analysed: AnalysisReport) -> None:
    """ "torture prevention" once put "Abolish the death penalty" (four words, close to everything) first."""
    for query in ("torture+prevention", "пытки"):
        found = _texts(f"/recommendations.json?q={query}&mode=semantic")
        assert found
        assert all("death penalty" not in text.lower() for text in found[:5]), found[:5]
        assert sum("tortur" in text.lower() for text in found[:5]) >= 3, found[:5]


def test_a_search_by_meaning_within_a_mechanism_finds_its_long_paragraphs(analysed: AnalysisReport) -> None:
    """Limited to the Human Rights Committee, "freedom of assembly" by meaning found nothing although the
    keyword search finds the Committee's paragraph on it (a long paragraph scores lower on meaning)."""
    from rightstrack.assist.embeddings import embed
    from rightstrack.documents.importing import import_files

    import_files([EXAMPLE_MIA.parent / "ccpr-centre-fact-sheets-2019.txt"])
    embed(list(Recommendation.objects.values_list("pk", flat=True)))
    found = _texts("/recommendations.json?q=freedom+of+assembly&mechanism=CCPR&mode=semantic")
    assert found and "assembly" in found[0]


def test_hybrid_search_ranks_within_the_other_filters(analysed: AnalysisReport) -> None:
    data = json.loads(Client().get("/recommendations.json?q=torture&mode=hybrid&cycle=1").content)
    assert data["count"] > 0
    assert data["filters"]["mode"] == "hybrid"
    ids = [row["id"] for row in data["results"]]
    assert set(Recommendation.objects.filter(pk__in=ids).values_list("review__cycle", flat=True)) == {1}
    assert "tortur" in data["results"][0]["text"].lower()
    page = Client().get("/recommendations?q=пытки&mode=hybrid").content.decode()
    assert "Ranked by closeness of meaning" in page


def test_links_join_what_was_asked_in_2010_and_again_in_2014(analysed: AnalysisReport) -> None:
    links = RecommendationLink.objects.filter(kind=SUGGESTED)
    assert analysed.links["KAZ"] == links.count() > 50
    for link in links.select_related("source__review", "target__review")[:50]:
        assert link.source.review_id != link.target.review_id
        assert link.source.review.year >= link.target.review.year  # from the later to the earlier
        assert link.score is not None and MIN_SCORE <= link.score <= 1
    death = Recommendation.objects.get(
        review__cycle=2, text__startswith="Abolish the death penalty", recommending_states__code="FRA"
    )
    partners = RecommendationLink.objects.filter(source=death, kind=SUGGESTED).values_list(
        "target__text", flat=True
    )
    assert any("death penalty" in text.lower() for text in partners)
    page = Client().get(f"/recommendations/{death.pk}").content.decode()
    assert "suggested by machine" in page


def test_relinking_replaces_the_machine_links_and_keeps_document_links(analysed: AnalysisReport) -> None:
    state = State.objects.get(code="KAZ")
    a, b = Recommendation.objects.filter(review__cycle=1)[:2]
    RecommendationLink.objects.create(source=a, target=b, kind="similar", score=1.0, origin="a fact sheet")
    before = RecommendationLink.objects.filter(kind=SUGGESTED).count()
    assert link_state(state) == before
    assert RecommendationLink.objects.filter(kind=SUGGESTED).count() == before
    assert RecommendationLink.objects.filter(kind="similar", origin="a fact sheet").count() == 1


def test_the_recurring_view_shows_requests_repeated_across_reviews_and_what_is_still_open(
    analysed: AnalysisReport,
) -> None:
    groups = recurring(State.objects.get(code="KAZ"))
    assert groups
    assert all(len(group.reviews) >= 2 for group in groups)
    data = json.loads(Client().get("/states/KAZ/recurring.json?open=1").content)
    assert data["groups"] and all(group["still_open"] for group in data["groups"])
    assert any("death penalty" in rec["text"].lower() for g in data["groups"] for rec in g["recommendations"])
    page = Client().get("/states/KAZ/recurring").content.decode()
    assert "asked again and again" in page


def test_concluding_observations_link_to_the_upr_recommendations_that_ask_the_same(
    vocabularies: None,
) -> None:
    """Denmark: the Human Rights Committee's concluding observations (2016) and its third UPR cycle, read from
    a tracker's sheet: each treaty-body paragraph meets the UPR rows asking the same, including long
    paragraphs that score below the UPR-to-UPR threshold (coercion in psychiatry, counter-terrorism)."""
    from typer.testing import CliRunner

    from rightstrack.cli.main import app

    observations = shared_path("data", "treaty-bodies", "concluding-observations", "denmark", "CO.txt")
    sheet = shared_path("data", "evidence", "denmark", "assessment.csv")
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(observations)]).exit_code == 0
    columns = (
        "text=text,paragraph=paragraph,recommending=recommending_state,position=position,state:=DNK,cycle:=3"
    )
    assert runner.invoke(app, ["import", str(sheet), "--columns", columns]).exit_code == 0
    assert link_state(State.objects.get(code="DNK")) > 50

    def linked(committee_paragraph: str) -> set[str]:
        paragraph = Recommendation.objects.get(
            review__mechanism__code="CCPR", refs__value=committee_paragraph
        )
        pairs = RecommendationLink.objects.filter(kind=SUGGESTED).filter(
            Q(source=paragraph) | Q(target=paragraph)
        )
        others = {link.target if link.source_id == paragraph.pk else link.source for link in pairs}
        return {
            ref.value for other in others for ref in other.refs.all() if other.review.mechanism.code == "UPR"
        }

    assert linked("10") & {"60.285", "60.286", "60.287", "60.288"}  # a human rights institution in the Faroes
    assert linked("22") & {"60.122", "60.123"}  # torture as an offence of its own
    assert linked("26") & {"60.125", "60.126", "60.127"}  # coercion in psychiatry
    assert linked("28") & {"60.274", "60.276", "60.277", "60.278", "60.279"}  # counter-terrorism law
    assert not linked("12")  # the Committee's Views: no UPR row asks it
