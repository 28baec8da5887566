"""A suggested level per source kind, read from the evidence linked to a recommendation."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from rightstrack.analysis.claims import extract_evidence_claim
from rightstrack.documents.importing import import_files
from rightstrack.evidence.decisions import decide
from rightstrack.evidence.linking import link_evidence
from rightstrack.evidence.models import Decision, EvidenceLink, EvidenceParagraph, SuggestedLevel
from rightstrack.evidence.suggesting import suggest_for_states
from rightstrack.ingest.registry import mapped_source
from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import Recommendation
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
