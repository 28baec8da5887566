"""Issue 18's evidence through the API, on Denmark's real documents: visitors read confirmed quotes,
editors read the machine's pending ones too, confirm or reject them and draft assessments from them.

The import and the linking run once for the module (inside a transaction rolled back at its end);
each test runs in a savepoint of it, so what one test confirms the next does not see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from rightstrack.assessments.models import Assessment, AssessmentHistory, Stakeholder, Status
from rightstrack.evidence.decisions import decide
from rightstrack.evidence.linking import link_evidence
from rightstrack.evidence.models import (
    Decision,
    EvidenceDocument,
    EvidenceLink,
    EvidenceParagraph,
    SuggestedLevel,
)
from rightstrack.recommendations.models import Recommendation
from tests.api.conftest import token_client
from tests.evidence_setup import denmark_evidence

COMPILATION = "A/HRC/WG.6/52/DNK/2"
SUMMARY = "A/HRC/WG.6/52/DNK/3"


@pytest.fixture(scope="module", autouse=True)
def denmark(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Denmark's evidence linked, with suggested levels (tests/evidence_setup.py)."""
    with denmark_evidence(django_db_blocker, suggested=True):
        yield


def _rec(ref: str) -> Recommendation:
    return Recommendation.objects.get(review__state_id="DNK", refs__value=ref)


def _link(rec: Recommendation, symbol: str, number: str) -> EvidenceLink:
    """The link of ``rec`` to that paragraph (made as an editor would add it if the linker had not)."""
    paragraph = EvidenceParagraph.objects.get(document__symbol=symbol, number=number)
    link, _created = EvidenceLink.objects.get_or_create(
        recommendation=rec, paragraph=paragraph, defaults={"score": 0.0, "rank": 99}
    )
    return link


def _evidence(client: APIClient, rec: Recommendation) -> dict[str, Any]:
    response = client.get(f"/api/recommendations/{rec.pk}/evidence/")
    assert response.status_code == 200, response.content
    data: dict[str, Any] = response.json()
    return data


def test_a_visitor_sees_only_confirmed_quotes_of_public_recommendations(db: None, editor: User) -> None:
    rec = _rec("60.123")  # Include torture as a separate offence in its Criminal Code
    pending = list(EvidenceLink.objects.filter(recommendation=rec, decision=Decision.PENDING))
    assert pending and SuggestedLevel.objects.filter(recommendation=rec, basis=Decision.PENDING).exists()
    before = _evidence(APIClient(), rec)
    assert before == {"recommendation": rec.pk, "links": [], "suggested_levels": []}
    confirmed = _link(rec, COMPILATION, "12")  # the Committee against Torture's concern
    decide(confirmed, Decision.CONFIRMED, editor)
    after = _evidence(APIClient(), rec)
    assert [link["id"] for link in after["links"]] == [confirmed.pk]
    shown = after["links"][0]
    assert shown["decision"] == "confirmed"
    assert "torture was not criminalized as a distinct offence" in shown["quote"]
    assert shown["quote"] in confirmed.paragraph.text
    assert (shown["document"]["symbol"], shown["document"]["kind"]) == (COMPILATION, "compilation")
    assert (shown["paragraph"]["number"], shown["paragraph"]["text"]) == ("12", confirmed.paragraph.text)
    assert shown["paragraph"]["heading"] == confirmed.paragraph.heading != ""
    assert {"name": "Committee against Torture", "kind": "un"}.items() <= shown["paragraph"]["sources"][
        0
    ].items()
    assert "history" not in shown  # who decided what, when: editors only
    # suggested levels resting on confirmed links only, never the pending-based ones
    assert [s["basis"] for s in after["suggested_levels"]] == ["confirmed"]
    assert after["suggested_levels"][0]["kind"] == "un" and after["suggested_levels"][0]["suggested"] is True
    assert [q["number"] for q in after["suggested_levels"][0]["quotes"]] == ["12"]
    # the links list and a link's own page say the same: pending links do not exist for a visitor
    listed = APIClient().get("/api/evidence-links/", {"recommendation": rec.pk}).json()
    assert [link["id"] for link in listed["results"]] == [confirmed.pk]
    assert APIClient().get(f"/api/evidence-links/{pending[-1].pk}/").status_code == 404
    assert APIClient().get("/api/evidence-links/", {"decision": "pending"}).json()["count"] == 0
    document = str(confirmed.paragraph.document_id)
    for wanted, count in (({"state": "DNK"}, 1), ({"state": "Kazakhstan"}, 0), ({"document": document}, 1)):
        assert APIClient().get("/api/evidence-links/", wanted).json()["count"] == count, wanted
    assert APIClient().get("/api/evidence-links/", {"recommendation": "x"}).status_code == 400


