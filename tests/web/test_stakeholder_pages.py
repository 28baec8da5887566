"""Stakeholders: every one listed has a page saying what RightsTrack holds from it; a styled 404; a
committee is a treaty body; likely duplicates offered to an editor, merged with a history row."""

from __future__ import annotations

import re
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from rightstrack.assessments.models import Assessment, Stakeholder, StakeholderMerge
from rightstrack.portal.models import Membership, Role

KIBHR = "Kazakhstan International Bureau for Human Rights and the Rule of Law"
KIHRRLC = "Kazakhstan International Human Rights and the Rule of Law Committee"


def test_every_listed_stakeholder_has_a_page(kazakhstan_example: list[Path], client: Client) -> None:
    listed = re.findall(r'href="(/stakeholders/\d+)"', client.get("/stakeholders").content.decode())
    assert len(listed) == Stakeholder.objects.count() >= 15
    for url in listed:
        assert client.get(url).status_code == 200, url
        assert client.get(url + ".json").status_code == 200, url


def test_a_stakeholder_with_nothing_published_says_so_and_names_the_documents_that_name_it(
    kazakhstan_example: list[Path], client: Client
) -> None:
    centre = Stakeholder.objects.get(name="Centre for Civil and Political Rights")
    html = client.get(f"/stakeholders/{centre.pk}").content.decode()
    assert "Nothing from this stakeholder is published yet" in html
    assert "<table" not in html  # no empty table
    assert "Documents that name it" in html
    data = client.get(f"/stakeholders/{centre.pk}.json").json()
    assert data["assessments"] == [] and data["named_in"]


def test_an_unknown_address_answers_a_styled_page_not_found(
    kazakhstan_example: list[Path], client: Client
) -> None:
    answer = client.get("/stakeholders/999999")
    assert answer.status_code == 404
    html = answer.content.decode()
    assert "Page not found" in html and 'href="/recommendations"' in html and "<nav" in html


def test_the_human_rights_committee_is_a_treaty_body_not_a_un_agency(
    kazakhstan_example: list[Path], client: Client
) -> None:
    committee = Stakeholder.objects.get(acronym="CCPR")
    assert committee.kind == "treaty_body"
    html = client.get("/stakeholders").content.decode()
    row = html[html.index("Human Rights Committee") :]
    row = row[: row.index("</tr>")]
    assert "Treaty body" in row and "UN agency" not in row


def _editor(client: Client) -> None:
    user = User.objects.create_user("editor", "editor@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=user, role=Role.EDITOR)
    client.force_login(user)


def test_an_editor_is_offered_likely_duplicates_and_merges_one_into_the_other_with_history(
    kazakhstan_example: list[Path], client: Client
) -> None:
    assert client.get("/portal/stakeholders/duplicates/").status_code == 302  # sign in first
    _editor(client)
    html = client.get("/portal/stakeholders/duplicates/").content.decode()
    assert KIBHR in html and KIHRRLC in html
    assert "NGO Coalition from the Republic of Kazakhstan" in html
    assert "Kazakhstani NGOs Coalition on Universal Periodic Review (UPR)" in html
    assert "Forum 18 News Service" not in html
    bureau, committee = Stakeholder.objects.get(name=KIBHR), Stakeholder.objects.get(name=KIHRRLC)
    answered = Assessment.private_objects.filter(stakeholder=committee).count()
    assert answered > 100
    answer = client.post("/portal/stakeholders/duplicates/", {"merge": committee.pk, "into": bureau.pk})
    assert answer.status_code == 302
    assert not Stakeholder.objects.filter(pk=committee.pk).exists()
    assert Assessment.private_objects.filter(stakeholder=bureau).count() == answered
    record = StakeholderMerge.objects.get()
    assert (record.kept, record.merged_name, record.actor) == (bureau, KIHRRLC, "editor")
    assert record.moved["assessments"] == answered
    bureau.refresh_from_db()
    assert bureau.acronym == "KIHRRLC"  # the kept one had none
    page = client.get(f"/stakeholders/{bureau.pk}").content.decode()
    assert KIHRRLC in page  # "also named"
    html = client.get("/portal/stakeholders/duplicates/").content.decode()
    assert f"{KIHRRLC} merged into {KIBHR}" in html


def test_only_editors_merge_stakeholders(kazakhstan_example: list[Path], client: Client) -> None:
    user = User.objects.create_user("viewer", "viewer@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=user, role=Role.VIEWER)
    client.force_login(user)
    bureau, committee = Stakeholder.objects.get(name=KIBHR), Stakeholder.objects.get(name=KIHRRLC)
    answer = client.post("/portal/stakeholders/duplicates/", {"merge": committee.pk, "into": bureau.pk})
    assert answer.status_code == 403
    assert Stakeholder.objects.filter(pk=committee.pk).exists()


def test_a_stakeholder_with_only_a_draft_shows_nothing_of_it(
    kazakhstan_example: list[Path], client: Client
) -> None:
    from rightstrack.assessments.models import Status
    from rightstrack.recommendations.models import Recommendation

    newcomer = Stakeholder.objects.create(name="Newcomer NGO", kind="ngo")
    Assessment.private_objects.create(
        recommendation=Recommendation.objects.first(),
        stakeholder=newcomer,
        original_text="Our unpublished words.",
        status=Status.DRAFT,
    )
    html = client.get(f"/stakeholders/{newcomer.pk}").content.decode()
    assert "Nothing from this stakeholder is published yet" in html
    assert "unpublished words" not in html
    assert client.get(f"/stakeholders/{newcomer.pk}.json").json()["assessments"] == []
