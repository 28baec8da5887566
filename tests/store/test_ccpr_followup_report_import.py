"""A Committee follow-up report imported into the database: grades merged with the follow-up JSON's."""

from __future__ import annotations

from rightstrack.assessments.models import Assessment
from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import RecommendationRef
from tests.conftest import shared_path


def test_the_reports_grades_land_on_the_recommendations_the_follow_up_json_created(
    vocabularies: None,
) -> None:
    import_files([shared_path("data", "kazakhstan", "ccpr_followup_2018.json")])
    refs = RecommendationRef.objects.filter(scheme="ccpr-co-paragraph", review__state_id="KAZ")
    before = {ref.value: ref.recommendation_id for ref in refs}
    (report,) = import_files([shared_path("data", "ccpr-followup", "reports", "123_2.txt")])
    assert report.kind == "ccpr-followup-report"
    after = {ref.value: ref.recommendation_id for ref in refs.all()}
    assert after == before == {"18": after["18"], "24": after["24"], "54": after["54"]}  # no new paragraph
    graded = Assessment.private_objects.filter(
        recommendation_id=after["24"], stakeholder__acronym="CCPR", document__kind="ccpr-followup-report"
    )
    assert sorted((a.sub_item, a.grade.code, a.grade.scheme.code) for a in graded) == [
        ("(a) and (b)", "B", "hrc"),
        ("(c) to (f)", "C", "hrc"),
    ]


def test_an_addendum_creates_the_paragraphs_from_the_quoted_text_with_the_grades_meaning(
    vocabularies: None,
) -> None:
    import_files([shared_path("data", "ccpr-followup", "reports", "131_2_Add2.txt")])
    ref = RecommendationRef.objects.get(scheme="ccpr-co-paragraph", review__state_id="SVK", value="25")
    recommendation = ref.recommendation
    assert recommendation.text.startswith("The State party should: (a) ensure that women victims")
    committee = recommendation.assessments.filter(stakeholder__acronym="CCPR").order_by("id")
    assert [(a.sub_item, a.grade.code, a.grade.label) for a in committee] == [
        ("(a), (b) and (c)", "B", "Response/action partially satisfactory"),
        ("(d) and (e)", "C", "Response/action not satisfactory"),
    ]
    reply = recommendation.assessments.get(stakeholder__kind="state")
    assert reply.grade is None and reply.original_text.startswith("(a) In 2015, the General Prosecutor")
