"""The OHCHR thematic list with its last column filled, and the implementation report, from Denmark's
3rd-cycle recommendations (the assessment's mapped sheet), its 4th-cycle documents linked to them, one
link an editor confirmed and one assessment published through the workflow (and one left a draft)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from tests.conftest import shared_path
from tests.reports.conftest import docx_text, normalised, pdf_text

pytestmark = pytest.mark.django_db  # the module's fixture is set up in the test database
COLUMNS = (
    "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
    "state:=DNK,mechanism:=UPR,cycle:=3"
)
NAMES = ("national-report.txt", "compilation.txt", "stakeholders-summary.txt")
HEADERS = [
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
]
DATE = datetime.date(2025, 11, 1)
CONFIRMED = "60.123"  # its first-ranked link is confirmed
PUBLISHED = "60.1"  # a published assessment
DRAFT = "60.2"  # an assessment left a draft
NOTHING = "60.5"  # neither
PUBLISHED_WORDS = (
    "Denmark ratified the Convention against Enforced Disappearance in 2022. It has not accepted the "
    "individual complaints procedure."
)
DRAFT_WORDS = "A draft nobody published says this recommendation is fully implemented."
RENDERED = [
    ("thematic", "docx", "en"),
    ("thematic", "docx", "ru"),
    ("thematic", "html", "en"),
    *(("implementation", fmt, language) for fmt in ("html", "pdf", "docx") for language in ("en", "ru")),
]
AGAIN = [("thematic", "docx", "en"), ("implementation", "docx", "ru"), ("implementation", "pdf", "en")]


@dataclass
class Denmark:
    files: dict[tuple[str, str, str], Any] = field(default_factory=dict)
    again: dict[tuple[str, str, str], Any] = field(default_factory=dict)
    quote: dict[str, str] = field(default_factory=dict)  # the confirmed link: symbol, paragraph, text
    reread: Any = None  # the thematic DOCX read back by the ohchr-matrix importer

    def content(self, kind: str, fmt: str, language: str = "en") -> bytes:
        data: bytes = self.files[kind, fmt, language].content
        return data


@pytest.fixture(scope="module")
def denmark(django_db_setup: None, django_db_blocker: Any) -> Iterator[Denmark]:
    """Everything imported, decided and rendered once, inside a transaction rolled back after."""
    from django.contrib.auth.models import User
    from django.db import transaction
    from django.test import override_settings

    from rightstrack.assessments.models import Assessment, Grade, Stakeholder
    from rightstrack.assessments.workflow import Move, perform
    from rightstrack.documents.importing import import_files
    from rightstrack.evidence.decisions import decide
    from rightstrack.evidence.linking import link_evidence
    from rightstrack.evidence.models import Decision, EvidenceLink
    from rightstrack.ingest.registry import mapped_source
    from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
    from rightstrack.ingest.sources.ohchr_matrix.parser import parse
    from rightstrack.portal.models import Membership, Role
    from rightstrack.recommendations.models import Recommendation
    from rightstrack.reports.api import render

    folder = ("data", "evidence", "denmark")
    result = Denmark()
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(RIGHTSTRACK_MACHINE_HELP=False):
        import_files([shared_path(*folder, "assessment.csv")], source=mapped_source(parse_columns(COLUMNS)))
        import_files([shared_path(*folder, name) for name in NAMES])
        link_evidence(["DNK"], semantic=False)

        def rec(ref: str) -> Recommendation:
            return Recommendation.objects.get(review__state_id="DNK", refs__value=ref)

        editor = User.objects.create_user("erin", "erin@example.org", "a-long-test-passphrase")
        Membership.objects.create(user=editor, role=Role.EDITOR)
        link = EvidenceLink.objects.filter(recommendation=rec(CONFIRMED)).order_by("rank").first()
        assert link is not None
        decide(link, Decision.CONFIRMED, editor)
        result.quote = {"symbol": link.paragraph.document.symbol, "paragraph": link.paragraph.number}
        ngo = Stakeholder.objects.create(name="Danish Human Rights Watchers", acronym="DHRW", kind="ngo")
        contributor = User.objects.create_user("cora", "cora@example.org", "a-long-test-passphrase")
        Membership.objects.create(user=contributor, role=Role.CONTRIBUTOR, organisation=ngo)
        partially = Grade.objects.get(scheme__code="iri", code="partially")
        published = Assessment.private_objects.create(
            recommendation=rec(PUBLISHED), stakeholder=ngo, grade=partially, original_text=PUBLISHED_WORDS
        )
        perform(contributor, Move.SUBMIT, published)
        perform(editor, Move.PUBLISH, published)
        fully = Grade.objects.get(scheme__code="iri", code="fully")
        Assessment.private_objects.create(
            recommendation=rec(DRAFT), stakeholder=ngo, grade=fully, original_text=DRAFT_WORDS
        )
        for kind, fmt, language in RENDERED:
            result.files[kind, fmt, language] = render(kind, "DNK", fmt, language, date=DATE)
        for kind, fmt, language in AGAIN:
            result.again[kind, fmt, language] = render(kind, "Denmark", fmt, language, date=DATE)
        result.reread = parse(result.content("thematic", "docx"))
        transaction.set_rollback(True)
    yield result


def _rows(content: bytes) -> dict[str, list[str]]:
    """The thematic list's recommendation rows by paragraph number: the four cells' texts."""
    document = Document(io.BytesIO(content))
    rows = {}
    for table in document.tables:
        for row in table.rows[2:]:
            cells = [cell.text for cell in row.cells]
            rows[cells[0].split(" ", 1)[0]] = cells
    return rows


def _docx_all(content: bytes) -> str:
    """A Word file's paragraphs, then its tables' cells."""
    tables = Document(io.BytesIO(content)).tables
    cells = [cell.text for table in tables for row in table.rows for cell in row.cells]
    return "\n".join([docx_text(content), *cells])


def test_the_thematic_list_has_ohchrs_four_columns_and_a_theme_row_in_every_table(denmark: Denmark) -> None:
    document = Document(io.BytesIO(denmark.content("thematic", "docx")))
    assert document.tables
    for table in document.tables:
        assert [cell.text for cell in table.rows[0].cells] == HEADERS
        assert table.rows[1].cells[0].text.startswith("Theme: ")
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("UPR of Denmark (3rd Cycle") and "Thematic list of recommendations" in header
    # the mapped sheet stores no theme: every recommendation stands under the last heading, "Other"
    assert document.tables[-1].rows[1].cells[0].text == "Theme: Other"
    # accessible: both heading rows are header rows (repeated on every page), the language is stated
    marked = [row._tr.xpath("./w:trPr/w:tblHeader") != [] for row in document.tables[0].rows[:3]]
    assert marked == [True, True, False]
    assert document.styles["Normal"].element.xpath("./w:rPr/w:lang/@w:val") == ["en-GB"]
    title = document.paragraphs[0].style
    assert title is not None and title.name == "Title"


def test_the_confirmed_recommendation_has_its_quote_with_symbol_and_paragraph_in_column_4(
    denmark: Denmark,
) -> None:
    rows = _rows(denmark.content("thematic", "docx"))
    confirmed = rows[CONFIRMED]
    assert confirmed[0].startswith(f"{CONFIRMED} ") and confirmed[1] == "Noted"
    where = f"{denmark.quote['symbol']}, para. {denmark.quote['paragraph']}"
    assert where in confirmed[3] and confirmed[3].startswith("“")
    assert rows[NOTHING][3] == ""


def test_column_4_holds_the_published_assessment_shortened_with_its_level_and_stakeholder(
    denmark: Denmark,
) -> None:
    rows = _rows(denmark.content("thematic", "docx"))
    assert rows[PUBLISHED][3] == (
        "Partially implemented: Denmark ratified the Convention against Enforced Disappearance in 2022. "
        "(Danish Human Rights Watchers (DHRW))"
    )
    assert rows[DRAFT][3] == ""  # a draft is nobody's published word
    # as the document names them
    states = "Italy, Argentina, Lithuania, Sudan, Malawi, Cuba, Costa Rica, France, Albania"
    assert rows[PUBLISHED][0].endswith(f"({states});")


def test_the_ohchr_matrix_importer_reads_the_list_back(denmark: Denmark) -> None:
    parsed = denmark.reread
    assert (parsed.review.state, parsed.review.cycle) == ("DNK", 3)
    refs = {record.ref for record in parsed.recommendations}
    rows = _rows(denmark.content("thematic", "docx"))
    assert refs == set(rows) and {CONFIRMED, PUBLISHED, NOTHING} <= refs
    assert {record.theme_heading for record in parsed.recommendations} == {"Other"}


def test_the_russian_thematic_list_translates_the_headers(denmark: Denmark) -> None:
    document = Document(io.BytesIO(denmark.content("thematic", "docx", "ru")))
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[0] == "Рекомендация" and header[3] != HEADERS[3]
    assert document.tables[-1].rows[1].cells[0].text == "Тема: Прочее"


def test_the_thematic_list_as_html_has_the_four_column_headers(denmark: Denmark) -> None:
    html = denmark.content("thematic", "html").decode()
    assert all(f'<th scope="col">{header}</th>' in html for header in HEADERS)
    assert f"{denmark.quote['symbol']}, para. {denmark.quote['paragraph']}" in html


def test_the_implementation_report_gives_levels_rationales_and_evidence_in_every_format(
    denmark: Denmark,
) -> None:
    where = f"{denmark.quote['symbol']}"
    for language in ("en", "ru"):
        html = denmark.content("implementation", "html", language).decode()
        docx = _docx_all(denmark.content("implementation", "docx", language))
        pdf = normalised(pdf_text(PdfReader(io.BytesIO(denmark.content("implementation", "pdf", language)))))
        for text in (html, docx, pdf):
            assert "Danish Human Rights Watchers (DHRW)" in text
            assert "Denmark ratified the Convention against Enforced Disappearance in 2022." in text
            assert where in text.replace("/ ", "/")  # the PDF's narrow column may break the symbol
            assert DRAFT_WORDS not in text  # published assessments only
    english = docx_text(denmark.content("implementation", "docx"))
    assert "Level: partially implemented" in english and "Level: no assessment" in english
    russian = docx_text(denmark.content("implementation", "docx", "ru"))
    assert "Уровень: нет оценки" in russian


def test_the_implementation_report_starts_with_a_summary_of_levels(denmark: Denmark) -> None:
    from docx import Document as Open

    document = Open(io.BytesIO(denmark.content("implementation", "docx")))
    summary = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert summary[0] == ["Level", "Recommendations", "With confirmed evidence"]
    counts = {row[0]: row[1:] for row in summary[1:]}
    assert counts["partially implemented"] == ["1", "0"]
    total = int(counts["Total"][0])
    assert int(counts["no assessment"][0]) == total - 1 and counts["Total"][1] == "1"


def test_the_new_reports_are_reproducible(denmark: Denmark) -> None:
    for key, again in denmark.again.items():
        assert again.content == denmark.files[key].content, key
    assert denmark.files["thematic", "docx", "en"].filename == "DNK-thematic-upr3-en.docx"
    assert denmark.files["implementation", "pdf", "ru"].filename == "DNK-implementation-upr3-ru.pdf"
