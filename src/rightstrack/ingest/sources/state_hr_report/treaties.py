"""The ratification inventory of Annex I: UN core treaties, additional (thematic) treaties, OSCE.

The core table has four columns (treaty, signature, ratification/accession ``(a)``, declaration or
reservation); ``/`` means none. A row split by a page break continues on a line whose signature cell
is empty. The thematic table has two (treaty; one cell with ``(a)`` accession, ``(e)`` entry into
force, ``(signed)``/``(ratified)`` marks, several dates separated by ``;``).

>>> core_status("2 Dec 2003", "24 Jan 2006"), core_status("/", "26 Aug 1998 (a)"), core_status("2010", "/")
(('ratified', '24 Jan 2006'), ('acceded', '26 Aug 1998'), ('signed', '2010'))
>>> core_status("/", "/")
('not signed', '')
>>> dated_status("2 August 2016 (signed); 6 December 2016 (ratified)")
('ratified', '6 December 2016', 'signed 2 August 2016')
>>> dated_status("21 Feb 1996 (a); 22 Mar 1996 (e)"), dated_status("Not signed/ratified")
(('acceded', '21 Feb 1996', 'entry into force 22 Mar 1996'), ('not signed', '', 'Not signed/ratified'))
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem, TreatyRecord

from .codes import core_code, ilo_code
from .dates import day
from .tables import Row, find_header, join_continuations, table_rows
from .text import Outline

CORE_HEADER = ("treaty/convention", "signature", "ratification")
THEMATIC_HEADER = ("treaty/convention", "entry into force (e)")
ANNEX_I = re.compile(r"\bANNEX I\b(?!I)", re.IGNORECASE)
_OSCE = re.compile(r"^[a-z]\.\s*OSCE$", re.IGNORECASE)
_NONE = re.compile(r"^[/\-–—\s]*$")
_ACCEDED = re.compile(r"\s*\(a\)", re.IGNORECASE)
_MARK = re.compile(r"\s*\((?P<mark>a|e|signed|ratified)\)\s*$", re.IGNORECASE)
_NOT_SIGNED = re.compile(r"\bnot\s+signed\b", re.IGNORECASE)
_SIGNED = re.compile(r"\bhas (?:also )?signed the (?P<name>[A-Z][^,.;]*?)(?=,|\.|;| that\b| which\b| a\b)")
_KINDS = {"a": "acceded", "e": "in force", "signed": "signed", "ratified": "ratified"}
_NOTE_WORDS = {
    "signed": "signed",
    "in force": "entry into force",
    "acceded": "acceded",
    "ratified": "ratified",
}


def is_none(cell: str) -> bool:
    """Whether a cell says "nothing" (empty, ``/`` or a dash)."""
    return bool(_NONE.match(cell))


def core_status(signed: str, ratified: str) -> tuple[str, str]:
    """(status, date as written) from the signature and ratification cells of the core table."""
    if not is_none(ratified):
        return ("acceded" if _ACCEDED.search(ratified) else "ratified"), _ACCEDED.sub("", ratified).strip()
    if not is_none(signed):
        return "signed", signed
    return "not signed", ""


def dated_status(cell: str) -> tuple[str, str, str]:
    """(status, date as written, note) from a cell such as ``"21 Feb 1996 (a); 22 Mar 1996 (e)"``."""
    if _NOT_SIGNED.search(cell) or is_none(cell):
        return "not signed", "", cell
    found: list[tuple[str, str]] = []
    for part in (part.strip() for part in cell.split(";")):
        match = _MARK.search(part)
        kind = _KINDS[match.group("mark").casefold()] if match else "ratified"
        found.append((kind, part[: match.start()].strip() if match else part))
    main = next(
        (
            item
            for rank in (("acceded", "ratified"), ("in force",), ("signed",))
            for item in found
            if item[0] in rank
        ),
        found[0],
    )
    note = "; ".join(f"{_NOTE_WORDS[kind]} {text}" for kind, text in found if (kind, text) != main)
    return main[0], main[1], note


def annex_start(outline: Outline) -> int:
    """The line of the Annex I heading (0 when the document has none)."""
    return outline.find(ANNEX_I) or 0


def core_treaties(lines: Sequence[str], outline: Outline, problems: list[Problem]) -> list[TreatyRecord]:
    """The UN core treaties table; rejects a document without it."""
    header = find_header(lines, *CORE_HEADER, start=annex_start(outline))
    if header is None:
        header = find_header(lines, *CORE_HEADER)
    if header is None:
        raise DocumentRejected(
            "no table of the core international human rights treaties "
            "(columns 'Treaty/convention', 'Signature', 'Ratification/ Accession (a)')",
            Place(line=len(lines), section="Annex I"),
        )
    section = outline.section_at(header)
    rows = join_continuations(table_rows(lines, header)[0], lambda row: not row.cell(1))
    if not rows:
        raise DocumentRejected(
            "the table of core treaties has no rows", Place(line=header + 1, section=section)
        )
    records = [_core_record(row, section, problems) for row in rows]
    seen: dict[str, int] = {}
    for record in records:
        if record.code and record.code in seen:
            problems.append(
                Problem(record.place, f"{record.code} is listed twice (first at line {seen[record.code]})")
            )
        seen.setdefault(record.code, record.place.line or 0)
    return records


def _core_record(row: Row, section: str, problems: list[Problem]) -> TreatyRecord:
    name, signed, ratified, declared = (row.cell(position) for position in range(4))
    place = Place(line=row.number, section=section)
    code = core_code(name)
    if not code:
        problems.append(
            Problem(place, f"{name!r} is no UN core treaty or protocol the parser knows: no code")
        )
    status, date_text = core_status(signed, ratified)
    notes = []
    if status in ("ratified", "acceded") and not is_none(signed):
        notes.append(f"signed {signed}")
    if not is_none(declared):
        notes.append(f"declaration/reservation: {declared}")
    return TreatyRecord(
        treaty=name,
        code=code,
        status=status,
        place=place,
        date=day(date_text),
        date_text=date_text,
        note="; ".join(notes),
    )


def thematic_treaties(lines: Sequence[str], outline: Outline, problems: list[Problem]) -> list[TreatyRecord]:
    """The "Additional Relevant (Thematic) Treaties" table (a problem when it is missing)."""
    header = find_header(lines, *THEMATIC_HEADER, start=annex_start(outline))
    if header is None:
        problems.append(
            Problem(Place(line=1, section="Annex I"), "no table of additional (thematic) treaties")
        )
        return []
    section = outline.section_at(header)
    records = []
    for row in join_continuations(table_rows(lines, header)[0], lambda row: not row.cell(1)):
        status, date_text, note = dated_status(row.cell(1))
        records.append(
            TreatyRecord(
                treaty=row.cell(0),
                code=ilo_code(row.cell(0)),
                status=status,
                place=Place(line=row.number, section=section),
                date=day(date_text),
                date_text=date_text,
                note=note,
            )
        )
    return records


def osce_commitments(lines: Sequence[str], outline: Outline) -> list[TreatyRecord]:
    """The OSCE instruments Annex I says Kazakhstan signed ("has signed the Helsinki Final Act")."""
    start = outline.find(_OSCE, annex_start(outline))
    if start is None:
        return []
    end = outline.next_heading(start) or len(lines)
    section = outline.section_at(start)
    records: list[TreatyRecord] = []
    for index in range(start + 1, end):
        for match in _SIGNED.finditer(lines[index]):
            name = match.group("name").strip()
            if all(record.treaty != name for record in records):
                place = Place(line=index + 1, section=section)
                records.append(TreatyRecord(treaty=name, code="", status="signed", place=place))
    return records
