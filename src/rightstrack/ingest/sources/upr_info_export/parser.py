"""UPR Info database exports (CSV): one row per recommendation and recommending State.

Columns are read by name (their order may change): ``id, state_under_review, recommendation,
recommending_state, response, action_category, issues, session, cycle, year`` are required;
``sur_regional_group, sur_organisations, rs_regional_group, rs_organisations`` are read when present.
Every row becomes a recommendation of the review of its State, session and cycle, numbered by its
``id`` in the ``upr-info-db`` numbering; the store merges it with the same recommendation from other
documents.

>>> doc = parse(HEADER + "\\nuprinfo-1,Chad,African Group,OIF,Ratify the CRPD.,Mexico,GRULAC,,Accepted,5,"
...             "Disabilities;International instruments,5,1,2009,x.csv\\n")
>>> record = doc.recommendations[0]
>>> (record.ref, record.recommending_states, record.response, record.action_category)
('uprinfo-1', ['Mexico'], 'accepted', 5)
>>> record.terms
{'upr-info-issues': ['Disabilities', 'International instruments']}
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.mechanisms import UPR_CYCLES
from rightstrack.core.records import ParsedDocument, Place, RecommendationRecord, ReviewKey, StateFactRecord
from rightstrack.core.states import resolve_state
from rightstrack.core.vocab import UPR_INFO_ISSUES

KIND = "upr-info-export"
SCHEME = "upr-info-db"
REQUIRED = (
    "id",
    "state_under_review",
    "recommendation",
    "recommending_state",
    "response",
    "action_category",
    "issues",
    "session",
    "cycle",
    "year",
)
HEADER = (
    "id,state_under_review,sur_regional_group,sur_organisations,recommendation,recommending_state,"
    "rs_regional_group,rs_organisations,response,action_category,issues,session,cycle,year,source_file"
)
RESPONSES = {
    "accepted": "accepted",
    "supported": "accepted",
    "noted": "noted",
    "rejected": "rejected",
    "pending": "pending",
    "already implemented": "already implemented",
    "partially accepted": "partially accepted",
    "": "",
}


def detect(text: str) -> bool:
    header = text.lstrip("\ufeff").split("\n", 1)[0].lower()
    return all(name in header for name in ("state_under_review", "recommending_state", "recommendation"))


def _rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as {column: cell} (as ``csv.DictReader`` gives them: a repeated column keeps its last cell)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    fieldnames = next(reader, None)
    missing = [name for name in REQUIRED if name not in (fieldnames or [])]
    if missing or fieldnames is None:
        raise DocumentRejected(f"the header lacks the column(s) {', '.join(missing)}", Place(line=1, row=1))
    width = len(fieldnames)
    try:
        for cells in reader:
            if not cells:  # a blank line
                continue
            if len(cells) != width:
                raise DocumentRejected(
                    "the row has a different number of cells than the header (a truncated file?)",
                    Place(line=reader.line_num, row=reader.line_num),
                )
            yield reader.line_num, dict(zip(fieldnames, cells, strict=True))
    except csv.Error as error:
        raise DocumentRejected(f"broken CSV: {error}", Place(line=reader.line_num)) from None


def _number(row: dict[str, str], column: str, place: Place, allowed: range | None = None) -> int:
    raw = row[column].strip()
    try:
        value = int(float(raw))
    except ValueError:
        raise DocumentRejected(f"{column} {raw!r} is not a number", _cell(place, column)) from None
    if allowed is not None and value not in allowed:
        raise DocumentRejected(
            f"{column} {value} is outside {allowed.start}–{allowed.stop - 1}", _cell(place, column)
        )
    return value


def _cell(place: Place, column: str) -> Place:
    return Place(line=place.line, row=place.row, cell=column[:16], section=place.section)


def _facts(row: dict[str, str], state: str, prefix: str) -> StateFactRecord | None:
    group = (row.get(f"{prefix}_regional_group") or "").strip()
    organisations = tuple(
        o.strip()
        for o in (row.get(f"{prefix}_organisations") or "").replace(";", ",").split(",")
        if o.strip()
    )
    return StateFactRecord(state, group, organisations) if group or organisations else None


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    records: list[RecommendationRecord] = []
    facts: dict[str, StateFactRecord] = {}
    seen: set[str] = set()
    for line, row in _rows(text):
        place = Place(line=line, row=line, section="rows")
        ref = row["id"].strip()
        if not ref:
            raise DocumentRejected("the id cell is empty", _cell(place, "id"))
        if ref in seen:
            raise DocumentRejected(f"the id {ref!r} appears twice", _cell(place, "id"))
        seen.add(ref)
        recommendation = " ".join(row["recommendation"].split())
        if not recommendation:
            raise DocumentRejected("the recommendation cell is empty", _cell(place, "recommendation"))
        state = resolve_state(row["state_under_review"])
        if state is None:
            raise DocumentRejected(
                f"unknown State under review {row['state_under_review']!r}",
                _cell(place, "state_under_review"),
            )
        response = row["response"].strip().lower()
        if response not in RESPONSES:
            raise DocumentRejected(f"unknown response {row['response']!r}", _cell(place, "response"))
        cycle = _number(row, "cycle", place, range(1, max(UPR_CYCLES) + 1))
        category = row["action_category"].strip()
        issues = [label.strip() for label in row["issues"].split(";") if label.strip()]
        records.append(
            RecommendationRecord(
                ref=ref,
                ref_scheme=SCHEME,
                text=recommendation,
                place=place,
                recommending_states=[row["recommending_state"].strip()]
                if row["recommending_state"].strip()
                else [],
                response=RESPONSES[response],
                action_category=_number(row, "action_category", place, range(1, 6)) if category else None,
                terms={UPR_INFO_ISSUES: issues} if issues else {},
                review=ReviewKey(
                    state,
                    "UPR",
                    cycle,
                    _number(row, "session", place, range(1, 100)),
                    _number(row, "year", place, range(2006, 2100)),
                ),
            )
        )
        for code, prefix in ((state, "sur"), (resolve_state(row["recommending_state"]), "rs")):
            if code and code not in facts:  # a State's first facts are kept
                fact = _facts(row, code, prefix)
                if fact is not None:
                    facts[code] = fact
    if not records:
        raise DocumentRejected("the file has a header but no rows", Place(line=2))
    first = records[0].review
    assert first is not None
    return ParsedDocument(
        kind=KIND,
        title=f"UPR Info database export ({len(records)} rows)",
        review=first,
        recommendations=records,
        state_facts=list(facts.values()),
    )
