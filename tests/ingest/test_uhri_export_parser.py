"""Universal Human Rights Index exports (.xlsx and .csv): every mechanism, headers by name, refusals."""

from __future__ import annotations

import io
from datetime import date

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, ReviewKey
from rightstrack.ingest.reading import load_bytes
from rightstrack.ingest.registry import source_for
from rightstrack.ingest.sources.uhri_export import parser as uhri
from rightstrack.ingest.sources.uhri_export.table import read_date
from tests.ingest.uhri_builder import HEADERS, ROWS, csv_text, serial, workbook


def _parse(data: bytes, name: str = "uhri.xlsx") -> ParsedDocument:
    loaded = load_bytes(data, name)
    source = source_for(loaded)
    assert source.kind == uhri.KIND
    return source.parse(loaded, [])


def test_every_mechanism_of_a_uhri_workbook_becomes_a_record_of_its_own_review() -> None:
    doc = _parse(workbook())
    found = {(r.review, r.ref_scheme, r.ref) for r in doc.recommendations}
    assert found == {
        (ReviewKey("KAZ", "UPR", 2, 20, 2014), "ohchr-paragraph", "124.1"),
        (ReviewKey("KAZ", "UPR", 2, 20, 2014), "ohchr-paragraph", "126.51"),
        (ReviewKey("DNK", "CCPR", 6, year=2016), "ccpr-co-paragraph", "24"),
        (ReviewKey("DNK", "CRC", 6, year=2017), "crc-co-paragraph", "31"),  # combined 5th-6th reports
        (ReviewKey("DNK", "SP", year=2011), "sp-paragraph", "A/HRC/15/37/Add.5 87"),
    }
    upr, noted, ccpr, crc, _ = doc.recommendations
    assert (upr.recommending_states, upr.response, upr.response_kind) == (["Mexico"], "supported", "final")
    assert (noted.recommending_states, noted.response) == (["Uruguay"], "noted")
    assert upr.text.startswith("Adopt legislative measures to criminalize torture")
    # the text after its number, line breaks of the limbs kept
    assert ccpr.text.splitlines() == [
        "The State party should:",
        "(a) Ensure that all allegations of torture are promptly investigated;",
        "(b) Provide adequate redress to victims.",
    ]
    assert (ccpr.recommending_states, ccpr.response) == ([], "")
    assert upr.terms == {
        "uhri-themes": [
            "Prohibition of torture and cruel, inhuman or degrading treatment",
            "Violence against women",
        ],
        "uhri-groups": ["women"],
        "sdg-goals": ["Gender equality", "Peace, justice and strong institutions"],
    }
    assert ccpr.terms["sdg-targets"] == ["16.3"]
    assert crc.terms["uhri-groups"] == ["children", "girls"]
    assert doc.published_on == date(2017, 10, 26)  # the latest publication date (a serial written as text)
    assert doc.title == "UHRI export (5 rows: CCPR, CRC, SP, UPR)"


def test_a_uhri_csv_reads_as_the_same_workbook_does() -> None:
    from_csv = _parse(csv_text().encode(), "uhri.csv")
    from_xlsx = _parse(workbook())

    def seen(doc: ParsedDocument) -> list[tuple[object, ...]]:
        return [
            (r.review, r.ref, r.text, r.recommending_states, r.response, r.terms) for r in doc.recommendations
        ]

    assert seen(from_csv) == seen(from_xlsx)
    assert from_csv.recommendations[2].place.line == 6  # the line where the row starts (cells span lines)
    assert from_xlsx.recommendations[2].place.row == 4


def test_headers_are_read_by_name_whatever_their_order_case_and_spelling() -> None:
    renamed = {"Reccomending Body": "recommending body", "UPR Reccomending States": "UPR Recommending States"}
    headers = [renamed.get(h, h) for h in reversed(HEADERS)]
    rows = [{renamed.get(k, k): v for k, v in row.items()} for row in ROWS]
    doc = _parse(workbook(rows, headers))
    assert [r.ref for r in doc.recommendations] == ["124.1", "126.51", "24", "31", "A/HRC/15/37/Add.5 87"]
    assert doc.recommendations[0].recommending_states == ["Mexico"]


