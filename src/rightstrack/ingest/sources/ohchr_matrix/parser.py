"""Parser of OHCHR's "thematic lists of recommendations" (UPR matrices), DOCX.

A matrix is a table of one review's recommendations, filed under theme headings, with the State's
position, the UHRI themes, groups of persons and SDGs of each. Its columns are found by what their
headers say, so every layout (2013, 2018, 2019, 2022 on: see ``README.md``) reads the same way.

``parse`` returns one record per paragraph, with its terms in the vocabularies of
:mod:`rightstrack.core.uhri`, and every lesser oddity as a non-fatal
:class:`~rightstrack.core.records.Problem`. It rejects, with place and reason, a document it cannot
read whole: nothing partial.

>>> detect(b"Recommendation\\tPosition\\n186.1 Ratify (France);\\tSupported")
False
"""

from __future__ import annotations

from collections.abc import Iterable

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, StakeholderRecord

from .columns import Columns, find_columns, header_texts, meaning
from .docx_reading import DocxContent, Table, is_docx, read_docx
from .review import read_review
from .rows import Records, read_table

KIND = "ohchr-matrix"
AUTHOR = StakeholderRecord(
    "Office of the United Nations High Commissioner for Human Rights", "OHCHR", "un_agency"
)


def detect(data: bytes) -> bool:
    """Whether ``data`` is a DOCX with a table whose header names a recommendation and a position column."""
    if not is_docx(data):
        return False
    try:
        content = read_docx(data)
    except DocumentRejected:
        return False
    return bool(_matrix_tables(content))


def parse(data: bytes, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Every recommendation of a matrix; :class:`DocumentRejected` (place and reason) when it is unreadable.

    ``issue_labels`` (UPR Info issues) is accepted for the common parser signature and not used:
    matrices carry OHCHR's own vocabularies.
    """
    content = read_docx(data)
    tables = _matrix_tables(content)
    if not tables:
        raise _no_matrix(content)
    review, title, problems = read_review(content.title_lines)
    records = Records(problems=problems)
    for table, columns in tables:
        prefix = f"table {table.number}: " if len(tables) > 1 else ""
        read_table(table, columns, prefix, records, review.year)
    if not records.by_ref:
        first = tables[0][0]
        raise DocumentRejected("the matrix lists no recommendation", Place(section=f"table {first.number}"))
    return ParsedDocument(
        kind=KIND,
        title=title,
        review=review,
        recommendations=records.records(),
        author=AUTHOR,
        problems=records.problems,
    )


def _matrix_tables(content: DocxContent) -> list[tuple[Table, Columns]]:
    found = [(table, find_columns(table)) for table in content.tables]
    return [(table, columns) for table, columns in found if columns is not None]


def _no_matrix(content: DocxContent) -> DocumentRejected:
    if not content.tables:
        return DocumentRejected(
            "the document has no table: a matrix is a table of recommendations", Place(section="body")
        )
    table = next(
        (t for t in content.tables if any(meaning(text) == "recommendation" for text in header_texts(t))),
        content.tables[0],
    )
    header = header_texts(table)
    found = {meaning(text) for text in header}
    missing = [name for name in ("recommendation", "position") if name not in found] or ["such"]
    shown = " | ".join(header) or "nothing"
    return DocumentRejected(
        f"no table with a recommendation column and a position column: the header of table "
        f"{table.number} has no {' and no '.join(missing)} column (it reads: {shown})",
        Place(row=1, section=f"table {table.number} header"),
    )
