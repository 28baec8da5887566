"""The stakeholder sheet is read in streaming mode within limits sized for a real sheet (finding 6 of
issue 14): a small file that unpacks into a huge sheet is refused at once, naming the limit.

The crafted workbooks are a real sheet (``write_sheet``) whose main sheet is replaced by generated
XML: many rows of long repeated text, which compresses to almost nothing.
Runs without Django: ``.venv/bin/pytest tests/ingest/test_stakeholder_sheet_limits.py -p no:django``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ReviewKey, StakeholderRecord
from rightstrack.ingest.sources.stakeholder_sheet.sheet import (
    HEADERS,
    MAX_PART,
    MAX_ROWS,
    SheetRow,
    SheetSpec,
    parse,
    write_sheet,
)

MAIN_PART = "xl/worksheets/sheet1.xml"  # the "Assessment" sheet, written first


def _real_sheet() -> bytes:
    rows = tuple(
        SheetRow("upr-info-mia", str(n), f"Recommendation {n}", "Mexico", "Supported") for n in range(1, 4)
    )
    spec = SheetSpec(ReviewKey("KAZ", "UPR", 1), "KAZ UPR 1", StakeholderRecord("Org B", "OB", "ngo"), rows)
    return write_sheet(spec)


def _cell(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet_xml(header: tuple[str, ...], rows: int, text: str) -> Iterator[bytes]:
    yield (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    yield (
        '<row r="1">' + "".join(_cell(c, 1, h) for c, h in zip("ABCDEFG", header, strict=True)) + "</row>"
    ).encode()
    for number in range(2, rows + 2):
        cells = "".join(_cell(c, number, text) for c in "ABCDEFG")
        yield f'<row r="{number}">{cells}</row>'.encode()
    yield b"</sheetData></worksheet>"


def _crafted(rows: int, text: str, header: tuple[str, ...] = HEADERS) -> bytes:
    """A real sheet whose main sheet holds ``rows`` rows of ``text`` in every column."""
    original = zipfile.ZipFile(io.BytesIO(_real_sheet()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as crafted:
        for member in original.infolist():
            if member.filename != MAIN_PART:
                crafted.writestr(member, original.read(member))
                continue
            with crafted.open(MAIN_PART, "w", force_zip64=True) as part:
                for chunk in _sheet_xml(header, rows, text):
                    part.write(chunk)
    return buffer.getvalue()


def test_a_sheet_with_more_rows_than_any_review_is_refused_at_the_row_limit() -> None:
    data = _crafted(rows=MAX_ROWS * 2, text="the same words again")
    assert len(data) < 1024 * 1024  # a small upload
    with pytest.raises(DocumentRejected) as refused:
        parse(data)
    message = str(refused.value)
    assert f"more than {MAX_ROWS:,} rows" in message
    assert f"the reader stopped at row {MAX_ROWS + 2:,}" in message  # not the 10,001 rows that are there


def test_a_small_file_unpacking_into_a_huge_sheet_is_refused_before_it_is_read() -> None:
    data = _crafted(rows=12_000, text="x" * 400)  # about 38 MB of sheet in a file of a few hundred KB
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = archive.getinfo(MAIN_PART).file_size
    assert unpacked > MAX_PART and len(data) < 2 * 1024 * 1024
    with pytest.raises(DocumentRejected) as refused:
        parse(data)
    assert f"{MAIN_PART} would unpack to {unpacked:,} bytes" in str(refused.value)
    assert f"the limit for a part of a stakeholder sheet is {MAX_PART:,} bytes" in str(refused.value)


def test_the_header_is_checked_before_the_body_is_read() -> None:
    changed = ("Number", *HEADERS[1:])
    data = _crafted(rows=MAX_ROWS * 3, text="text", header=changed)
    with pytest.raises(DocumentRejected) as refused:
        parse(data)
    assert "the header row was changed" in str(refused.value)
    assert "rows" not in str(refused.value).replace("header row", "")


def test_a_real_sized_sheet_is_read_within_the_limits() -> None:
    rows = tuple(
        SheetRow("upr-info-mia", str(n), "A recommendation of some length. " * 30, "Mexico", "Supported")
        for n in range(1, 301)
    )
    spec = SheetSpec(ReviewKey("KAZ", "UPR", 1), "KAZ UPR 1", StakeholderRecord("Org B", "OB", "ngo"), rows)
    parsed = parse(write_sheet(spec))
    assert len(parsed.recommendations) == 300 and parsed.assessments == []


def test_a_sheet_whose_xml_is_damaged_is_refused_in_words_not_with_a_crash() -> None:
    """Found by ``bench.fuzz_importers``: openpyxl reads a streamed sheet lazily, so a damaged sheet part
    raised its XML error past the importer (28 of 1,000 mutated sheets) instead of a refusal."""
    original = zipfile.ZipFile(io.BytesIO(_real_sheet()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as damaged:
        for member in original.infolist():
            data = original.read(member)
            if member.filename == MAIN_PART:
                cut = data.index(b"<sheetData>") + 60
                data = data[:cut] + b"<\x01 broken" + data[cut:]
            damaged.writestr(member, data)
    with pytest.raises(DocumentRejected) as refused:
        parse(buffer.getvalue())
    assert "cannot be read" in str(refused.value)
