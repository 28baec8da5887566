"""Evidence documents stored and linked to Denmark's 3rd-cycle recommendations; editors decide."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from rightstrack.documents.importing import ImportFailed, import_files
from rightstrack.documents.models import SourceDocument
from rightstrack.evidence.decisions import decide
from rightstrack.evidence.linking import link_evidence
from rightstrack.evidence.models import Decision, EvidenceDocument, EvidenceLink, EvidenceParagraph
from rightstrack.ingest.registry import mapped_source
from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import Recommendation
from tests.conftest import shared_path

COLUMNS = (
    "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
    "state:=DNK,mechanism:=UPR,cycle:=3"
)
NAMES = ("national-report.txt", "compilation.txt", "stakeholders-summary.txt")


def _documents() -> list[Path]:
    return [shared_path("data", "evidence", "denmark", name) for name in NAMES]


def _counts() -> tuple[int, int, int]:
    return SourceDocument.objects.count(), EvidenceDocument.objects.count(), EvidenceParagraph.objects.count()


@pytest.fixture
def denmark(db: None, settings: object) -> None:
    """Denmark's 3rd-cycle recommendations (the assessment's mapped sheet) and its 4th-cycle documents."""
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    sheet = shared_path("data", "evidence", "denmark", "assessment.csv")
    import_files([sheet], source=mapped_source(parse_columns(COLUMNS)))
    import_files(_documents())


def _rec(ref: str) -> Recommendation:
    return Recommendation.objects.get(review__state_id="DNK", refs__value=ref)


def _ranked(ref: str) -> list[str]:
    links = EvidenceLink.objects.filter(recommendation=_rec(ref)).select_related("paragraph__document")
    return [
        f"{link.paragraph.document.symbol} para. {link.paragraph.number}" for link in links.order_by("rank")
    ]


def test_importing_the_documents_twice_changes_nothing(db: None, settings: object) -> None:
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    first = import_files(_documents())
    assert [report.created["evidence paragraphs"] for report in first] == [161, 65, 67]
    counts = _counts()
    assert counts == (3, 3, 293)
    again = import_files(_documents())
    assert all(report.unchanged for report in again)
    assert _counts() == counts


def test_a_bad_evidence_file_is_refused_with_its_place_and_nothing_is_written(
    db: None, tmp_path: Path, settings: object
) -> None:
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    bad = tmp_path / "broken-compilation.txt"
    bad.write_text(
        "A/HRC/WG.6/52/DNK/2\nWorking Group on the Universal Periodic Review\nNo numbered paragraph.\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as failure:
        import_files([*_documents(), bad])
    assert "broken-compilation.txt" in str(failure.value)
    assert "line 1" in str(failure.value) and "numbered paragraph" in str(failure.value)
    assert _counts() == (0, 0, 0)


def test_linking_finds_the_paragraphs_the_assessment_cites_for_recommendations_we_checked(
    denmark: None,
) -> None:
    made = link_evidence(["DNK"])
    assert made["DNK"] == 10 * Recommendation.objects.filter(review__state_id="DNK").count()
    # 60.1 "Ratify the International Convention for the Protection of All Persons from Enforced
    # Disappearance": the national report's paragraph 6 and the compilation's paragraph 2 say it was done.
    top = _ranked("60.1")[:5]
    assert "A/HRC/WG.6/52/DNK/1 para. 6" in top and "A/HRC/WG.6/52/DNK/2 para. 2" in top
    # 60.123 "Include torture as a separate offence in its Criminal Code": the Committee against
    # Torture's concern (compilation, paragraph 12) and the DIHR's on Greenland (summary, paragraph 12).
    top = _ranked("60.123")[:5]
    assert "A/HRC/WG.6/52/DNK/2 para. 12" in top and "A/HRC/WG.6/52/DNK/3 para. 12" in top
    first = EvidenceLink.objects.filter(recommendation=_rec("60.123"), rank=1).get()
    assert "torture" in first.reason


def test_an_editor_sees_the_quotes_confirms_one_rejects_another_and_the_rejection_is_remembered(
    denmark: None,
) -> None:
    link_evidence(["DNK"], semantic=False)
    rec = _rec("60.123")
    editor = User.objects.create_user("editor", "editor@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=editor, role=Role.EDITOR)
    client = Client()
    client.force_login(editor)
    page = client.get(reverse("recommendation", kwargs={"pk": rec.pk})).content.decode()
    assert "Evidence from the review" in page
    assert "torture was not criminalized as a distinct offence in the Danish Penal Code" in page
    assert "Committee against Torture" in page and "[UN]" in page and "[NHRI]" in page
    links = list(EvidenceLink.objects.filter(recommendation=rec).order_by("rank"))
    keep, drop = links[0], links[1]
    client.post(reverse("evidence:confirm", kwargs={"pk": keep.pk}))
    client.post(reverse("evidence:reject", kwargs={"pk": drop.pk}))
    keep.refresh_from_db()
    drop.refresh_from_db()
    assert (keep.decision, keep.decided_by) == (Decision.CONFIRMED, editor)
    assert drop.decision == Decision.REJECTED
    assert [(line["from"], line["to"], line["by"]) for line in drop.history] == [
        ("pending", "rejected", "editor")
    ]
    link_evidence(["DNK"], semantic=False)  # computed again: the editor's decisions stay
    assert EvidenceLink.objects.get(pk=keep.pk).decision == Decision.CONFIRMED
    assert list(EvidenceLink.objects.filter(recommendation=rec, paragraph=drop.paragraph)) == [drop]
    public = Client().get(reverse("recommendation", kwargs={"pk": rec.pk})).content.decode()
    assert keep.paragraph.text[:60] in public or keep.paragraph.document.symbol in public
    assert drop.paragraph.text[:60] not in public
    data = Client().get(reverse("recommendation", kwargs={"pk": rec.pk}) + ".json").json()
    assert [item["paragraph"] for item in data["evidence"]] == [keep.paragraph.number]


@pytest.mark.django_db(transaction=True)
def test_the_worker_links_the_evidence_after_an_import(settings: object) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}  # type: ignore[attr-defined]
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    sheet = shared_path("data", "evidence", "denmark", "assessment.csv")
    import_files([sheet], source=mapped_source(parse_columns(COLUMNS)))
    assert not EvidenceLink.objects.exists()
    settings.RIGHTSTRACK_MACHINE_HELP = True  # type: ignore[attr-defined]
    import_files(_documents()[1:2])
    assert EvidenceLink.objects.filter(paragraph__document__symbol="A/HRC/WG.6/52/DNK/2").count() > 0


def test_a_quote_an_editor_confirms_is_lifted_for_the_alike_recommendations(denmark: None) -> None:
    link_evidence(["DNK"])
    editor = User.objects.create_user("editor", "editor@example.org", "a-long-passphrase-1")
    # 60.179 and 60.171 both ask to close the pay gap between women and men; IPWR's words on it
    quote = "A/HRC/WG.6/52/DNK/3 para. 47"
    before = _ranked("60.171")
    links = EvidenceLink.objects.filter(recommendation=_rec("60.179")).select_related("paragraph__document")
    link = next(link for link in links if str(link.paragraph) == quote)
    decide(link, Decision.CONFIRMED, editor)
    link_evidence(["DNK"])
    after = _ranked("60.171")
    assert quote in after[:3]
    assert quote not in before[:3]
    lifted = EvidenceLink.objects.get(recommendation=_rec("60.171"), paragraph=link.paragraph)
    assert "an editor confirmed it for the alike recommendation 60.179" in lifted.reason
