"""The thematic list and the implementation report of the Kazakhstan example (its latest UPR review,
2014, whose recommendations carry the fact sheets' theme headings)."""

from __future__ import annotations

import io

from docx import Document

from tests.reports.conftest import Kazakhstan

HEADERS = [
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
]


def test_kazakhstans_thematic_list_has_a_table_per_theme_and_the_rest_under_other(
    kazakhstan: Kazakhstan,
) -> None:
    document = Document(io.BytesIO(kazakhstan.content("thematic", "docx")))
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("UPR of Kazakhstan (2nd Cycle – 20th session)")
    assert all([cell.text for cell in table.rows[0].cells] == HEADERS for table in document.tables)
    themes = [table.rows[1].cells[0].text.removeprefix("Theme: ") for table in document.tables]
    assert sorted(themes[:-1]) == sorted(kazakhstan.expected["sheets"]) and themes[-1] == "Other"
    rows = [row for table in document.tables for row in table.rows[2:]]
    assert len(rows) == 194  # the 2014 report's paragraphs
    filled = [row.cells[3].text for row in rows if row.cells[3].text]
    assert all(text.endswith("(NGO Coalition from the Republic of Kazakhstan)") for text in filled)
    # the example has no evidence: column 4 holds the published assessments, on as many rows as
    # the implementation report counts assessed recommendations
    report = Document(io.BytesIO(kazakhstan.content("implementation", "docx")))
    summary = {row.cells[0].text: row.cells[1].text for row in report.tables[0].rows[1:]}
    assert len(filled) == int(summary["Total"]) - int(summary["no assessment"]) > 0


def test_kazakhstans_implementation_report_counts_every_recommendation(kazakhstan: Kazakhstan) -> None:
    report = Document(io.BytesIO(kazakhstan.content("implementation", "docx")))
    summary = {row.cells[0].text: row.cells[1].text for row in report.tables[0].rows[1:]}
    assert summary["Total"] == "194"
    assert sum(int(n) for level, n in summary.items() if level != "Total") == 194
    html = kazakhstan.content("implementation", "html", "ru").decode()
    assert '<html lang="ru">' in html and "нет оценки" in html and "Сводка" in html