def test_an_editor_also_sees_the_machines_pending_quotes_and_suggestions(db: None, editor: User) -> None:
    rec = _rec("60.123")
    data = _evidence(token_client(editor), rec)
    stored = EvidenceLink.objects.filter(recommendation=rec).exclude(decision=Decision.REJECTED)
    assert sorted(link["id"] for link in data["links"]) == sorted(stored.values_list("pk", flat=True))
    assert {link["decision"] for link in data["links"]} == {"pending"}
    assert [link["rank"] for link in data["links"]] == sorted(link["rank"] for link in data["links"])
    first = data["links"][0]
    assert first["reason"] and first["score"] > 0 and first["history"] == []
    assert {s["basis"] for s in data["suggested_levels"]} == {"pending"}
    assert {s["kind"] for s in data["suggested_levels"]} == set(
        SuggestedLevel.objects.filter(recommendation=rec).values_list("kind", flat=True)
    )


def test_an_editor_confirms_a_quote_through_the_api_and_a_history_row_is_written(
    db: None, editor: User
) -> None:
    rec = _rec("60.1")  # Ratify the Convention … from Enforced Disappearance
    link = _link(rec, COMPILATION, "2")
    response = token_client(editor).post(f"/api/evidence-links/{link.pk}/confirm/")
    assert response.status_code == 200, response.content
    assert response.json()["decision"] == "confirmed"
    assert "welcomed the ratification" in response.json()["quote"]
    link.refresh_from_db()
    assert (link.decision, link.decided_by) == (Decision.CONFIRMED, editor)
    assert [(row["from"], row["to"], row["by"]) for row in link.history] == [
        ("pending", "confirmed", "editor")
    ]
    assert response.json()["history"] == link.history
    # decisions.decide also recomputed the suggested level: the UN's now rests on the confirmed quote
    un = SuggestedLevel.objects.get(recommendation=rec, kind="un")
    assert un.basis == Decision.CONFIRMED and [q["number"] for q in un.quotes] == ["2"]
    public = _evidence(APIClient(), rec)
    assert [item["id"] for item in public["links"]] == [link.pk]
    assert [s["kind"] for s in public["suggested_levels"]] == ["un"]


def test_an_editor_rejects_a_quote_and_nobody_is_shown_it_again(db: None, editor: User) -> None:
    rec = _rec("60.123")
    drop = EvidenceLink.objects.filter(recommendation=rec).order_by("rank").first()
    assert drop is not None
    client = token_client(editor)
    response = client.post(f"/api/evidence-links/{drop.pk}/reject/")
    assert response.status_code == 200, response.content
    assert response.json()["decision"] == "rejected"
    drop.refresh_from_db()
    assert [(row["from"], row["to"], row["by"]) for row in drop.history] == [
        ("pending", "rejected", "editor")
    ]
    assert drop.pk not in [link["id"] for link in _evidence(client, rec)["links"]]
    link_evidence(["DNK"], semantic=False)  # computed again: the rejection is remembered
    assert EvidenceLink.objects.get(pk=drop.pk).decision == Decision.REJECTED
    rejected = client.get(
        "/api/evidence-links/", {"recommendation": str(rec.pk), "decision": "rejected"}
    ).json()
    assert [link["id"] for link in rejected["results"]] == [drop.pk]


