"""Fact sheets (seed 001) and the treaty-body follow-up table (seed 003) from the Kazakhstan data."""

from __future__ import annotations

import io

from docx import Document

from rightstrack.reports import ReportError
from tests.reports.conftest import Kazakhstan, docx_text, normalised, pdf_text


def test_each_fact_sheet_is_a_heading_with_its_upr_rows_and_answers(kazakhstan: Kazakhstan) -> None:
    sheets = kazakhstan.expected["sheets"]
    assert len(sheets) == 7
    document = Document(io.BytesIO(kazakhstan.content("factsheet", "docx")))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == sheets
    upr = [t for t in document.tables if t.rows[0].cells[-1].text == "Answer of the State"]
    answers = [row.cells[3].text for table in upr for row in table.rows[1:]]
    assert answers.count("✗ Noted") == kazakhstan.expected["noted"]
    assert sum(a.startswith("✓ Supported") for a in answers) == kazakhstan.expected["supported"] > 0
    first = [c.text for c in upr[0].rows[1].cells]
    assert first[0] == "124.4" and first[2] == "Brazil" and first[1].startswith("Define criminal offences")


def test_fact_sheets_show_the_similar_committee_paragraphs_grades_and_suggestions(
    kazakhstan: Kazakhstan,
) -> None:
    assert "Similar recommendations of the Human Rights Committee (CCPR/C/KAZ/CO/2)" in docx_text(
        kazakhstan.content("factsheet", "docx")
    )
    text = normalised(pdf_text(kazakhstan.pdf("factsheet")))
    assert "B (a) and (b)" in text and "C (c) to (f)" in text  # paragraph 24's follow-up grades
    assert "Suggested recommendations for the next cycle" in text
    assert "Ratify the Optional Protocol to the CRPD." in text
    assert "NGO Coalition from the Republic of Kazakhstan" in text
    html = kazakhstan.content("factsheet", "html").decode()
    assert html.count("<h2") == 7 and '<th scope="col">Follow-up grade</th>' in html


def test_a_fact_sheet_can_be_chosen_by_its_theme(kazakhstan: Kazakhstan) -> None:
    one = kazakhstan.extra["one sheet"]
    assert one.filename == "KAZ-factsheet-upr2-article-19-en.html"
    html = one.content.decode()
    assert html.count("<h2") == 1 and "Article 19 ICCPR – Freedom of expression</h2>" in html
    error = kazakhstan.extra["no sheet"]
    assert isinstance(error, ReportError) and "is about 'astrology'" in error.message


def test_the_treaty_body_table_has_every_graded_sub_recommendation(kazakhstan: Kazakhstan) -> None:
    document = Document(io.BytesIO(kazakhstan.content("treatybody", "docx")))
    text = docx_text(kazakhstan.content("treatybody", "docx"))
    for paragraph in ("7", "18", "21", "24", "25", "26", "54"):
        assert f"Paragraph {paragraph}\n" in text
    rows = [
        [c.text for c in row.cells]
        for table in document.tables
        if table.rows[0].cells[0].text == "Sub-recommendation"
        for row in table.rows[1:]
    ]
    graded = {(row[0][:40], row[1]) for row in rows}
    assert ("The Commissioner for Human Rights should", "N/A") in graded
    assert ("The State party should take steps to saf", "C") in graded
    expanded = next(row for row in rows if row[0].startswith("The State party should strengthen"))
    assert expanded[0].endswith("(General Assembly resolution 48/134, annex).")  # the whole sentence
    assert expanded[1] == "B2" and expanded[2].startswith("A consolidation of the Ombudsman")
    grades = {grade for _paragraph, grade in kazakhstan.expected["grades"]}
    assert grades <= {row[1] for row in rows}
    html = kazakhstan.content("treatybody", "html").decode()
    assert "<h3>Paragraph 7</h3>" in html and "Action taken by the State</th>" in html
    pdf = normalised(pdf_text(kazakhstan.pdf("treatybody")))
    assert "Concluding observations CCPR/C/KAZ/CO/2 (2016)" in pdf and "B2" in pdf
