"""Rows of a matrix table: theme headings, and one recommendation record per paragraph.

A paragraph listed under several theme headings (the 2022 layout files a recommendation under each
of its themes) becomes one record: the first heading, and the themes of every listing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from string import ascii_lowercase

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem, RecommendationRecord

from .cells import read_position, read_recommendation, split_source, tidy
from .columns import Columns
from .docx_reading import Row, Table
from .terms import RowTerms, read_terms

REF_SCHEME = "ohchr-paragraph"
_THEME_PREFIX = "theme:"


@dataclass
class Listing:
    record: RecommendationRecord
    terms: RowTerms
    messages: list[str]  # what is odd about it, said once per paragraph
    clauses: list[tuple[str, list[str]]] = field(default_factory=list)  # several recommendations in one


@dataclass
class Records:
    """Records by paragraph, in the order of their first listing, and the problems met."""

    by_ref: dict[str, Listing] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _said: set[tuple[str, str]] = field(default_factory=set)

    def add(self, listing: Listing) -> None:
        record = listing.record
        for message in listing.messages:
            if (record.ref, message) not in self._said:
                self._said.add((record.ref, message))
                self.problems.append(Problem(record.place, message))
        first = self.by_ref.get(record.ref)
        if first is None:
            self.by_ref[record.ref] = listing
            return
        first.terms.merge(listing.terms)  # first.record.terms is first.terms.terms
        _add_states(first.record, record.recommending_states)
        if _words(first.record.text) != _words(record.text):
            self.problems.append(
                Problem(
                    record.place, f"paragraph {record.ref} is listed again with another text; kept the first"
                )
            )
        if first.record.response != record.response:
            self.problems.append(
                Problem(
                    record.place,
                    f"paragraph {record.ref} is listed again with another position "
                    f"({record.response or 'none'} vs {first.record.response or 'none'}); kept the first",
                )
            )

    def records(self) -> list[RecommendationRecord]:
        """One record per recommendation: a paragraph of several clauses, each with its own States,
        gives one per clause (``ref_part`` a, b, ...), as the Working Group report's parser does."""
        found: list[RecommendationRecord] = []
        for listing in self.by_ref.values():
            record = listing.record
            if len(listing.clauses) < 2:
                found.append(record)
                continue
            for index, (text, states) in enumerate(listing.clauses):
                found.append(
                    replace(
                        record,
                        text=text,
                        recommending_states=list(states),
                        ref_part=ascii_lowercase[index],
                        terms={code: list(labels) for code, labels in record.terms.items()},
                    )
                )
        return found


def read_table(
    table: Table, columns: Columns, section_prefix: str, records: Records, year: int | None = None
) -> None:
    """Adds the table's recommendations to ``records``; rejects a row it cannot read.

    Terms are read in the vocabulary versions of ``year`` (the review's). In the 2022 layout (SDGs in
    their own column) the theme heading a row is filed under is one of its themes.
    """
    heading = ""
    header = table.rows[columns.header].cells
    for row in table.rows[columns.header + 1 :]:
        recommendation = _cell(row, columns.recommendation)
        if row.cells == header or not any(text.strip() for text in row.cells):
            continue  # a header repeated on a new page, or an empty row
        if _is_heading(row, recommendation):
            heading = _heading(recommendation or next(text for text in row.cells if text.strip()))
            continue
        place = Place(row=row.number, section=f"{section_prefix}{heading or 'table'}")
        records.add(_listing(row, columns, heading, place, year))


def _listing(row: Row, columns: Columns, heading: str, place: Place, year: int | None) -> Listing:
    recommendation = _cell(row, columns.recommendation)
    cell = read_recommendation(recommendation)
    if cell is None:
        shown = tidy(recommendation).replace("\n", " ")[:100]
        raise DocumentRejected(f"the recommendation does not start with a paragraph number: {shown!r}", place)
    place = Place(row=place.row, section=place.section, paragraph=cell.ref)
    problems: list[str] = []
    position_cell = _cell(row, columns.position)
    response, odd = read_position(position_cell)
    if odd:
        problems.append(odd)
    source = cell.position_source or split_source(tidy(position_cell))[1]
    if not source:
        problems.append("no source of position")
    if not cell.states:
        problems.append("no recommending State: no '(State);' at the end of the recommendation")
    problems += [f"recommending State {name!r} is not in the State register" for name in cell.tails.unknown]
    problems += [f"recommending State written {was!r}, read as {read!r}" for was, read in cell.tails.repaired]
    terms = read_terms(
        [_cell(row, index) for index in columns.themes],
        [_cell(row, index) for index in columns.sdgs],
        year,
        heading if columns.sdgs else "",
    )
    problems += terms.messages
    record = RecommendationRecord(
        ref=cell.ref,
        ref_scheme=REF_SCHEME,
        text=cell.text,
        place=place,
        recommending_states=list(cell.states),
        response=response,
        terms=terms.terms,
        theme_heading=heading,
        position_source=source,
    )
    return Listing(record, terms, problems, list(cell.tails.clauses))


def _cell(row: Row, index: int) -> str:
    return row.cells[index] if index < len(row.cells) else ""


def _is_heading(row: Row, recommendation: str) -> bool:
    """An unnumbered row spanning the table, starting "Theme:", or whose only text is one line."""
    if read_recommendation(recommendation) is not None:
        return False
    if row.merged or tidy(recommendation).casefold().startswith(_THEME_PREFIX):
        return True
    texts = {tidy(text) for text in row.cells} - {""}
    return len(texts) == 1 and "\n" not in next(iter(texts))


def _heading(text: str) -> str:
    text = tidy(text).replace("\n", " ")
    return text[len(_THEME_PREFIX) :].strip() if text.casefold().startswith(_THEME_PREFIX) else text


def _add_states(record: RecommendationRecord, states: list[str]) -> None:
    record.recommending_states += [state for state in states if state not in record.recommending_states]


def _words(text: str) -> list[str]:
    return text.casefold().split()
