"""The stakeholder Excel sheet: written for one stakeholder and one review, filled in, read back.

UPR Info's method: every stakeholder receives a sheet with all the recommendations of a review and
says, per recommendation, how far it is implemented, with a comment and a source. The reference
columns (n°, recommendation, recommending States, response) are locked; the level column has a
drop-down. A hidden sheet keeps what was written, so that a reference cell edited in the returned
sheet, a sheet for another review or an unknown level is reported cell by cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import (
    AssessmentRecord,
    ParsedDocument,
    Place,
    RecommendationRecord,
    ReviewKey,
    StakeholderRecord,
)
from rightstrack.outputs.spreadsheets import TextWorkbook, workbook_bytes

KIND = "stakeholder-sheet"
FORMAT_VERSION = "rightstrack-sheet-1"
MAIN = "Assessment"
META = "_rightstrack"
#: The hidden sheet's first row of recommendations (rows 1-9: format, review, stakeholder, count).
META_FIRST_ROW = 10
HEADERS = ("n°", "Recommendation", "Recommended by", "Response", "Implementation level", "Comment", "Source")
#: What the level drop-down offers, and the IRI level each means (None: the stakeholder has no information).
LEVELS: dict[str, str | None] = {
    "fully implemented": "fully",
    "partially implemented": "partially",
    "not implemented": "not",
    "no information": None,
}
REFERENCE_COLUMNS = "ABCD"
WIDTHS = {"A": 8, "B": 70, "C": 22, "D": 12, "E": 22, "F": 60, "G": 30}


@dataclass(frozen=True)
class SheetRow:
    scheme: str
    ref: str
    text: str
    recommended_by: str
    response: str


@dataclass(frozen=True)
class SheetSpec:
    review: ReviewKey
    review_title: str
    stakeholder: StakeholderRecord
    rows: tuple[SheetRow, ...]


def write_sheet(spec: SheetSpec) -> bytes:
    """The .xlsx a stakeholder fills in (every text a text cell: :mod:`rightstrack.outputs.spreadsheets`)."""
    workbook = TextWorkbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = MAIN
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
    for row in spec.rows:
        sheet.append([row.ref, row.text, row.recommended_by, row.response, "", "", ""])
    last = len(spec.rows) + 1
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(LEVELS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Implementation level",
        error="Choose a level from the list.",
    )
    sheet.add_data_validation(choices)
    choices.add(f"E2:E{max(last, 2)}")
    for line in sheet.iter_rows(min_row=2, max_row=last):
        for index, cell in enumerate(line):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if index >= len(REFERENCE_COLUMNS):
                cell.protection = Protection(locked=False)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "B2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    _write_meta(workbook, spec)
    return workbook_bytes(workbook)


def _write_meta(workbook: Workbook, spec: SheetSpec) -> None:
    meta = workbook.create_sheet(META)
    review = spec.review
    for key, value in (
        ("format", FORMAT_VERSION),
        ("state", review.state),
        ("mechanism", review.mechanism),
        ("cycle", review.cycle),
        ("review", spec.review_title),
        ("stakeholder", spec.stakeholder.name),
        ("acronym", spec.stakeholder.acronym),
        ("kind", spec.stakeholder.kind),
    ):
        meta.append([key, value])
    meta.append(["rows", len(spec.rows)])
    for row in spec.rows:
        meta.append([row.scheme, row.ref, row.text, row.recommended_by, row.response])
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True


def detect(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            workbook_xml = archive.read("xl/workbook.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    return META.encode() in workbook_xml


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


#: Limits sized for a real sheet: a review has at most a few hundred recommendations, and the sheet
#: of 300 recommendations of 1,000 characters with comments of 2,900 unpacks to 1.3 MB (its largest part).
#: openpyxl reads a whole part once when it lacks its stated size (``<dimension>``), so the part limit
#: bounds the time too: a part at the limit is refused in about 3 s.
MAX_ROWS = 5_000
MAX_TEXT = 10_000_000  # characters read from the two sheets together
MAX_PART = 8 * 1024 * 1024  # unpacked bytes of any one part of the workbook (a sheet, the strings)
_MERGED = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([^"]+)"')


class _Budget:
    """Counts what is read; refuses the sheet as soon as it is past the limits."""

    def __init__(self) -> None:
        self.text = 0

    def row(self, section: str, number: int, values: tuple[object, ...]) -> tuple[str, ...]:
        if number > MAX_ROWS + 1:
            raise DocumentRejected(
                f"more than {MAX_ROWS:,} rows (the reader stopped at row {number:,}): "
                "a review's sheet has a row per recommendation",
                Place(section=section, row=number),
            )
        cells = tuple(_text(value) for value in values)
        self.text += sum(len(cell) for cell in cells)
        if self.text > MAX_TEXT:
            raise DocumentRejected(
                f"more than {MAX_TEXT:,} characters of text (the reader stopped at row {number:,})",
                Place(section=section, row=number),
            )
        return cells


def _check_parts(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise DocumentRejected(f"not a readable Excel workbook: {error}") from None
    for member in members:
        if member.file_size > MAX_PART:
            raise DocumentRejected(
                f"{member.filename} would unpack to {member.file_size:,} bytes; the limit for a part of a "
                f"stakeholder sheet is {MAX_PART:,} bytes"
            )


def _merged_cells(workbook: Any, sheet: Any) -> list[str]:
    """The merged ranges of a sheet opened read-only (openpyxl does not read them in that mode)."""
    path = getattr(sheet, "_worksheet_path", None)
    if path is None:
        return []
    with workbook._archive.open(path) as part:
        return [ref.decode() for ref in _MERGED.findall(part.read())]


def _rows(sheet: Any, section: str, budget: _Budget, first: int = 1) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The rows of a read-only sheet from ``first``, streamed, each within the budget."""
    sheet.reset_dimensions()  # never trust the stated size: read what is there, up to the limits
    for number, values in enumerate(
        sheet.iter_rows(min_row=first, max_col=len(HEADERS), values_only=True), start=first
    ):
        yield number, budget.row(section, number, values)


