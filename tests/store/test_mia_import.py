"""The Kazakhstan MIA (seed 000) in the database: recommendations, responses, campaign, provenance."""

from __future__ import annotations

from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from rightstrack.assessments.models import Assessment, CampaignContact, FollowUpCampaign, Stakeholder
from rightstrack.documents.models import Provenance, SourceDocument
from rightstrack.recommendations.models import Recommendation, RecommendationRef, Review

RESPONDERS = {
    "KIHRRLC": "Kazakhstan International Human Rights and the Rule of Law Committee",
    "F18": "Forum 18 News Service",
    "PRI": "Penal Reform International - Central Asia",
    "UNESCO": "UNESCO Almaty Office",
    "TP": "Tandem Project",
    "LCWISS": "Legal Center of Women's Initiatives Sana Sezim",
    "WCADP": "World Coalition Against the Death Penalty",
    "GS": "Environmental society 'Green Salvation'",
}


def test_the_review_is_kazakhstans_first_upr_cycle_with_its_session_and_year(kazakhstan_mia: Path) -> None:
    review = Review.objects.get()
    assert (review.state_id, review.mechanism.code, review.cycle) == ("KAZ", "UPR", 1)
    assert (review.session, review.year) == (7, 2010)
    assert review.recommendations.count() == 129


def test_every_response_is_attached_to_its_stakeholder_with_full_name_and_acronym(
    kazakhstan_mia: Path,
) -> None:
    responders = {s.acronym: s.name for s in Stakeholder.objects.exclude(kind="follow_up_programme")}
    assert responders == RESPONDERS
    assessments = Assessment.private_objects.select_related("stakeholder")
    assert assessments.count() == 193  # 151 response headers, one per recommendation each answers
    assert all(a.stakeholder.acronym in RESPONDERS for a in assessments)
    assert {a.stakeholder.acronym for a in assessments} == set(RESPONDERS)


def test_the_stakeholders_words_are_kept_verbatim(kazakhstan_mia: Path) -> None:
    ref = RecommendationRef.objects.get(scheme="upr-info-mia", value="113")
    (assessment,) = Assessment.private_objects.filter(recommendation=ref.recommendation)
    assert assessment.stakeholder.acronym == "UNESCO"
    assert assessment.original_text == (
        "Kazakhstan participates in numerous regional and international conferences, "
        "promoting its educational policies"
    )
    assert assessment.public_text == ""


def test_joined_recommendations_share_each_response(kazakhstan_mia: Path) -> None:
    members = Recommendation.objects.filter(group="5+57")
    assert members.count() == 2
    texts = [
        sorted(
            Assessment.private_objects.filter(recommendation=m).values_list("stakeholder__acronym", flat=True)
        )
        for m in members
    ]
    assert texts[0] == texts[1] == ["KIHRRLC", "LCWISS"]


def test_the_follow_up_figures_of_sources_and_results_are_kept(kazakhstan_mia: Path) -> None:
    campaign = FollowUpCampaign.objects.get()
    assert campaign.programme.name == "UPR Info"
    assert campaign.stated_counts == {
        "not implemented": 66,
        "partially implemented": 41,
        "fully implemented": 11,
        "no answer": 9,
        "total": 129,
    }
    figures = {c.group: (c.contacted, c.responded) for c in CampaignContact.objects.all()}
    assert figures["reports"][0] == 16
    assert figures["ngo"] == (18, 9)
    assert figures["un_agency"] == (2, 0)
    assert figures["state"] == (1, 0)


def test_every_record_knows_its_place_in_the_source(kazakhstan_mia: Path) -> None:
    document = SourceDocument.objects.get()
    assert document.kind == "upr-info-mia"
    assert len(document.sha256) == 64
    for model in (Recommendation, Assessment):
        content_type = ContentType.objects.get_for_model(model)
        placed = set(
            Provenance.private_objects.filter(content_type=content_type, document=document).values_list(
                "object_id", flat=True
            )
        )
        assert placed == set(model._base_manager.values_list("pk", flat=True))
    ref = RecommendationRef.objects.get(scheme="upr-info-mia", value="1")
    place = Provenance.private_objects.get(
        content_type=ContentType.objects.get_for_model(Recommendation), object_id=ref.recommendation_id
    )
    assert (place.line, place.section) == (197, "feedback")


def test_the_importer_reports_what_it_repaired_in_the_broken_index_table(kazakhstan_mia: Path) -> None:
    problems = SourceDocument.objects.get().problems
    assert any("taken as n°32" in p for p in problems)
    assert any("'75 70'" in p for p in problems)
    assert all("line" in p for p in problems)
