"""Small OHCHR matrices (DOCX) built with python-docx, for the layouts ../shared has no sample of.

A row is a tuple of cell texts (a line a paragraph, or a line break with ``breaks=True``), or a
string: a heading row, one cell spanning the table ("Theme: ...").
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import docx

Row = tuple[str, ...] | str

COLUMNS_2019 = (
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
)
COLUMNS_2022 = (
    "Recommendation and recommending State",
    "Position of the State under review",
    "Human rights themes and groups of persons",
    "Relevant SDGs",
)


def build_docx(
    header: str | None,
    columns: Sequence[str] | None,
    rows: Sequence[Row] = (),
    *,
    paragraphs: Sequence[str] = (),
    breaks: bool = False,
) -> bytes:
    """A DOCX with page header ``header``, ``paragraphs``, then one table (none without ``columns``)."""
    document: Any = docx.Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        document.add_paragraph(text)
    if columns is not None:
        table = document.add_table(rows=1, cols=len(columns))
        for cell, text in zip(table.rows[0].cells, columns, strict=True):
            cell.text = text
        for row in rows:
            _add_row(table, row, breaks)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_row(table: Any, row: Row, breaks: bool) -> None:
    cells = table.add_row().cells
    if isinstance(row, str):
        merged = cells[0].merge(cells[-1])
        merged.text = row
        return
    for cell, text in zip(cells, row, strict=True):
        if breaks:
            cell.text = text  # "\n" becomes a line break inside one paragraph
            continue
        first, *others = text.split("\n")
        cell.text = first
        for line in others:
            cell.add_paragraph(line)


def matrix_2019() -> bytes:
    """Kazakhstan's 34th session in the 2019 layout: uncoded themes, "SDGs:" and "Affected persons:" lines."""
    return build_docx(
        "UPR of Kazakhstan (3rd Cycle – 34th session)\t\t\tThematic list of recommendations\t\tPage 1 of 2",
        COLUMNS_2019,
        [
            "Theme: Acceptance of international norms",
            (
                "134.1 Ratify the International Convention for the Protection of All Persons from Enforced "
                "Disappearance (France, Germany);\nSource of Position: A/HRC/43/11 - Para 134",
                "Supported",
                "- Acceptance of international norms\n- Enforced disappearances\nSDGs: \n"
                "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\nAffected persons: \n- Disappeared persons",
                "",
            ),
            (
                "134.2 Ratify the Optional Protocol to the Convention on the Elimination of All Forms of "
                "Discrimination against Women (Ukraine); Consider ratifying the Istanbul Convention (Iran "
                "(Islamic Republic of));\nSource of Position: A/HRC/43/11/Add.1 - Para. 3",
                "Supported/Noted",
                "- Acceptance of international norms\n- Discrimination against women\nSDGs:\n"
                "- SDG 5 - gender equality\n- 5.2\nAffected persons:\n- women\n- Roma and Sinti",
                "",
            ),
            "Theme: Death penalty",
            (
                "135.7 Abolish the death penalty for all crimes (Uruguay) (Mali).\n"
                "Source of Position: A/HRC/43/11/Add.1 - Para. 4",
                "Noted",
                "- Death penalty\n- Right to life\n- Unheard-of theme\nAffected persons:\n- general",
                "",
            ),
        ],
        breaks=True,
    )


def matrix_2022() -> bytes:
    """Kazakhstan's 48th session in the 2022 layout: a recommendation under each of its theme headings."""
    twice = (
        "140.26 Take further measures to fight intolerance and ensure that all forms of discrimination are "
        "combated (Egypt);\nSource of Position: A/HRC/59/12/Add.1 - Para.3",
        "Supported",
        "- Equality & non-discrimination\n- Racial discrimination\nGroups of Persons: \n- Public officials"
        "\n- Women & girls",
        "- 10 - REDUCED INEQUALITIES\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\n10.3",
    )
    return build_docx(
        "UPR of Kazakhstan (4th Cycle – 48th session)\t\tThematic list of recommendations",
        COLUMNS_2022,
        [
            "Theme: Equality & non-discrimination",
            twice,
            (
                "140.27 Intensify efforts to combat hate speech (Gambia); Step up the fight against racism "
                "(China);\nSource of Position: A/HRC/59/12/Add.1 - Para.3",
                "Noted",
                "- Equality & non-discrimination\nGroups of Persons: \n- Migrants",
                "SDG 10 - reduced inequalities",
            ),
            "Theme: Racial discrimination",
            (
                *twice[:2],
                "- Racial discrimination\n- Members of minorities\nGroups of Persons:\n- media",
                twice[3],
            ),
        ],
    )
