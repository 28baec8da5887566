"""A suggested level per source kind, read from the evidence linked to a recommendation."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from rightstrack.analysis.claims import extract_evidence_claim
from rightstrack.assessments.models import Assessment, Stakeholder, Status
from rightstrack.assessments.workflow import Refused
from rightstrack.documents.importing import import_files
from rightstrack.evidence.decisions import decide
from rightstrack.evidence.drafting import draft_from_evidence, find_stakeholder
from rightstrack.evidence.linking import link_evidence
from rightstrack.evidence.models import Decision, EvidenceLink, EvidenceParagraph, SuggestedLevel
from rightstrack.evidence.suggesting import suggest_for_states
from rightstrack.ingest.registry import mapped_source
from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Term
from rightstrack.recommendations.vocabularies import import_vocabulary
from tests.conftest import shared_path

NAMES = ("national-report.txt", "compilation.txt", "stakeholders-summary.txt")


def _columns(state: str) -> str:
    return (
        "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
        f"state:={state},mechanism:=UPR,cycle:=3"
    )


def _import(folder: str, state: str) -> None:
    sheet = shared_path("data", "evidence", folder, "assessment.csv")
    import_files([sheet], source=mapped_source(parse_columns(_columns(state))))
    import_files([shared_path("data", "evidence", folder, name) for name in NAMES])
    link_evidence([state], semantic=False)
    suggest_for_states([state])


@pytest.fixture
def editor(db: None, settings: object) -> User:
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    user = User.objects.create_user("editor", "editor@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=user, role=Role.EDITOR)
    return user


def _rec(state: str, ref: str) -> Recommendation:
    return Recommendation.objects.get(review__state_id=state, refs__value=ref)


def _confirm(rec: Recommendation, symbol: str, number: str, user: User) -> EvidenceLink:
    link, _created = EvidenceLink.objects.get_or_create(
        recommendation=rec,
        paragraph=_paragraph(symbol, number),
        defaults={"score": 0.0, "rank": 99, "reason": "added by the test as an editor would"},
    )
    decide(link, Decision.CONFIRMED, user)
    return link


def _paragraph(symbol: str, number: str) -> EvidenceParagraph:
    return EvidenceParagraph.objects.get(document__symbol=symbol, number=number)


def test_the_compilations_welcome_of_the_ratification_suggests_60_1_is_implemented(editor: User) -> None:
    _import("denmark", "DNK")
    rec = _rec("DNK", "60.1")  # Ratify the Convention … from Enforced Disappearance
    _confirm(rec, "A/HRC/WG.6/52/DNK/2", "2", editor)
    un = SuggestedLevel.objects.get(recommendation=rec, kind="un")
    assert un.basis == Decision.CONFIRMED
    assert un.level in ("fully", "partially")
    assert [quote["number"] for quote in un.quotes] == ["2"]
    # only the sentence about this convention is read, not the migrant workers' convention after it
    assert un.quotes[0]["quote"].startswith("In 2023, the Committee against Torture welcomed the ratif")
    assert "Migrant Workers" not in un.quotes[0]["quote"]
    assert 0 < un.confidence <= 1


def test_a_concern_that_it_had_not_been_done_suggests_not_implemented(editor: User) -> None:
    _import("namibia", "NAM")
    rec = _rec("NAM", "138.41")  # Issue a standing invitation to the special procedure mechanisms
    _confirm(rec, "A/HRC/WG.6/52/NAM/2", "6", editor)
    un = SuggestedLevel.objects.get(recommendation=rec, kind="un")
    assert (un.level, un.basis) == ("not", Decision.CONFIRMED)
    assert "had not issued a standing invitation" in un.quotes[0]["quote"]


def test_each_source_kind_is_suggested_apart_from_its_own_paragraphs(editor: User) -> None:
    _import("denmark", "DNK")
    rec = _rec("DNK", "60.123")  # Include torture as a separate offence in its Criminal Code
    assert SuggestedLevel.objects.filter(recommendation=rec).exists()  # from pending links already
    _confirm(rec, "A/HRC/WG.6/52/DNK/2", "12", editor)  # the Committee against Torture's concern
    _confirm(rec, "A/HRC/WG.6/52/DNK/3", "12", editor)  # the DIHR's, on Greenland
    by_kind = {s.kind: s for s in SuggestedLevel.objects.filter(recommendation=rec)}
    assert (by_kind["un"].basis, [q["document"] for q in by_kind["un"].quotes]) == (
        Decision.CONFIRMED,
        ["A/HRC/WG.6/52/DNK/2"],
    )
    assert by_kind["un"].level == "not"
    assert by_kind["nhri"].basis == Decision.CONFIRMED
    assert [q["document"] for q in by_kind["nhri"].quotes] == ["A/HRC/WG.6/52/DNK/3"]
    for suggestion in by_kind.values():
        kinds = {
            kind
            for quote in suggestion.quotes
            for kind in _paragraph(quote["document"], quote["number"]).source_kinds() or ["state"]
        }
        assert suggestion.kind in kinds
    # a rejected link is never read: rejecting the UN's confirmed one takes its suggestion back to pending
    link = EvidenceLink.objects.get(recommendation=rec, paragraph=_paragraph("A/HRC/WG.6/52/DNK/2", "12"))
    decide(link, Decision.REJECTED, editor)
    un = SuggestedLevel.objects.filter(recommendation=rec, kind="un").first()
    assert un is None or (un.basis == Decision.PENDING and "12" not in [q["number"] for q in un.quotes])


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("JS6 noted that Namibia had not ratified the Indigenous and Tribal Peoples Convention.", "not"),
        (
            "The Committee noted efforts to reduce the use of solitary confinement, but remained concerned "
            "that it could last up to four weeks.",
            "partially",
        ),
        ("Denmark ratified the Convention on 13 January 2022.", "fully"),
        ("A draft bill on the national human rights institution was being considered.", "partially"),
    ],
)
def test_the_claim_reader_reads_evidence_prose(text: str, level: str) -> None:
    assert extract_evidence_claim(text).level == level


def test_the_recommendation_page_shows_each_kinds_suggested_level_with_confidence_and_quotes(
    editor: User,
) -> None:
    _import("denmark", "DNK")
    rec = _rec("DNK", "60.1")
    url = reverse("recommendation", kwargs={"pk": rec.pk})
    editors = Client()
    editors.force_login(editor)
    page = editors.get(url).content.decode()
    assert "Suggested levels from this evidence" in page and "from unconfirmed links" in page
    assert Client().get(url + ".json").json()["suggested_levels"] == []  # nothing confirmed: not public
    _confirm(rec, "A/HRC/WG.6/52/DNK/2", "2", editor)
    public = Client().get(url).content.decode()
    assert "Suggested levels from this evidence" in public
    assert "suggested:" in public and "A/HRC/WG.6/52/DNK/2, para. 2" in public
    (un,) = Client().get(url + ".json").json()["suggested_levels"]
    assert (un["kind"], un["suggested"], un["basis"]) == ("un", True, "confirmed evidence links")
    assert un["level"] in ("fully", "partially") and 0 < un["confidence"] <= 1
    assert [quote["number"] for quote in un["quotes"]] == ["2"]


def test_the_state_vs_civil_society_chart_fills_from_suggestions_when_nothing_is_assessed(
    editor: User,
) -> None:
    for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt"):
        import_vocabulary(shared_path("data", "taxonomies", name))  # the themes the chart groups by
    _import("denmark", "DNK")
    url = reverse("state", kwargs={"code": "DNK"}) + ".json"
    chart = Client().get(url).json()["charts"]["state_vs_civil_society"]
    assert chart["rows"] == []
    rec = _rec("DNK", "60.1")
    theme = Term.objects.filter(
        vocabulary__code="upr-info-issues", label__icontains="international instruments"
    )
    RecommendationTerm.objects.create(
        recommendation=rec, term=theme.first()
    )  # as the worker or an editor tags it
    _confirm(rec, "A/HRC/WG.6/52/DNK/1", "6", editor)  # Denmark: "Denmark ratified the ICPPED"
    _confirm(rec, "A/HRC/WG.6/52/DNK/2", "2", editor)  # the Committee against Torture welcomed it
    chart = Client().get(url).json()["charts"]["state_vs_civil_society"]
    assert chart["rows"] and "suggested" in chart["spec"]["title"]
    assert "suggested" in chart["columns"][1] and "confidence" in chart["columns"][-1]
    assert all("confidence" in point for point in chart["spec"]["data"]["values"])
    page = Client().get(reverse("state", kwargs={"code": "DNK"})).content.decode()
    assert "suggested from the review" in page


def test_an_editor_drafts_an_assessment_from_the_confirmed_evidence_under_either_scheme(editor: User) -> None:
    _import("denmark", "DNK")
    rec = _rec("DNK", "60.1")
    coalition = Stakeholder.objects.create(
        name="Danish UPR follow-up coalition", acronym="DUFC", kind="coalition"
    )
    url = reverse("recommendation", kwargs={"pk": rec.pk})
    client = Client()
    client.force_login(editor)
    draft = reverse("evidence:draft-assessment", kwargs={"pk": rec.pk})
    refused = client.post(draft, {"stakeholder": "DUFC", "grade": "hrc:A"}, follow=True).content.decode()
    assert "no confirmed evidence yet" in refused
    assert not Assessment.private_objects.exists()
    _confirm(rec, "A/HRC/WG.6/52/DNK/2", "2", editor)
    assert "Draft an assessment from the confirmed evidence" in client.get(url).content.decode()
    client.post(draft, {"stakeholder": "dufc", "grade": "hrc:A"})
    made = Assessment.private_objects.get(recommendation=rec, stakeholder=coalition)
    assert (made.status, made.grade.scheme.code, made.grade.code) == (Status.DRAFT, "hrc", "A")
    assert "welcomed the ratification" in made.original_text
    assert (
        "A/HRC/WG.6/52/DNK/2 para. 2" in made.original_text
        and "Committee against Torture" in made.original_text
    )
    assert not Assessment.public_objects.filter(pk=made.pk).exists()
    assert [(row.action, row.actor) for row in made.history.all()] == [("created", "editor")]
    assert "welcomed the ratification" not in Client().get(url).content.decode().split("evidence-title")[0]
    # under the IRI's levels, by the function the API can call; a stakeholder drafts once
    nhri = Stakeholder.objects.create(name="Danish Institute for Human Rights", acronym="DIHR", kind="nhri")
    iri = draft_from_evidence(rec, nhri, "iri", "partially", editor)
    assert (iri.status, iri.grade.scheme.code, iri.grade.code) == (Status.DRAFT, "iri", "partially")
    with pytest.raises(Refused):
        draft_from_evidence(rec, nhri, "iri", "fully", editor)
    with pytest.raises(Refused):
        draft_from_evidence(rec, coalition, "hrc", "fully", editor)  # not a grade of the Committee's scheme
    Stakeholder.objects.create(name="A stakeholder without an acronym")
    with pytest.raises(Refused):
        find_stakeholder(" ")  # an empty name names no one, not the stakeholders without an acronym


def test_a_call_to_strengthen_something_says_it_exists_a_call_to_adopt_it_says_it_does_not() -> None:
    assert extract_evidence_claim(
        "It recommended that Namibia strengthen the Office of the Ombudsman."
    ).level == ("partially")
    assert extract_evidence_claim(
        "It recommended that Namibia establish a national preventive mechanism."
    ).level == ("not")


def test_an_action_plan_to_combat_something_is_no_plan_to_act() -> None:
    claim = extract_evidence_claim(
        "The DIHR was concerned about the lack of a dedicated offence code. It recommended that Denmark "
        "adopt a renewed national action plan to combat violence against women."
    )
    assert claim.level == "not"
    assert (
        extract_evidence_claim("The Government intends to table a bill on the Ombudsman.").level
        == "partially"
    )


def test_the_draft_form_appears_once_a_quote_is_confirmed_asks_for_a_grade_and_offers_the_stakeholders(
    editor: User,
) -> None:
    _import("denmark", "DNK")
    rec = _rec("DNK", "60.1")
    Stakeholder.objects.create(name="Danish UPR follow-up coalition", acronym="DUFC", kind="coalition")
    client = Client()
    client.force_login(editor)
    url = reverse("recommendation", kwargs={"pk": rec.pk})
    before = client.get(url).content.decode()
    assert "Draft an assessment from the confirmed evidence" not in before
    assert "Confirm a quote to draft an assessment from it" in before
    _confirm(rec, "A/HRC/WG.6/52/DNK/2", "2", editor)
    page = client.get(url).content.decode()
    form = page[page.index('class="draft-from-evidence"') :]
    form = form[: form.index("</form>")]
    assert '<option value="" selected>choose a grade</option>' in form  # no grade is given by default
    assert 'list="draft-stakeholders"' in form and '<option value="DUFC">' in form


def test_the_pages_quote_and_the_drafted_words_leave_out_the_documents_note_numbers(editor: User) -> None:
    _import("denmark", "DNK")
    rec = _rec("DNK", "60.2")  # the Optional Protocol to the ICESCR
    _confirm(rec, "A/HRC/WG.6/52/DNK/1", "7", editor)
    client = Client()
    client.force_login(editor)
    page = client.get(reverse("recommendation", kwargs={"pk": rec.pk})).content.decode()
    assert "with the exception of ICESCR.”" in page and "ICESCR.12" not in page
    coalition = Stakeholder.objects.create(name="Danish UPR follow-up coalition", acronym="DUFC")
    made = draft_from_evidence(rec, coalition, "iri", "not", editor)
    assert "ICESCR.”" in made.original_text and "ICESCR.12" not in made.original_text
