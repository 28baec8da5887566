"""A Working Group report reads the same as text, HTML, Word and PDF (the UN document system's formats)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from rightstrack.documents.importing import import_files
from rightstrack.ingest.reading import load
from rightstrack.recommendations.models import RecommendationRef, Review
from tests.conftest import shared_path


def _report_text() -> str:
    return load(shared_path("data", "wg-reports", "texts", "kazakhstan2010.txt")).text


def _assert_imported() -> None:
    review = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)
    assert (review.session, review.year) == (7, 2010)
    assert review.recommendations.count() == 129
    assert RecommendationRef.objects.filter(review=review, scheme="ohchr-paragraph", value="95.1").exists()


def test_a_working_group_report_as_html_imports_like_its_text(db: None, tmp_path: Path) -> None:
    page = tmp_path / "A_HRC_14_10.html"
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in _report_text().splitlines())
    page.write_text(f"<!DOCTYPE html><html><head><title>A/HRC/14/10</title></head><body>{body}</body></html>")
    assert load(page).format == "html"
    import_files([page])
    _assert_imported()


def test_a_working_group_report_as_word_imports_like_its_text(db: None, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for line in _report_text().splitlines():
        document.add_paragraph(line)
    path = tmp_path / "A_HRC_14_10.docx"
    document.save(str(path))
    assert load(path).format == "docx"
    import_files([path])
    _assert_imported()


def test_a_working_group_report_as_pdf_imports_like_its_text(db: None, tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint", reason="WeasyPrint makes the PDF of this test")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in _report_text().splitlines() if line.strip())
    path = tmp_path / "A_HRC_14_10.pdf"
    weasyprint.HTML(string=f"<html><body style='font-size:9pt'>{body}</body></html>").write_pdf(str(path))
    assert load(path).format == "pdf"
    import_files([path])
    _assert_imported()
