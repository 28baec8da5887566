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


#: Rows of real thematic lists (OHCHR, UPR of Slovenia: 34th session, 2019; 48th session, 2025), as
#: written: (heading, paragraph and text, position, themes, groups, SDG lines).
_SLOVENIA_2019 = (
    (
        "Acceptance of international norms",
        "121.3 Ratify and implement the International Labour Organization’s 2014 Protocol to the Forced "
        "Labour Convention, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);\n"
        "Source of Position: A/HRC/43/15 - Para 121",
        "Supported",
        ("Acceptance of international norms",
         "Right to work and to just & favorable conditions of work & labour rights",
         "Prohibition of slavery, trafficking"),
        (),
        ("8 - DECENT WORK AND ECONOMIC GROWTH",),
    ),
    (
        "Cooperation & Follow up with Treaty Bodies",
        "122.12 Adopt an open, merit-based process when selecting national candidates for United Nations "
        "treaty body elections (United Kingdom of Great Britain and Northern Ireland);\n"
        "Source of Position: A/HRC/43/15/Add.1 - Para.3",
        "Supported",
        ("Cooperation & Follow up with Treaty Bodies",),
        (),
        (),
    ),
    (
        "Equality & non-discrimination",
        "121.6 Continue taking effective measures to protect the rights of vulnerable groups, including "
        "women, children, older persons and persons with disabilities (China);\n"
        "Source of Position: A/HRC/43/15 - Para 121",
        "Supported",
        ("Equality & non-discrimination", "Children: definition; general principles; protection",
         "Discrimination against women", "Persons with disabilities: protecting the integrity of the person"),
        ("Children", "older persons", "vulnerable persons/groups", "Women", "persons with disabilities"),
        ("10 - REDUCED INEQUALITIES",),
    ),
    (
        "Equality & non-discrimination",
        "122.44 Continue efforts to combat hate speech, and strengthen the capacity of the criminal justice "
        "system to response to cases of hate crimes (Indonesia);\n"
        "Source of Position: A/HRC/43/15/Add.1 - Para.3",
        "Supported",
        ("Equality & non-discrimination", "Administration of justice & fair trial", "Racial discrimination",
         "Right to effective remedy & reparations"),
        ("refugees & asylum seekers", "Roma, Gypsies, Sinti & Travellers", "Migrants & domestic workers",
         "lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "stateless persons", "Women",
         "media", "minorities/ racial, ethnic, linguistic, religious or descent-based groups",
         "persons with disabilities", "non-citizens"),
        ("10 - REDUCED INEQUALITIES", "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"),
    ),
    (
        "Administration of justice & fair trial",
        "122.73 Continue to reduce the backlog of judicial cases, by further improving the staffing and "
        "financial resources of the courts (Germany);\nSource of Position: A/HRC/43/15/Add.1 - Para.4",
        "Supported",
        ("Administration of justice & fair trial",),
        ("judges, lawyers and prosecutors", "Persons deprived of their liberty & detainees"),
        ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",),
    ),
    (
        "Right to education",
        "122.96 Continue measures to improve equal access to quality education for all, addressing the "
        "problem of regional disparities in access to education (Nepal);\n"
        "Source of Position: A/HRC/43/15/Add.1 - Para.4",
        "Supported",
        ("Right to education",),
        ("Children in vulnerable situations (abused, living on the street, institutionalized, indigenous, "
         "migrant children etc.)", "persons living in rural areas", "Educational staff & students"),
        ("4 - QUALITY EDUCATION",),
    ),
    (
        "Good governance & corruption",
        "122.67 Provide specific funding to the Commission for the Prevention of Corruption to establish and "
        "enforce a code of conduct (United States of America);\n"
        "Source of Position: A/HRC/43/15/Add.1 - Para.5",
        "Noted",
        ("Good governance & corruption", "Legal, institutional & policy framework",
         "Budget &resources (for human rights implementation)"),
        ("public officials",),
        ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",),
    ),
)  # fmt: skip

