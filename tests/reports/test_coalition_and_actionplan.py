"""The coalition's slides (seed 004) and the action plan follow-up (seed 002)."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook
from pptx import Presentation
from pptx.shapes.graphfrm import GraphicFrame

from tests.reports.conftest import Kazakhstan, docx_text, normalised, pdf_text


def test_the_slides_have_one_slide_per_issue_with_its_counts(kazakhstan: Kazakhstan) -> None:
    deck = Presentation(io.BytesIO(kazakhstan.content("coalition", "pptx")))
    titles = [slide.shapes.title.text_frame.text if slide.shapes.title else "" for slide in deck.slides]
    assert titles[0] == "UPR cycle 4 of Kazakhstan" and titles[1] == "Overview"
    issues = kazakhstan.expected["issues"]
    assert len(issues) == 3
    for number, (issue, total, implemented, partially, not_implemented) in enumerate(issues, start=1):
        title = f"Issue {number}: {issue}"
        slides = [slide for slide, text in zip(deck.slides, titles, strict=True) if text == title]
        assert len(slides) == 1, title
        tables = [s for s in slides[0].shapes if isinstance(s, GraphicFrame) and s.has_table]
        cells = [[c.text for c in row.cells] for row in tables[0].table.rows]
        expected = [implemented, partially, not_implemented, total]
        assert [row[1] for row in cells[1:]] == [str(n) if n is not None else "–" for n in expected]
        assert f"{title} — new recommendations" in titles
    assert [row[1] for row in cells[1:]] == ["16", "–", "–", "52"]  # women's rights: only "implemented"
    pictures = [s for s in deck.slides[1].shapes if s.shape_type == 13]
    assert pictures and pictures[0]._element.nvPicPr.cNvPr.get("descr")
    assert str(deck.core_properties.created.date()) == str(
        kazakhstan.files["coalition", "pptx", "en"].filename and deck.core_properties.modified.date()
    )


def test_the_coalition_pdf_is_one_landscape_page_per_slide(kazakhstan: Kazakhstan) -> None:
    reader = kazakhstan.pdf("coalition")
    assert len(reader.pages) == 2 + 2 * 3
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)
    text = normalised(pdf_text(reader))
    assert "Issue 2: Children's rights" in text and "UPR cycle 3: about 40 recommendations" in text
    assert "partially implemented 38" in text


def test_the_russian_pdf_has_cyrillic_text(kazakhstan: Kazakhstan) -> None:
    text = pdf_text(kazakhstan.pdf("coalition", "ru"))
    assert "выполнена полностью" in text and "Данные в виде таблицы" in text


def test_the_action_plan_workbook_has_bold_frozen_headers_and_every_measure(kazakhstan: Kazakhstan) -> None:
    workbook = load_workbook(io.BytesIO(kazakhstan.content("actionplan", "xlsx")))
    assert workbook.sheetnames == ["About", "Per theme", "Per agency", "Measures"]
    measures = workbook["Measures"]
    assert measures.max_row == 1 + kazakhstan.expected["measures"] == 27
    for name in workbook.sheetnames[1:]:
        sheet = workbook[name]
        assert sheet.freeze_panes == "A2" and all(cell.font.b for cell in sheet[1])
    header = [cell.value for cell in measures[1]]
    overdue = [row[header.index("Overdue")] for row in measures.iter_rows(min_row=2, values_only=True)]
    assert overdue.count("overdue") == kazakhstan.expected["overdue"] > 0
    agencies = {row[0]: row[1] for row in workbook["Per agency"].iter_rows(min_row=2, values_only=True)}
    assert agencies["National Centre for Human Rights (NCHR)"] == 21


def test_the_action_plan_document_flags_overdue_measures_on_its_date(kazakhstan: Kazakhstan) -> None:
    expected = kazakhstan.expected
    summary = f"{expected['measures']} measures: 0 done, {expected['overdue']} overdue on 1 January 2022."
    assert summary in normalised(docx_text(kazakhstan.content("actionplan", "docx")))
    assert summary in normalised(pdf_text(kazakhstan.pdf("actionplan")))
    document = Document(io.BytesIO(kazakhstan.content("actionplan", "docx")))
    measures = [t for t in document.tables if t.rows[0].cells[1].text == "Measure"]
    assert sum(len(t.rows) - 1 for t in measures) == expected["measures"]
    html = kazakhstan.content("actionplan", "html").decode()
    assert html.count(">overdue</td>") == expected["overdue"]