def parse(data: bytes, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """A filled sheet → the stakeholder's assessments (nothing if any cell is wrong).

    Read in openpyxl's read-only (streaming) mode within :data:`MAX_PART`, :data:`MAX_ROWS` and
    :data:`MAX_TEXT`; the header is checked before the body is read."""
    _check_parts(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True)
    except Exception as error:  # openpyxl raises many kinds (lxml, zlib, IndexError...) on a broken package
        raise DocumentRejected(f"not a readable Excel workbook: {error}", Place(section="workbook")) from None
    try:
        return _parse(workbook)
    except DocumentRejected:
        raise
    except Exception as error:  # read lazily: a damaged sheet part (XML, numbers, styles) fails while read
        raise DocumentRejected(f"the sheet cannot be read: {error}", Place(section="workbook")) from None
    finally:
        workbook.close()


def _parse(workbook: Any) -> ParsedDocument:
    if MAIN not in workbook.sheetnames or META not in workbook.sheetnames:
        raise DocumentRejected(f"not a RightsTrack sheet: it lacks the sheet {MAIN!r} or its hidden twin")
    sheet, meta_sheet = workbook[MAIN], workbook[META]
    budget = _Budget()
    body = _rows(sheet, MAIN, budget)
    header = next((cells for _, cells in body), ())[: len(HEADERS)]
    if tuple(header) != HEADERS:
        raise DocumentRejected(f"the header row was changed: {list(header)}", Place(section=MAIN, row=1))
    meta_rows = list(_rows(meta_sheet, META, budget))
    meta = {cells[0]: cells[1] for _, cells in meta_rows[: META_FIRST_ROW - 1]}
    if meta.get("format") != FORMAT_VERSION:
        raise DocumentRejected(f"unknown sheet format {meta.get('format')!r}", Place(section=META))
    review = ReviewKey(meta.get("state", ""), meta.get("mechanism", ""), _int(meta.get("cycle")))
    stakeholder = StakeholderRecord(
        meta.get("stakeholder", ""), meta.get("acronym", ""), meta.get("kind", "")
    )
    written = [cells[:5] for _, cells in meta_rows[META_FIRST_ROW - 1 :] if any(cells[:5])]
    merged = _merged_cells(workbook, sheet)
    if merged:
        raise DocumentRejected(
            f"merged cells {', '.join(merged)}: unmerge them, one value per cell", Place(section=MAIN)
        )
    errors: list[str] = []
    recommendations: list[RecommendationRecord] = []
    assessments: list[AssessmentRecord] = []
    rows = [cells for _, cells in body if any(cells)]
    if len(rows) != len(written):
        errors.append(f"{MAIN}: {len(rows)} rows where the sheet was written with {len(written)}")
    for number, (cells, original) in enumerate(zip(rows, written, strict=False), start=2):
        scheme, *reference = original
        for column, was, now in zip(REFERENCE_COLUMNS, reference, cells, strict=False):
            if was != now:
                errors.append(
                    f"{MAIN}!{column}{number}: the reference cell was changed from {was!r} to {now!r}"
                )
        # where the sheet recorded which recommendation this row is: the hidden sheet's row
        place = Place(row=number + META_FIRST_ROW - 2, section=META, cell=f"A{number + META_FIRST_ROW - 2}")
        recommendations.append(
            RecommendationRecord(ref=reference[0], ref_scheme=scheme, text=reference[1], place=place)
        )
        level_text, comment, source = cells[4].lower(), cells[5], cells[6]
        if level_text and level_text not in LEVELS:
            choices = ", ".join(LEVELS)
            errors.append(f"{MAIN}!E{number}: unknown level {cells[4]!r} (choose one of: {choices})")
            continue
        if level_text or comment or source:
            assessments.append(
                AssessmentRecord(
                    recommendation_ref=reference[0],
                    stakeholder=stakeholder,
                    text=comment,
                    place=Place(row=number, section=MAIN, cell=f"E{number}"),
                    level=LEVELS.get(level_text),
                    level_basis="stated in the stakeholder's sheet" if LEVELS.get(level_text) else "",
                    source=source,
                )
            )
    if errors:
        shown = "; ".join(errors[:50]) + (f"; and {len(errors) - 50} more" if len(errors) > 50 else "")
        raise DocumentRejected(f"{len(errors)} problem(s): {shown}", Place(section=MAIN))
    return ParsedDocument(
        kind=KIND,
        title=f"{stakeholder.name}: assessment sheet for {meta.get('review', '')}",
        review=review,
        recommendations=recommendations,
        assessments=assessments,
        stakeholders=[stakeholder],
        creates_recommendations=False,
        assessments_published=False,
        upsert_assessments=True,
        review_place=Place(section=META, cell="B2:B4"),
    )


def _int(value: object) -> int | None:
    text = _text(value)
    return int(text) if text.isdigit() else None
