"""The editors' page that imports evidence documents (a review's three documents, or any other text),
as `rightstrack import FILE` does: all or nothing, the linking queued for the worker after it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from rightstrack.assessments.models import Stakeholder
from rightstrack.documents.importing import import_files
from rightstrack.documents.models import SourceDocument
from rightstrack.evidence.models import EvidenceDocument, EvidenceLink, EvidenceParagraph
from rightstrack.ingest.registry import mapped_source
from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
from rightstrack.portal.forms import MAX_UPLOAD
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import Recommendation
from tests.conftest import database_snapshot, shared_path

PASSWORD = "a-long-test-passphrase"
PAGE = "/portal/imports/evidence/"
DENMARK = ("data", "evidence", "denmark")
COLUMNS = (
    "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
    "state:=DNK,mechanism:=UPR,cycle:=3"
)
#: A hand-made NHRI text: headed, numbered paragraphs (the generic reader's layout).
NHRI_REPORT = """Status report on human rights in Denmark 2026

1. Denmark has ratified the International Convention for the Protection of All Persons from \
Enforced Disappearance; the Institute welcomes it.

2. In Denmark torture is still not a separate offence in the Criminal Code.

3. The Institute recommends that Denmark closes the gender pay gap.
"""


def _person(name: str, role: Role, organisation: Stakeholder | None = None) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", PASSWORD)
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


@pytest.fixture
def editor(db: None, client: Client, settings: Any) -> Client:
    settings.RIGHTSTRACK_MACHINE_HELP = False
    client.force_login(_person("erin", Role.EDITOR))
    return client


def _file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, shared_path(*DENMARK, name).read_bytes())


def _upr(*files: SimpleUploadedFile) -> dict[str, Any]:
    return {"documents": list(files), "reading": "upr"}


def _counts() -> dict[str, int]:
    return database_snapshot() | {
        "evidence documents": EvidenceDocument.objects.count(),
        "evidence paragraphs": EvidenceParagraph.objects.count(),
        "evidence links": EvidenceLink.objects.count(),
    }


def _refusal(page: str) -> str:
    found = re.search(r'<div[^>]*id="refusal".*?</div>\s*</div>', page, re.S)
    assert found is not None, page[:3000]
    return found.group()


def test_only_editors_get_the_evidence_import_page(db: None, client: Client) -> None:
    organisation = Stakeholder.objects.create(name="Organisation A", acronym="ORGA", kind="ngo")
    assert client.get(PAGE).status_code == 302  # a visitor is sent to sign in
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")
    for name, role in (("carl", Role.CONTRIBUTOR), ("vera", Role.VIEWER)):
        client.force_login(_person(name, role, organisation if role == Role.CONTRIBUTOR else None))
        assert client.get(PAGE).status_code == 403
        upload = SimpleUploadedFile("national-report.txt", NHRI_REPORT.encode())
        assert client.post(PAGE, _upr(upload)).status_code == 403
    assert not SourceDocument.objects.exists()


def test_the_portal_menu_links_the_page_for_editors_only(editor: Client) -> None:
    home = editor.get("/portal/").content.decode()
    assert f'href="{PAGE}"' in home and "Import evidence documents" in home
    form = editor.get(PAGE).content.decode()
    assert "<h1>Import evidence documents</h1>" in form
    for field in ("documents", "reading", "state", "title", "author", "author_kind"):
        assert re.search(rf'<label for="id_{field}[_"0-9]*', form), field  # every field has its label
    viewer = Client()
    viewer.force_login(_person("vera", Role.VIEWER))
    assert PAGE not in viewer.get("/portal/").content.decode()


def test_a_text_that_is_no_upr_document_is_refused_with_its_place_and_nothing_is_written(
    editor: Client,
) -> None:
    before = _counts()
    notes = SimpleUploadedFile("meeting-notes.txt", b"Notes of our meeting\n\nWe spoke of the report.\n")
    response = editor.post(PAGE, _upr(_file("national-report.txt"), notes))
    assert response.status_code == 400
    refusal = _refusal(response.content.decode())
    assert "meeting-notes.txt" in refusal and "line 1" in refusal
    assert "no UPR document symbol A/HRC/WG.6/NN/XXX/1, /2 or /3 on the cover" in refusal
    assert "Nothing was imported" in refusal
    assert _counts() == before  # the national report, which was fine, is not written either


def test_a_pdf_that_is_not_a_pdf_is_refused_with_its_place_and_nothing_is_written(editor: Client) -> None:
    before = _counts()
    fake = SimpleUploadedFile("compilation.pdf", shared_path(*DENMARK, "compilation.txt").read_bytes())
    response = editor.post(PAGE, _upr(_file("national-report.txt"), fake))
    assert response.status_code == 400
    refusal = _refusal(response.content.decode())
    assert "compilation.pdf" in refusal and "line 1" in refusal
    assert "is not a PDF" in refusal
    assert _counts() == before


def test_a_file_over_the_upload_limit_or_of_another_format_is_refused_by_name(editor: Client) -> None:
    big = SimpleUploadedFile("big.txt", b"x" * (MAX_UPLOAD + 1))
    sheet = SimpleUploadedFile("list.xlsx", b"PK\x03\x04 not read")
    response = editor.post(PAGE, _upr(big, sheet))
    assert response.status_code == 400
    refusal = _refusal(response.content.decode())
    assert "big.txt" in refusal and f"{MAX_UPLOAD:,}" in refusal
    assert "list.xlsx" in refusal and ".txt, .pdf or .docx" in refusal
    assert not SourceDocument.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_national_report_imported_on_the_page_is_linked_and_quoted_on_the_recommendation_page(
    client: Client, settings: Any
) -> None:
    # the worker's tasks run at once, as `rightstrack worker` would run them after the import
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.RIGHTSTRACK_MACHINE_HELP = False
    import_files([shared_path(*DENMARK, "assessment.csv")], source=mapped_source(parse_columns(COLUMNS)))
    settings.RIGHTSTRACK_MACHINE_HELP = True
    client.force_login(_person("erin", Role.EDITOR))
    response = client.post(PAGE, _upr(_file("national-report.txt")))
    assert response.status_code == 200, response.content.decode()[:3000]
    page = response.content.decode()
    done = re.search(r'<section[^>]*id="imported".*?</section>', page, re.S)
    assert done is not None
    assert "A/HRC/WG.6/52/DNK/1" in done.group() and "national-report.txt" in done.group()
    assert "161 paragraphs" in done.group()
    assert "Denmark" in done.group() and "State" in done.group()  # the national report's source
    document = EvidenceDocument.objects.get(symbol="A/HRC/WG.6/52/DNK/1")
    assert document.paragraphs.count() == 161
    made = EvidenceLink.objects.filter(paragraph__document=document).count()
    assert made > 0
    linking = re.search(r'<p[^>]*id="linking".*?</p>', page, re.S)
    assert linking is not None and f"{made} suggested links" in linking.group()
    rec = Recommendation.objects.get(review__state_id="DNK", refs__value="60.1")
    shown = client.get(reverse("recommendation", kwargs={"pk": rec.pk})).content.decode()
    # 60.1 asks Denmark to ratify the Convention on Enforced Disappearance: its report's paragraph 6
    # says it did, and the page quotes it for the editor to confirm
    items = re.findall(r'<li class="evidence-link">.*?</li>', shown, re.S)
    quoted = [item for item in items if "<cite>A/HRC/WG.6/52/DNK/1</cite>, para. 6" in item]
    assert quoted, items[:3]
    assert "Denmark ratified the International Convention for the Protection of All Persons" in quoted[0]
    assert '<button type="submit">confirm</button>' in quoted[0]


def test_importing_the_same_documents_twice_on_the_page_changes_nothing(editor: Client) -> None:
    first = editor.post(PAGE, _upr(_file("compilation.txt"), _file("stakeholders-summary.txt")))
    assert first.status_code == 200
    counts = _counts()
    assert counts["evidence documents"] == 2
    again = editor.post(PAGE, _upr(_file("stakeholders-summary.txt"), _file("compilation.txt")))
    assert again.status_code == 200
    page = again.content.decode()
    assert page.count("already imported: nothing changed") == 2
    assert _counts() == counts


def test_another_evidence_document_is_kept_with_the_state_title_and_author_the_editor_gives(
    editor: Client,
) -> None:
    upload = SimpleUploadedFile("dihr-status-2026.txt", NHRI_REPORT.encode())
    response = editor.post(
        PAGE,
        {
            "documents": [upload],
            "reading": "other",
            "state": "DNK",
            "title": "Status report 2026",
            "author": "Danish Institute for Human Rights",
            "author_kind": "nhri",
        },
    )
    assert response.status_code == 200, response.content.decode()[:3000]
    document = EvidenceDocument.objects.get()
    assert (document.kind, document.state, document.title) == ("evidence", "DNK", "Status report 2026")
    assert document.source.name == "dihr-status-2026.txt" and document.source.title == "Status report 2026"
    paragraphs = list(document.paragraphs.order_by("number"))
    assert [p.number for p in paragraphs] == ["1", "2", "3"]
    assert paragraphs[1].text.startswith("In Denmark torture is still not a separate offence")  # its words
    assert {p.source_names() for p in paragraphs} == {"Danish Institute for Human Rights"}
    assert {tuple(p.source_kinds()) for p in paragraphs} == {("nhri",)}
    page = response.content.decode()
    assert "Status report 2026" in page and "3 paragraphs" in page and "NHRI" in page


def test_another_evidence_document_needs_its_state_and_a_named_author_for_a_kind(editor: Client) -> None:
    upload = SimpleUploadedFile("dihr.txt", NHRI_REPORT.encode())
    response = editor.post(PAGE, {"documents": [upload], "reading": "other", "author_kind": "nhri"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the State the document is about." in page
    assert "Name the author whose kind you chose." in page
    assert not SourceDocument.objects.exists()
    two = [SimpleUploadedFile(name, NHRI_REPORT.encode()) for name in ("a.txt", "b.txt")]
    response = editor.post(PAGE, {"documents": two, "reading": "other", "state": "DNK", "title": "One title"})
    assert "A title names one document" in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_the_page_reads_a_docx_and_refuses_a_word_file_that_is_not_one(
    editor: Client, tmp_path: Path
) -> None:
    from docx import Document

    word = Document()
    for paragraph in NHRI_REPORT.split("\n\n"):
        word.add_paragraph(paragraph)
    path = tmp_path / "dihr.docx"
    word.save(str(path))
    fake = SimpleUploadedFile("other.docx", NHRI_REPORT.encode())
    data = {"reading": "other", "state": "DNK", "author": "DIHR", "author_kind": "nhri"}
    good = SimpleUploadedFile("dihr.docx", path.read_bytes())
    refused = editor.post(PAGE, data | {"documents": [good, fake]})
    assert refused.status_code == 400
    assert "other.docx" in _refusal(refused.content.decode()) and "is not a Word" in refused.content.decode()
    assert not SourceDocument.objects.exists()
    done = editor.post(PAGE, data | {"documents": [SimpleUploadedFile("dihr.docx", path.read_bytes())]})
    assert done.status_code == 200, done.content.decode()[:3000]
    assert EvidenceDocument.objects.get().paragraphs.count() == 3


def test_the_page_its_result_and_its_refusals_read_in_russian(editor: Client) -> None:
    from tests.web.test_russian_pages import data_texts, english_left, english_messages

    russian = Client(HTTP_ACCEPT_LANGUAGE="ru")
    russian.force_login(User.objects.get(username="erin"))
    patterns = english_messages()
    form = russian.get(PAGE).content.decode()
    assert "<h1>Импорт документов-источников</h1>" in form
    refused = russian.post(PAGE, _upr(SimpleUploadedFile("notes.txt", b"Notes\n\nNothing numbered.\n")))
    assert refused.status_code == 400
    assert "Ничего не импортировано: файл отклонён." in refused.content.decode()
    assert "строка файла 1" in _refusal(refused.content.decode())
    done = russian.post(PAGE, _upr(_file("compilation.txt"))).content.decode()
    assert "65 пунктов" in done
    for page in (form, refused.content.decode(), done):
        assert english_left(page, patterns, data_texts()) == []