_SLOVENIA_2025 = (
    (
        "Ratification of & accession to international instruments",
        "140.11 Accede to the 1961 Convention on the Reduction of Statelessness, in line with the pledge "
        "announced during the 2023 Global Refugee Forum (North Macedonia);\n"
        "Source of Position: A/HRC/59/15/Add.1 - Para.4",
        "Supported",
        ("Ratification of & accession to international instruments", "Refugees & asylum seekers"),
        ("Refugees & asylum seekers", "Public officials", "Stateless persons"),
        ("10 - REDUCED INEQUALITIES",),
    ),
    (
        "Legal & institutional reform",
        "140.63 Strengthen legal and institutional protections for journalists to promote a safe and "
        "independent media environment (Indonesia);\nSource of Position: A/HRC/59/15/Add.1 - Para.3",
        "Supported",
        ("Legal & institutional reform", "Violence against women",
         "Freedom of opinion and expression & access to information"),
        ("Public officials", "Women & girls", "Media"),
        ("5 - GENDER EQUALITY", "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"),
    ),
    (
        "Conditions of detention",
        "140.53 Continue to address the issue of overcrowding in prisons and to give the attention needed "
        "to juvenile justice (Lebanon);\nSource of Position: A/HRC/59/15/Add.1 - Para.3",
        "Supported",
        ("Conditions of detention", "Children: juvenile justice"),
        ("Law enforcement / police & prison officials", "Children", "Youth & juveniles", "Public officials",
         "Persons deprived of their liberty & detainees"),
        ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",),
    ),
    (
        "Human trafficking & contemporary forms of slavery",
        "140.96 Intensify efforts to prevent and combat trafficking in persons, and to protect the life and "
        "dignity of migrants (Bangladesh);\nSource of Position: A/HRC/59/15/Add.1 - Para.3",
        "Supported",
        ("Human trafficking & contemporary forms of slavery", "Right to physical & moral integrity",
         "Migrants", "Right to life", "Liberty & security of the person"),
        ("Public officials", "Migrants", "Vulnerable persons/groups"),
        ("8 - DECENT WORK AND ECONOMIC GROWTH",),
    ),
    (
        "Members of minorities",
        "140.230 Further enhance the implementation of minority rights standards (Croatia);\n"
        "Source of Position: A/HRC/59/15/Add.1 - Para.5",
        "Noted",
        ("Members of minorities", "Indigenous peoples"),
        ("Indigenous peoples", "Public officials",
         "Minorities/ racial, ethnic, linguistic, religious or descent-based groups"),
        ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",),
    ),
    (
        "Unilateral coercive measures",
        "140.59 Refrain from the practice of applying unilateral coercive measures that have a widespread "
        "negative impact on the enjoyment of human rights (Belarus);\n"
        "Source of Position: A/HRC/59/15/Add.1 - Para.5",
        "Noted",
        ("Unilateral coercive measures",),
        ("Public officials",),
        ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",),
    ),
)  # fmt: skip

#: What each paragraph of the two lists says: (themes, groups) as written, in order.
SLOVENIA_TERMS = {row[1].split(" ", 1)[0]: (row[3], row[4]) for row in (*_SLOVENIA_2019, *_SLOVENIA_2025)}


def slovenia_2019() -> bytes:
    """Seven rows of Slovenia's 2019 list (34th session) as OHCHR wrote them: uncoded themes with "&"."""
    rows: list[Row] = []
    for heading, recommendation, position, themes, groups, sdgs in _SLOVENIA_2019:
        cell = "\n".join(f"- {theme}" for theme in themes)
        if sdgs:
            cell += "\nSDGs: \n" + "\n".join(f"- {sdg}" for sdg in sdgs)
        if groups:
            cell += "\nAffected persons: \n" + "\n".join(f"- {group}" for group in groups)
        rows += [f"Theme: {heading}", (recommendation, position, cell, "")]
    return build_docx(
        "UPR of Slovenia (3rd Cycle – 34th session)\t\t\tThematic list of recommendations", COLUMNS_2019, rows
    )


def slovenia_2025(without_heading: str = "") -> bytes:
    """Six rows of Slovenia's 2025 list (48th session): SDGs in their own column. The row of paragraph
    ``without_heading`` does not repeat its heading in its themes cell."""
    rows: list[Row] = []
    for heading, recommendation, position, themes, groups, sdgs in _SLOVENIA_2025:
        listed = themes[1:] if recommendation.startswith(f"{without_heading} ") else themes
        cell = "\n".join(f"- {theme}" for theme in listed)
        cell += "\nGroups of Persons: \n" + "\n".join(f"- {group}" for group in groups)
        rows += [f"Theme: {heading}", (recommendation, position, cell, "\n".join(f"- {s}" for s in sdgs))]
    return build_docx(
        "UPR of Slovenia (4th Cycle – 48th session)\t\tThematic list of recommendations", COLUMNS_2022, rows
    )
