"""ILO ratifications and Council of Europe treaties of Annex I.

The ILO table (``Convention | Date | Status``) comes in groups: a first, unnamed group, then
``Governance (Priority)`` and ``Technical`` sub-headings, each repeating the header row. A convention
cell reads ``C029 - Forced Labour Convention, 1930 (No. 29)``, sometimes followed by a remark
(``Minimum age specified: 16 years``). The Council of Europe table (``Council of Europe Conventions |
Ratification/ Accession (a) | Entry into force``) is followed by ``Other Council of Europe Agreements
and Conventions | Status`` rows (``Member since March 2012``).

>>> ilo_name("C138 - Minimum Age Convention, 1973 (No. 138) Minimum age specified: 16 years")
('Minimum Age Convention, 1973 (No. 138)', 'Minimum age specified: 16 years')
>>> membership("Invited to accede since December 2003"), membership("Observer")
(('invited to accede', 'December 2003'), ('observer', ''))
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rightstrack.core.records import Place, Problem, TreatyRecord

from .codes import coe_code, ilo_code
from .dates import day
from .tables import Row, find_header, table_rows
from .text import Outline
from .treaties import annex_start, is_none

ILO_HEADER = ("convention", "date", "status")
COE_HEADER = ("council of europe conventions", "ratification")
_ILO_CELL = re.compile(r"^(?:C\s*\d{1,3}\s*[-–]\s*)?(?P<name>.*?\(No\.\s*\d+\))\s*(?P<extra>.*)$")
_AMENDMENT = re.compile(r"^Amendments?\b", re.IGNORECASE)
_STATED_ILO = re.compile(r"\bratified (?P<count>\d+) out of (?P<of>\d+) ILO Conventions", re.IGNORECASE)
_SIGNED_TOO = re.compile(r"\s*\bSigned:\s*", re.IGNORECASE)
_ACCEDED = re.compile(r"\s*\(a\)", re.IGNORECASE)
_SINCE = re.compile(r"^(?P<status>.+?)\s+since\s+(?P<when>.+)$", re.IGNORECASE)


def ilo_name(cell: str) -> tuple[str, str]:
    """(name without its ``Cnnn -`` prefix, remark written after ``(No. n)``)."""
    match = _ILO_CELL.match(cell)
    if match is None:
        return cell, ""
    return match.group("name").strip(), match.group("extra").strip()


def membership(cell: str) -> tuple[str, str]:
    """(status, since when) from ``"Member since March 2012"``."""
    match = _SINCE.match(cell)
    if match is None:
        return cell.strip().casefold(), ""
    return match.group("status").strip().casefold(), match.group("when").strip()


def _is_header(row: Row, words: Sequence[str]) -> bool:
    return [text.casefold() for text in row.filled] == list(words)


def ilo_conventions(
    lines: Sequence[str], outline: Outline, problems: list[Problem], stated: dict[str, int]
) -> list[TreatyRecord]:
    """The ILO table; its count of conventions is checked against the text's "ratified N out of M"."""
    header = find_header(lines, *ILO_HEADER, start=annex_start(outline))
    if header is None:
        problems.append(Problem(Place(line=1, section="Annex I"), "no table of ILO conventions"))
        return []
    section = outline.section_at(header)
    records: list[TreatyRecord] = []
    group = ""
    for row in table_rows(lines, header)[0]:
        if _is_header(row, ILO_HEADER):
            continue
        if len(row.filled) == 1 and not row.cell(1):
            group = row.filled[0]
            continue
        name, extra = ilo_name(row.cell(0))
        code = ilo_code(row.cell(0))
        notes = [text for text in (row.cell(2), extra, f"group: {group}" if group else "") if text]
        records.append(
            TreatyRecord(
                treaty=name,
                code=code,
                status="accepted" if _AMENDMENT.match(name) else "ratified",
                place=Place(line=row.number, section=section),
                date=day(row.cell(1)),
                date_text=row.cell(1),
                note="; ".join(notes),
            )
        )
    _check_ilo_count(lines, records, Place(line=header + 1, section=section), problems, stated)
    return records


def _check_ilo_count(
    lines: Sequence[str],
    records: Sequence[TreatyRecord],
    place: Place,
    problems: list[Problem],
    stated: dict[str, int],
) -> None:
    listed = len({record.code for record in records if record.code})
    for index, raw in enumerate(lines):
        match = _STATED_ILO.search(raw)
        if match is None:
            continue
        count = int(match.group("count"))
        stated.setdefault("ILO conventions ratified", count)
        if count != listed:
            problems.append(
                Problem(
                    place,
                    f"the text says {count} ILO conventions are ratified (line {index + 1}); "
                    f"the ILO table lists {listed}",
                )
            )
            return


def coe_treaties(lines: Sequence[str], outline: Outline, problems: list[Problem]) -> list[TreatyRecord]:
    """The Council of Europe tables: conventions ratified, then other agreements with a status."""
    header = find_header(lines, *COE_HEADER, start=annex_start(outline))
    if header is None:
        problems.append(
            Problem(Place(line=1, section="Annex I"), "no table of Council of Europe conventions")
        )
        return []
    section = outline.section_at(header)
    records: list[TreatyRecord] = []
    others = False
    for row in table_rows(lines, header)[0]:
        place = Place(line=row.number, section=section)
        if row.cell(1).casefold() == "status":
            others = True
            continue
        if others:
            status, since = membership(row.cell(1))
            records.append(TreatyRecord(row.cell(0), coe_code(row.cell(0)), status, place, day(since), since))
            continue
        ratified, *signed = _SIGNED_TOO.split(row.cell(1), maxsplit=1)
        notes = [f"signed {signed[0]}"] if signed else []
        if not is_none(row.cell(2)):
            notes.append(f"entry into force {row.cell(2)}")
        status = "acceded" if _ACCEDED.search(ratified) else "ratified"
        date_text = _ACCEDED.sub("", ratified).strip()
        records.append(
            TreatyRecord(
                row.cell(0), coe_code(row.cell(0)), status, place, day(date_text), date_text, "; ".join(notes)
            )
        )
    return records
