"""Concluding observations go into the register: a CCPR review with its paragraphs as recommendations."""

from __future__ import annotations

from datetime import date

from django.test import Client

from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import Recommendation
from tests.conftest import shared_path


def test_denmarks_concluding_observations_import_as_a_ccpr_review_of_17_paragraphs(db: None) -> None:
    path = shared_path("data", "treaty-bodies", "concluding-observations", "denmark", "CO.txt")
    import_files([path])
    found = Recommendation.objects.filter(review__state_id="DNK", review__mechanism__code="CCPR")
    assert found.count() == 17
    assert {r.review.cycle for r in found} == {6}
    paragraph = found.get(theme_heading="Solitary confinement")
    assert paragraph.text.startswith("The State party should bring its legislation")


def test_paragraphs_under_follow_up_show_their_deadline_and_the_concerns_before_them(
    db: None, client: Client
) -> None:
    path = shared_path("data", "treaty-bodies", "concluding-observations", "denmark", "CO.txt")
    import_files([path])
    found = Recommendation.objects.filter(review__state_id="DNK", review__mechanism__code="CCPR")
    followed = found.exclude(follow_up_due=None)
    refs = sorted(int(r.refs.get().value) for r in followed)
    assert refs == [20, 24, 32]
    assert {r.follow_up_due for r in followed} == {date(2017, 7, 7)}
    assert all(r.context for r in found)
    page = client.get(f"/recommendations/{followed.first().pk}").content.decode()
    assert "information due by 7 July 2017" in page and "concerns before it" in page
    data = client.get(f"/recommendations/{followed.first().pk}.json").json()
    assert data["follow_up"]["due"] == "2017-07-07" and data["context"]


def test_the_committees_follow_up_grades_land_on_the_concluding_observations_paragraphs(db: None) -> None:
    from rightstrack.assessments.models import Assessment

    folder = ("data", "treaty-bodies", "concluding-observations")
    import_files([shared_path(*folder, "denmark", "CO.txt"), shared_path(*folder, "namibia", "CO.txt")])
    before = Recommendation.objects.count()
    import_files(
        [
            shared_path("data", "ccpr-followup", "reports", "125_2_Add4.txt"),
            shared_path("data", "ccpr-followup", "reports", "126_2_Add4.txt"),
        ]
    )
    assert Recommendation.objects.count() == before  # every graded paragraph was already there
    graded = Assessment.private_objects.exclude(grade=None).select_related("recommendation")
    assert graded.exists()
    assert {a.recommendation.follow_up_due is not None for a in graded} == {True}


def test_a_states_page_lists_its_treaty_body_reviews_with_follow_up_deadlines_and_grades(
    db: None, client: Client
) -> None:
    folder = ("data", "treaty-bodies", "concluding-observations", "denmark", "CO.txt")
    import_files([shared_path(*folder), shared_path("data", "ccpr-followup", "reports", "125_2_Add4.txt")])
    data = client.get("/states/DNK.json").json()
    [review] = [r for r in data["reviews"] if r["mechanism"] == "CCPR"]
    assert (review["cycle"], review["recommendations"]) == (6, 17)
    assert (review["under_follow_up"], review["follow_up_due"]) == (3, "2017-07-07")
    grades = review["committee_grades"]
    assert grades and set(grades) <= {"A", "B", "C", "D", "E"} and sum(grades.values()) >= 3
    page = client.get("/states/DNK").content.decode()
    assert "3 paragraphs, first due 7 July 2017" in page
    assert "grades: " + ", ".join(f"{g} × {n}" for g, n in grades.items()) in page


def test_a_committee_grade_is_shown_with_its_schemes_meaning_in_the_pages_json(
    db: None, client: Client
) -> None:
    folder = ("data", "treaty-bodies", "concluding-observations", "denmark", "CO.txt")
    import_files([shared_path(*folder), shared_path("data", "ccpr-followup", "reports", "125_2_Add4.txt")])
    graded = Recommendation.objects.filter(review__state_id="DNK").exclude(follow_up_due=None).first()
    assert graded is not None
    data = client.get(f"/recommendations/{graded.pk}.json").json()
    grades = [a["grade"] for a in data["assessments"] if a["grade"]]
    assert grades and all(g["scheme"] == "hrc" and g["meaning"] for g in grades)