def test_a_contributor_without_the_editor_right_cannot_confirm(
    db: None, contributor_a: User, viewer: User
) -> None:
    link = EvidenceLink.objects.filter(recommendation=_rec("60.123")).order_by("rank").first()
    assert link is not None
    for user in (contributor_a, viewer):
        for move in ("confirm", "reject"):
            refused = token_client(user).post(f"/api/evidence-links/{link.pk}/{move}/")
            assert refused.status_code == 403, (user, move)
            assert refused.json()["detail"] == "Only editors may do this."
    anonymous = APIClient().post(f"/api/evidence-links/{link.pk}/confirm/")
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"] == "Token"
    link.refresh_from_db()
    assert (link.decision, link.history) == (Decision.PENDING, [])


def test_a_draft_made_through_the_api_is_not_public_until_published(
    db: None, editor: User, contributor_a: User, organisation_a: Stakeholder
) -> None:
    rec = _rec("60.1")
    decide(_link(rec, COMPILATION, "2"), Decision.CONFIRMED, editor)
    made = token_client(editor).post(
        f"/api/recommendations/{rec.pk}/draft-assessment/",
        {"stakeholder": organisation_a.pk, "scheme": "hrc", "grade": "A"},
        format="json",
    )
    assert made.status_code == 201, made.content
    data = made.json()
    assert (data["status"], data["scheme"], data["level"]) == ("draft", "hrc", "A")
    assessment = Assessment.private_objects.get(pk=data["id"])
    assert "welcomed the ratification" in assessment.original_text
    assert f"{COMPILATION} para. 2" in assessment.original_text and "Committee against Torture" in (
        assessment.original_text
    )
    assert [(row.action, row.actor) for row in AssessmentHistory.objects.filter(assessment=assessment)] == [
        ("created", "editor")
    ]
    visitor = APIClient()
    assert visitor.get(f"/api/assessments/{assessment.pk}/").status_code == 404
    assert visitor.get(f"/api/recommendations/{rec.pk}/").json()["assessments"] == []
    # public once its organisation submits it and an editor publishes it, through the workflow
    assert token_client(contributor_a).post(f"/api/assessments/{assessment.pk}/submit/").status_code == 200
    assert visitor.get(f"/api/assessments/{assessment.pk}/").status_code == 404
    assert token_client(editor).post(f"/api/assessments/{assessment.pk}/publish/").status_code == 200
    public = visitor.get(f"/api/assessments/{assessment.pk}/")
    assert public.status_code == 200 and public.json()["status"] == Status.PUBLISHED
    assert [a["id"] for a in visitor.get(f"/api/recommendations/{rec.pk}/").json()["assessments"]] == [
        assessment.pk
    ]


def test_wrong_input_to_a_draft_is_refused_naming_the_field_and_the_reason(
    db: None, editor: User, organisation_a: Stakeholder
) -> None:
    rec = _rec("60.1")
    client = token_client(editor)
    url = f"/api/recommendations/{rec.pk}/draft-assessment/"

    def refused(body: dict[str, Any]) -> dict[str, list[str]]:
        response = client.post(url, body, format="json")
        assert response.status_code == 400, (body, response.content)
        answer: dict[str, list[str]] = response.json()
        return answer

    good = {"stakeholder": organisation_a.pk, "scheme": "iri", "grade": "partially"}
    assert "no confirmed evidence yet" in refused(good)["recommendation"][0]
    decide(_link(rec, COMPILATION, "2"), Decision.CONFIRMED, editor)
    assert "has no grade Z" in refused(good | {"scheme": "hrc", "grade": "Z"})["grade"][0]
    assert "no grade" in refused(good | {"scheme": "nonsense"})["scheme"][0]
    assert set(refused({"scheme": "iri", "grade": "fully"})) == {"stakeholder"}
    assert set(refused(good | {"stakeholder": 999_999})) == {"stakeholder"}
    assert set(refused(good | {"status": "published"})) == {"status"}
    assert not Assessment.private_objects.exists()
    assert client.post(url, good, format="json").status_code == 201
    assert "already has an assessment" in refused(good | {"grade": "fully"})["stakeholder"][0]
    assert Assessment.private_objects.count() == 1