def test_a_title_line_above_the_header_is_passed_over() -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook()))
    sheet = book.worksheets[0]
    sheet.insert_rows(1, 2)
    sheet["A1"] = "Universal Human Rights Index – export of 6 December 2026"
    out = io.BytesIO()
    book.save(out)
    doc = _parse(out.getvalue())
    assert [r.place.row for r in doc.recommendations] == [4, 5, 6, 7, 8]


def test_an_unknown_layout_is_refused_naming_the_missing_columns() -> None:
    headers = [h for h in HEADERS if h not in ("Countries Concerned", "Document Symbol")]
    loaded = load_bytes(workbook(ROWS, headers), "uhri.xlsx")
    with pytest.raises(DocumentRejected) as caught:
        uhri.parse(loaded)
    assert "Countries Concerned" in str(caught.value) and "Document Symbol" in str(caught.value)
    assert "row 1" in str(caught.value)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "Countries Concerned",
            "Atlantis",
            "row 4, cell Countries Concerned (rows): unknown State 'Atlantis'",
        ),
        (
            "Document Publication Date",
            "someday",
            "row 4, cell Document Publication Date (rows): 'someday' is not",
        ),
        ("UPR Position", "Maybe", "row 4, cell UPR Position (rows): unknown UPR position 'Maybe'"),
        ("UPR Session", "", "row 4, cell UPR Session (rows): a UPR row needs its session"),
        (
            "Reccomending Body",
            "The Moon Committee",
            "row 4, cell Reccomending Body (rows): unknown recommending",
        ),
    ],
)
def test_a_cell_that_cannot_be_read_rejects_the_file_naming_its_row_and_cell(
    column: str, value: str, message: str
) -> None:
    rows = [dict(row) for row in ROWS]
    rows.insert(2, {**rows[0], "Text": "124.2. Speed up implementation", column: value})
    with pytest.raises(DocumentRejected) as caught:
        _parse(workbook(rows))
    assert str(caught.value).startswith(message)


def test_the_same_paragraph_twice_in_one_review_is_refused_with_both_rows() -> None:
    with pytest.raises(DocumentRejected) as caught:
        _parse(workbook([*ROWS, ROWS[0]]))
    assert str(caught.value) == "row 7, cell Text (rows): paragraph 124.1 of this review is already in row 2"


def test_multi_line_cells_give_one_item_a_line_and_unknown_terms_are_kept_unmatched() -> None:
    row = {
        **ROWS[0],
        "UPR Reccomending States": "- Mexico\n- Korea, Republic of\n-  Chile",
        "Themes": "- Violence against women\n- A theme nobody lists",
        "Document Publication Date": date(2014, 12, 19),
    }
    doc = _parse(workbook([row]))
    record = doc.recommendations[0]
    assert record.recommending_states == ["Mexico", "Korea, Republic of", "Chile"]
    assert record.terms["uhri-themes-unmatched"] == ["A theme nobody lists"]
    assert [p.describe() for p in doc.problems] == [
        "row 2, cell Themes (rows): theme 'A theme nobody lists' is not in uhri-themes 2013-2018; "
        "kept under uhri-themes-unmatched"
    ]
    assert doc.published_on == date(2014, 12, 19)


def test_publication_dates_are_read_as_excel_serials_date_cells_or_text() -> None:
    assert read_date(42005) == read_date("42005") == read_date(42005.0) == date(2015, 1, 1)
    assert (
        read_date("2015-01-01") == read_date("01/01/2015") == read_date(date(2015, 1, 1)) == date(2015, 1, 1)
    )
    assert read_date(serial(date(2014, 12, 19))) == date(2014, 12, 19)


def test_a_row_without_paragraph_number_is_numbered_by_its_annotation_id() -> None:
    doc = _parse(workbook([{**ROWS[2], "Text": "The State party should ratify the Optional Protocol."}]))
    record = doc.recommendations[0]
    assert (record.ref_scheme, record.ref) == ("uhri-annotation", "b2e1d4")


def test_other_spreadsheets_and_texts_are_not_taken_for_a_uhri_export() -> None:
    assert not uhri.detect(load_bytes(b"id,state_under_review,recommendation\n1,Chad,x\n", "x.csv"))
    assert not uhri.detect(load_bytes(b"Text of a report\n\n24. The State party should act.\n", "x.txt"))
