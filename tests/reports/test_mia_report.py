"""The Mid-term Implementation Assessment reproduces seed 000 from the Kazakhstan data."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.reports.conftest import Kazakhstan, docx_text, normalised, tmp_file

SUMMARY = (
    "IRI: 66 recommendations are not implemented, 41 recommendations are partially implemented and 11 "
    "recommendations are fully implemented; for 2 the responses leave the level undetermined. No answer "
    "was received for 9 out of 129 recommendations."
)


def test_the_pdf_states_the_seeds_figures_in_its_summary_sentence(kazakhstan: Kazakhstan) -> None:
    counts = kazakhstan.expected["counts"]
    assert (counts["not implemented"], counts["partially implemented"], counts["fully implemented"]) == (
        66,
        41,
        11,
    )
    assert (counts["no answer"], counts["undetermined"], kazakhstan.expected["total"]) == (9, 2, 129)
    assert SUMMARY in normalised("\n".join(kazakhstan.mia_pages))
    assert SUMMARY in normalised(docx_text(kazakhstan.content("mia", "docx")))


def _fragments(page: Any) -> list[tuple[str, float, float]]:
    """The page's text pieces with where each is drawn (x, y in PDF points)."""
    fragments: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_args: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        fragments.append((text, x, y))

    page.extract_text(visitor_text=visit)
    return fragments


def _index_pages(kazakhstan: Kazakhstan) -> list[tuple[str, int]]:
    """(anchor, printed page number) of every page cell of the PDF's index, read where it is drawn."""
    reader = kazakhstan.pdf("mia")
    printed = []
    for number, text in enumerate(kazakhstan.mia_pages):
        if "rec. n°" not in text or "Uncommented" in text:
            continue
        page = reader.pages[number]
        fragments = _fragments(page)
        links = [a.get_object() for a in page.get("/Annots", [])]
        for link in links:
            x1, y1, x2, y2 = (float(v) for v in link["/Rect"])
            inside = "".join(
                t
                for t, x, y in fragments
                if min(x1, x2) - 1 <= x <= max(x1, x2) + 1 and min(y1, y2) - 1 <= y <= max(y1, y2) + 1
            )
            found = re.search(r"page\s*(\d+)", inside)
            if found:
                printed.append((str(link["/Dest"]), int(found.group(1))))
    return printed


def test_the_index_page_numbers_are_the_pages_where_the_recommendations_are(kazakhstan: Kazakhstan) -> None:
    printed = _index_pages(kazakhstan)
    assert len(printed) == 120  # every commented recommendation, none twice
    assert len({anchor for anchor, _page in printed}) == 120
    reader = kazakhstan.pdf("mia")
    destinations = {
        name: reader.get_destination_page_number(d) + 1 for name, d in reader.named_destinations.items()
    }
    for anchor, page in printed:
        number = anchor.removeprefix("rec-")
        assert destinations[anchor] == page, anchor
        heading = re.compile(rf"Recommendation n° {re.escape(number)}\b")
        assert heading.search(kazakhstan.mia_pages[page - 1]), f"n° {number} is not on page {page}"
        assert not any(heading.search(text) for text in kazakhstan.mia_pages[: page - 1]), number


def test_the_index_has_120_rows_and_the_uncommented_table_the_9_others(kazakhstan: Kazakhstan) -> None:
    document = Document(io.BytesIO(kazakhstan.content("mia", "docx")))
    by_header = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    index = by_header["rec. n°", "Issues", "Page", "Implementation (IRI)"]
    assert len(index.rows) == 1 + 120
    assert index.rows[1].cells[0].text == "1" and index.rows[1].cells[3].text == "not implemented"
    uncommented = next(t for header, t in by_header.items() if header[:2] == ("rec. n°", "Recommendation"))
    assert [row.cells[0].text for row in uncommented.rows[1:]] == kazakhstan.expected["uncommented"]
    assert [row.cells[0].text for row in uncommented.rows[1:]] == [
        "41",
        "46",
        "47",
        "48",
        "54",
        "85",
        "101",
        "111",
        "114",
    ]
    first = [c.text for c in uncommented.rows[1].cells]
    assert first[2:5] == ["Belarus", "Supported", "4"] and first[5] == "ESC rights - general"
    text = normalised("\n".join(kazakhstan.mia_pages))
    assert "41 Continue to implement measures aimed at enhancing the overall wellbeing" in text