def test_only_editors_draft_from_the_evidence(
    db: None, contributor_a: User, organisation_a: Stakeholder
) -> None:
    rec = _rec("60.1")
    body = {"stakeholder": organisation_a.pk, "scheme": "iri", "grade": "fully"}
    url = f"/api/recommendations/{rec.pk}/draft-assessment/"
    assert token_client(contributor_a).post(url, body, format="json").status_code == 403
    assert APIClient().post(url, body, format="json").status_code == 401
    assert not Assessment.private_objects.exists()


def test_the_evidence_documents_are_listed_with_their_paragraphs(db: None) -> None:
    visitor = APIClient()
    listed = visitor.get("/api/evidence-documents/", {"state": "Denmark"}).json()
    assert listed["count"] == 3
    by_symbol = {document["symbol"]: document for document in listed["results"]}
    assert set(by_symbol) == {"A/HRC/WG.6/52/DNK/1", COMPILATION, SUMMARY}
    for document in by_symbol.values():
        stored = EvidenceDocument.objects.get(pk=document["id"])
        assert document["paragraphs"] == stored.paragraphs.count() > 10
        assert (document["state"], document["session"]) == ("DNK", 52)
        assert document["published_on"] == (stored.published_on.isoformat() if stored.published_on else None)
    assert by_symbol[SUMMARY]["kind"] == "stakeholders-summary"
    only = visitor.get("/api/evidence-documents/", {"kind": "compilation"}).json()
    assert [document["symbol"] for document in only["results"]] == [COMPILATION]
    assert visitor.get("/api/evidence-documents/", {"kind": "bogus"}).status_code == 400
    assert visitor.get("/api/evidence-documents/", {"state": "ZZZ"}).json()["count"] == 0
    summary = by_symbol[SUMMARY]
    page = visitor.get(f"/api/evidence-documents/{summary['id']}/paragraphs/").json()
    assert page["count"] == summary["paragraphs"]
    first = page["results"][0]
    stored_first = EvidenceParagraph.objects.filter(document_id=summary["id"]).order_by("id").first()
    assert stored_first is not None
    assert (first["number"], first["text"], first["heading"]) == (
        stored_first.number,
        stored_first.text,
        stored_first.heading,
    )
    kinds = {source["kind"] for item in page["results"] for source in item["sources"]}
    assert "civil-society" in kinds or "nhri" in kinds
    assert visitor.get(f"/api/evidence-documents/{summary['id']}/").json() == summary
    assert visitor.get("/api/evidence-documents/999999/paragraphs/").status_code == 404


def test_the_schema_lists_the_evidence_endpoints(db: None) -> None:
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    assert "get" in paths["/api/recommendations/{id}/evidence/"]
    assert "post" in paths["/api/recommendations/{id}/draft-assessment/"]
    assert "post" in paths["/api/evidence-links/{id}/confirm/"]
    assert "post" in paths["/api/evidence-links/{id}/reject/"]
    assert "get" in paths["/api/evidence-links/"] and "get" in paths["/api/evidence-links/{id}/"]
    assert "get" in paths["/api/evidence-documents/"]
    assert "get" in paths["/api/evidence-documents/{id}/paragraphs/"]
    listed = {p["name"] for p in paths["/api/evidence-documents/"]["get"]["parameters"]}
    assert {"state", "kind", "session", "page"} <= listed
    root = APIClient().get("/api/").json()
    assert root["evidence_documents"].endswith("/api/evidence-documents/")
    assert root["evidence_links"].endswith("/api/evidence-links/")
