"""UHRI-shaped exports for tests: the columns of the Index's "Export to Excel", its spellings (sic)
and multi-line cells, built with openpyxl (no sample of the real export is available here)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook

from rightstrack.ingest.sources.uhri_export.table import EXPORT_HEADERS

#: The header row as UHRI writes it, misspellings included.
HEADERS = EXPORT_HEADERS


def serial(day: date) -> int:
    """The Excel date serial UHRI writes for a publication date."""
    return (day - date(1899, 12, 30)).days


def _row(**cells: object) -> dict[str, object]:
    return dict(zip(HEADERS, [cells.get(key, "") for key in _KEYS], strict=True))


_KEYS = (
    "text",
    "state",
    "body",
    "symbol",
    "session",
    "by",
    "position",
    "themes",
    "persons",
    "sdgs",
    "date",
    "id",
)

#: Kazakhstan's 2nd UPR (session 20, A/HRC/28/10) as UHRI lists it, and treaty-body and special-procedure
#: rows on Denmark: several mechanisms, multi-line cells, a combined report, a text-formatted serial.
ROWS: list[dict[str, object]] = [
    _row(
        text="124.1. Adopt legislative measures to criminalize torture, violence against women and "
        "trafficking in persons in line with international standards",
        state="Kazakhstan",
        body="UPR",
        symbol="A/HRC/28/10",
        session="20",
        by="- Mexico",
        position="Supported",
        themes="- Prohibition of torture and cruel, inhuman or degrading treatment\n- Violence against women",
        persons="- Women",
        sdgs="- 5 - GENDER EQUALITY\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        date=serial(date(2014, 12, 19)),
        id="a1f0c2",
    ),
    _row(
        text="126.51. Accede to the Convention on the non-applicability of statutory limitations to war "
        "crimes and crimes against humanity",
        state="Kazakhstan",
        body="Universal Periodic Review",
        symbol="A/HRC/28/10",
        session="20th session",
        by="- Uruguay",
        position="Noted",
        themes="- Acceptance of international norms",
        persons="- General",
        sdgs="- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        date=serial(date(2014, 12, 19)),
        id="a1f0c3",
    ),
    _row(
        text="24. The State party should:\n(a) Ensure that all allegations of torture are promptly "
        "investigated;\n(b) Provide adequate redress to victims.",
        state="Denmark",
        body="CCPR",
        symbol="CCPR/C/DNK/CO/6",
        themes="- Prohibition of torture and cruel, inhuman or degrading treatment\n"
        "- Right to an effective remedy",
        persons="- Persons deprived of their liberty",
        sdgs="- 16.3",
        date=serial(date(2016, 8, 15)),
        id="b2e1d4",
    ),
    _row(
        text="31. The Committee recommends that the State party strengthen its efforts to combat bullying.",
        state="Denmark",
        body="Committee on the Rights of the Child",
        symbol="CRC/C/DNK/CO/5-6",
        themes="- Right to education\n- Unheard-of heading of 2017",
        persons="- Children\n- Girls",
        sdgs="- 4 - QUALITY EDUCATION",
        date=str(serial(date(2017, 10, 26))),
        id="c3d2e5",
    ),
    _row(
        text="87. Ensure the effective participation of Greenlanders in decisions affecting them.",
        state="Denmark",
        body="Special Rapporteur on the rights of indigenous peoples",
        symbol="A/HRC/15/37/Add.5",
        themes="- Indigenous peoples",
        persons="",
        sdgs="",
        date=date(2011, 6, 24),
        id="d4c3f6",
    ),
]


def workbook(rows: Sequence[dict[str, object]] = ROWS, headers: Sequence[str] = HEADERS) -> bytes:
    """An .xlsx of ``rows`` under ``headers`` (a header may be renamed, dropped or moved)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(header, "") for header in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_text(rows: Sequence[dict[str, object]] = ROWS, headers: Sequence[str] = HEADERS) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in headers])
    return out.getvalue()