def test_joint_recommendations_come_together_with_each_stakeholders_response(kazakhstan: Kazakhstan) -> None:
    text = docx_text(kazakhstan.content("mia", "docx"))
    joint = text.index("Recommendation n° 5\n")
    assert text.index("+\nRecommendation n° 57\n", joint) < text.index("Recommendation n° 16\n")
    assert "Forum 18 News Service (F18) response:" in text
    assert "Kazakhstan International Human Rights and the Rule of Law Committee (KIHRRLC) response:" in text
    assert "(Recommended by Mexico)" in text
    for theme in ("CP Rights", "ESC Rights", "Justice", "Women & Children", "Other"):
        assert f"\n{theme}\n" in text


def test_sources_and_results_say_who_was_contacted_and_who_answered(kazakhstan: Kazakhstan) -> None:
    text = normalised("\n".join(kazakhstan.mia_pages[:4]))
    assert "16 stakeholders' reports were submitted for the UPR." in text
    assert "NGOs 18 9" in text and "Forum 18 News Service (F18) 22" in text
    assert "0 – 0.32" in normalised("\n".join(kazakhstan.mia_pages[-4:]))  # the methodology's IRI table


def test_the_word_file_has_heading_styles_repeated_header_rows_and_described_charts(
    kazakhstan: Kazakhstan,
) -> None:
    document = Document(io.BytesIO(kazakhstan.content("mia", "docx")))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= styles
    for table in document.tables:
        properties = table.rows[0]._tr.trPr
        assert properties is not None and properties.xpath("./w:tblHeader"), "header row must repeat"
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(descriptions) == 2 and all(descriptions)
    assert str(document.core_properties.created.date()) == "2012-12-03"


def test_the_html_has_real_headings_table_headers_and_alt_text(kazakhstan: Kazakhstan) -> None:
    html = kazakhstan.content("mia", "html").decode()
    assert '<html lang="en">' in html and html.count("<h1>") == 1
    assert "<h2>" in html and "<h3>" in html and '<h4 id="rec-57">' in html
    assert '<th scope="col">rec. n°</th>' in html and '<th scope="row">' in html
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="[^"]{20,}"', html)
    assert '<td>1</td><td>Freedom of religion and belief</td><td><a href="#rec-1">go to</a></td>' in html


def test_the_pdf_is_tagged_and_dated_by_its_source(kazakhstan: Kazakhstan) -> None:
    reader = kazakhstan.pdf("mia")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en"
    assert reader.metadata is not None and reader.metadata["/CreationDate"] == "D:20121203"
    assert reader.metadata.title == "Kazakhstan Mid-term Implementation Assessment"


def test_the_russian_mia_speaks_russian(kazakhstan: Kazakhstan) -> None:
    html = kazakhstan.content("mia", "html", "ru").decode()
    assert '<html lang="ru">' in html
    assert "не выполнена" in html and "Рекомендация" in html and "декабря 2012" in html


def test_the_first_page_of_the_pdf_renders_to_an_image(kazakhstan: Kazakhstan, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is absent: install Debian's poppler-utils to render report pages to PNG")
    pdf = tmp_file(tmp_path, "mia.pdf", kazakhstan.content("mia", "pdf"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, tmp_path / "mia"],
        check=True,
        timeout=60,
    )
    image = (tmp_path / "mia.png").read_bytes()
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", image[16:24])
    assert (width, height) == (827, 1170)  # A4 at 100 dpi
    assert len(image) > 20_000, f"page 1 looks blank: see {tmp_path / 'mia.png'}"


def test_the_per_theme_tables_headers_do_not_overlap(kazakhstan: Kazakhstan) -> None:
    """Each header word of the per-theme table is drawn apart from the next ("undetermined" once ran
    into "no answer")."""
    import pymupdf

    document = pymupdf.open(stream=kazakhstan.content("mia", "pdf"), filetype="pdf")
    headers = {"Theme", "fully", "partially", "not", "implemented", "undetermined", "no", "answer", "Total"}
    checked = 0
    for page in document:
        words = page.get_text("words")
        starts = [
            w
            for w in words
            if w[4] == "Theme" and any(v[4] == "Total" and abs(v[1] - w[1]) < 2 for v in words)
        ]
        for start in starts:
            line = sorted(
                (w for w in words if start[1] - 2 <= w[1] <= start[1] + 14 and w[0] >= start[0] - 1),
                key=lambda w: (round(w[1]), w[0]),
            )
            assert {w[4] for w in line} <= headers, [w[4] for w in line]
            for first, second in itertools.pairwise(line):
                if abs(first[1] - second[1]) < 2:
                    assert first[2] < second[0], (first[4], second[4])
            checked += 1
    assert checked >= 1
