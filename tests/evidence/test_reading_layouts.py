"""The review documents read the same whatever file they come in: the text as published here, a Word
file, a PDF whose lines wrap, and a PDF in the UN's layout (paragraph numbers hanging in the margin,
so that their text layer puts each number on a line of its own, and page headers and numbers)."""

from __future__ import annotations

import html
import io
import re
from functools import cache

import pytest

from rightstrack.core.evidence import EvidenceText
from rightstrack.ingest.reading import load_bytes
from rightstrack.ingest.sources.upr_evidence.parser import parse
from tests.conftest import shared_path

DOCUMENTS = [
    (state, name)
    for state in ("denmark", "namibia")
    for name in ("national-report.txt", "compilation.txt", "stakeholders-summary.txt")
]
_NUMBERED = re.compile(r"^(\d{1,3}|[IVX]+|[A-H])\.\s+(.*)$")
#: a note's call glued to its word ("review.1"): printed raised and never parted from it
_CALL = re.compile(r"(\S+?[.,;:)”\"])(\d{1,3})(?=\s|$)")


def _html(words: str) -> str:
    return _CALL.sub(r'<span class="c">\1\2</span>', html.escape(words, quote=False))


@cache
def _text(state: str, name: str) -> str:
    return shared_path("data", "evidence", state, name).read_text(encoding="utf-8")


def _read(data: bytes, name: str) -> EvidenceText:
    evidence = parse(load_bytes(data, name).text).evidence
    assert evidence is not None
    return evidence


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text: str, hanging: bool) -> bytes:
    """The text on A4 pages (10 pt, lines wrapping); with ``hanging``, numbers in a margin column and
    the symbol and page number on every page, as the UN prints them."""
    import weasyprint  # type: ignore[import-untyped]

    symbol = next(line for line in text.splitlines() if line.startswith("A/HRC/WG.6/"))
    blocks = []
    for line in text.splitlines():
        match = _NUMBERED.match(line.strip())
        if hanging and match:
            number, words = html.escape(match[1]), _html(match[2])
            blocks.append(f'<div class="n"><span>{number}.</span><span>{words}</span></div>')
        elif line.strip():
            blocks.append(f"<p>{_html(line.strip())}</p>")
    furniture = (
        f'@top-left {{ content: "{symbol}" }} @bottom-right {{ content: counter(page) }}' if hanging else ""
    )
    style = (
        f"@page {{ size: A4; margin: 2cm; {furniture} }} body {{ font: 10pt serif }} p {{ margin: 0 0 6pt }}"
        " .n { display: flex; margin: 0 0 6pt } .n span:first-child { flex: none; width: 1.2cm }"
        " .c { white-space: nowrap }"
    )
    page = f"<html><head><style>{style}</style></head><body>{''.join(blocks)}</body></html>"
    return weasyprint.HTML(string=page).write_pdf()  # type: ignore[no-any-return]


def _same(expected: EvidenceText, found: EvidenceText, allowed: int = 0) -> None:
    """Same document, every paragraph number in order, the words and headings of all paragraphs but
    ``allowed`` the same, and the sources of nine in ten."""
    assert (found.kind, found.symbol, found.state, found.session) == (
        expected.kind,
        expected.symbol,
        expected.state,
        expected.session,
    )
    assert [p.number for p in found.paragraphs] == [p.number for p in expected.paragraphs]
    differing = [
        p.number
        for p, q in zip(expected.paragraphs, found.paragraphs, strict=True)
        if (p.text, p.heading) != (q.text, q.heading)
    ]
    assert len(differing) <= allowed, differing
    # the sources come from the notes, whose wrapped lines may cut a symbol ("CRC/C/NAM/ CO/4-6")
    unsourced = [
        p.number
        for p, q in zip(expected.paragraphs, found.paragraphs, strict=True)
        if (p.sources, p.cited) != (q.sources, q.cited)
    ]
    assert len(unsourced) <= len(expected.paragraphs) // 10, unsourced


@pytest.mark.parametrize(("state", "name"), DOCUMENTS)
def test_a_review_document_in_a_word_file_reads_as_its_text(state: str, name: str) -> None:
    text = _text(state, name)
    _same(_read(text.encode(), name), _read(_docx(text), name.replace(".txt", ".docx")))


@pytest.mark.parametrize(("state", "name"), DOCUMENTS)
def test_a_review_document_in_a_pdf_whose_lines_wrap_reads_as_its_text(state: str, name: str) -> None:
    text = _text(state, name)
    # a word the PDF parted at its own hyphen may be read back with or without a space ("C -Table")
    _same(
        _read(text.encode(), name), _read(_pdf(text, hanging=False), name.replace(".txt", ".pdf")), allowed=1
    )


@pytest.mark.parametrize(("state", "name"), DOCUMENTS)
def test_a_review_document_in_the_uns_pdf_layout_reads_as_its_text(state: str, name: str) -> None:
    text = _text(state, name)
    # as above; or the notes' list of abbreviations runs on into the last paragraph (1 of the 6)
    _same(
        _read(text.encode(), name), _read(_pdf(text, hanging=True), name.replace(".txt", ".pdf")), allowed=2
    )
