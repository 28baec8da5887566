"""The bulk open data: one CSV per table (UTF-8 with a BOM) and the ``datapackage.json`` describing them.

Written by ``rightstrack export-all`` into a folder and streamed by the site as a zip (``/open-data/``).
Only what public pages show: published assessments, documents that are not a stakeholder's upload
awaiting moderation. Rows are read from the database in chunks and written as they come: no table
sits in memory whole. The format is described in DATA.md (*Open data*).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rightstrack.outputs.datapackage import (
    Contributor,
    Field,
    ForeignKey,
    Licence,
    Package,
    Source,
    Table,
    descriptor,
)
from rightstrack.outputs.spreadsheets import csv_lines
from rightstrack.recommendations.chunks import CHUNK

LICENCE = Licence(
    name="CC-BY-4.0",
    title="Creative Commons Attribution 4.0 International",
    path="https://creativecommons.org/licenses/by/4.0/",
)
CITATION = (
    "RightsTrack open data, {where}, licensed CC BY 4.0. Cite the UN documents and "
    "the stakeholders' assessments it quotes by their own symbols and names (see sources and contributors)."
)
TITLE = "RightsTrack: human rights recommendations and their implementation"
DESCRIPTION = (
    "Recommendations made to States by the Universal Periodic Review and the UN treaty bodies, the "
    "States' positions on them, the stakeholders' published assessments of their implementation, "
    "treaty ratifications and national action plan measures. Texts are quoted as the source documents "
    "give them. A text cell starting with = + - or @ has a ' in front (so that no spreadsheet runs it)."
)

_STATE = ForeignKey("state", "states", "code")

STATES = Table(
    "states",
    "States",
    "Every State the database knows, reviewed or recommending.",
    (
        Field("code", "string", "ISO 3166-1 alpha-3 code.", required=True, unique=True),
        Field("name", "string", "UN short name."),
        Field("regional_group", "string", "UN regional group (e.g. WEOG), if known."),
    ),
    primary_key=("code",),
)
REVIEWS = Table(
    "reviews",
    "Reviews",
    "One review of one State by one mechanism: a UPR cycle, or a treaty body's review.",
    (
        Field("id", "integer", "RightsTrack's number of the review.", required=True, unique=True),
        Field("state", "string", "The State reviewed (states.code).", required=True),
        Field("mechanism", "string", "UPR, or the treaty body's code (e.g. CCPR)."),
        Field("mechanism_name", "string", "The mechanism's name."),
        Field("cycle", "integer", "UPR cycle, or the treaty body's review number."),
        Field("session", "integer", "Session of the Working Group or committee, if known."),
        Field("year", "integer", "Year of the review."),
        Field("symbols", "string", "UN document symbols of the review's reports, separated by '; '."),
    ),
    primary_key=("id",),
    foreign_keys=(_STATE,),
)
RECOMMENDATIONS = Table(
    "recommendations",
    "Recommendations",
    "Every recommendation, with the State's position and its implementation level.",
    (
        Field(
            "id",
            "integer",
            "RightsTrack's number (the page /recommendations/ID).",
            required=True,
            unique=True,
        ),
        Field("review_id", "integer", "The review that made it (reviews.id).", required=True),
        Field("refs", "string", "Its numbers in each source, as scheme:number, separated by '; '."),
        Field("text", "string", "The recommendation as the source document words it."),
        Field("recommending_states", "string", "States that made it (UPR), ISO codes separated by '; '."),
        Field(
            "response", "string", "The State's final position: supported, noted, supported/noted or empty."
        ),
        Field("wg_stage", "string", "The position stated in the Working Group report."),
        Field(
            "position_qualifier", "string", "Beside a supported position: already implemented, in process."
        ),
        Field("position_conflict", "boolean", "Two documents state different positions."),
        Field("action_category", "integer", "Action category 1 (minimal) to 5 (specific action)."),
        Field("terms", "string", "Issues, themes, groups and SDGs as vocabulary:label, separated by '; '."),
        Field("level", "string", "Implementation (IRI) outcome from the published assessments."),
        Field("score", "number", "Implementation score (0 to 1) of that outcome, if any."),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey("review_id", "reviews", "id"),),
)
ASSESSMENTS = Table(
    "assessments",
    "Assessments",
    "Published assessments: a stakeholder's claim on one recommendation, in the stakeholder's words.",
    (
        Field("id", "integer", "RightsTrack's number of the assessment.", required=True, unique=True),
        Field(
            "recommendation_id", "integer", "The recommendation assessed (recommendations.id).", required=True
        ),
        Field("stakeholder", "string", "The stakeholder's acronym, or name."),
        Field("stakeholder_name", "string", "The stakeholder's name."),
        Field("grading_scheme", "string", "The grading scheme of the grade (iri, a committee's A-E…)."),
        Field("grade", "string", "The grade claimed, in that scheme, if stated."),
        Field("level", "string", "The grade on the IRI scale, when the scheme is the IRI's."),
        Field("assessed_on", "date", "When it was assessed, if known."),
        Field("text", "string", "The assessment's text as published."),
        Field("source", "string", "The document it was read from (UN symbol, or title)."),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey("recommendation_id", "recommendations", "id"),),
)
TREATIES = Table(
    "treaties",
    "Treaty statuses",
    "Where each State stands with each treaty, as a source document gives it.",
    (
        Field("state", "string", "The State (states.code).", required=True),
        Field("treaty", "string", "The treaty's code (e.g. ICCPR-OP2)."),
        Field("treaty_name", "string", "The treaty's name."),
        Field("status", "string", "Status (ratified, signed, acceded…)."),
        Field("date", "date", "Date of that status, if known."),
        Field("date_text", "string", "The date as the source writes it."),
        Field("source", "string", "The document it was read from."),
    ),
    foreign_keys=(_STATE,),
)
MEASURES = Table(
    "measures",
    "Action plan measures",
    "Measures of national human rights action plans, their deadlines and agencies.",
    (
        Field("state", "string", "The State (states.code).", required=True),
        Field("plan", "string", "The action plan's title."),
        Field("number", "string", "The measure's number in the plan."),
        Field("text", "string", "The measure as the plan words it."),
        Field("deadline", "date", "Its deadline, if a date."),
        Field("deadline_text", "string", "The deadline as the plan writes it."),
        Field("status", "string", "planned, in progress, done…"),
        Field("agencies", "string", "Responsible agencies, separated by '; '."),
    ),
    foreign_keys=(_STATE,),
)
TABLES: tuple[Table, ...] = (STATES, REVIEWS, RECOMMENDATIONS, ASSESSMENTS, TREATIES, MEASURES)
BY_NAME = {table.name: table for table in TABLES}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _document(document: Any) -> str:
    if document is None:
        return ""
    return str(document.symbol or document.title or document.name)


def _states() -> Iterator[list[Any]]:
    from rightstrack.recommendations.models import State

    for state in State.objects.order_by("code").iterator(chunk_size=CHUNK):
        yield [state.code, state.name, state.regional_group]


def _reviews() -> Iterator[list[Any]]:
    from rightstrack.recommendations.models import Review

    reviews = Review.objects.select_related("mechanism").order_by("state_id", "year", "cycle", "id")
    for review in reviews.iterator(chunk_size=CHUNK):
        yield [
            review.pk,
            review.state_id,
            review.mechanism.code,
            review.mechanism.name,
            review.cycle,
            review.session,
            review.year,
            "; ".join(review.symbols),
        ]


def _recommendations() -> Iterator[list[Any]]:
    """Plain values, a chunk at a time, with each chunk's references, States and terms in three queries
    (no model instances: 41,000 rows stream several times faster)."""
    from rightstrack.recommendations.chunks import in_chunks
    from rightstrack.recommendations.models import Recommendation

    columns = (
        "id",
        "review_id",
        "text",
        "response",
        "wg_stage",
        "position_qualifier",
        "position_conflict",
        "action_category",
        "level",
        "level_score",
    )
    rows = Recommendation.objects.order_by("review_id", "sort_key", "id").values_list(*columns)
    for chunk, related in in_chunks(rows, term_order=("term__label", "id")):
        for pk, review, text, response, stage, qualifier, conflict, category, level, score in chunk:
            yield [
                pk,
                review,
                "; ".join(f"{scheme}:{value}" for scheme, value in related.refs[pk]),
                text,
                "; ".join(sorted(related.states[pk])),
                response,
                stage,
                qualifier,
                conflict,
                category,
                "; ".join(
                    f"{vocabulary}-unmatched:{label}" if unmatched else f"{vocabulary}:{label}"
                    for vocabulary, label, unmatched in related.terms[pk]
                ),
                level,
                float(score) if score is not None else None,
            ]


def _assessments() -> Iterator[list[Any]]:
    from rightstrack.assessments.models import Assessment

    assessments = Assessment.public_objects.select_related(
        "stakeholder", "grade__scheme", "document"
    ).order_by("recommendation_id", "id")
    for assessment in assessments.iterator(chunk_size=CHUNK):
        grade = assessment.grade
        scheme = grade.scheme.code if grade is not None else ""
        yield [
            assessment.pk,
            assessment.recommendation_id,
            assessment.stakeholder.acronym or assessment.stakeholder.name,
            assessment.stakeholder.name,
            scheme,
            grade.code if grade is not None else "",
            grade.code if grade is not None and scheme == "iri" else "",
            _iso(assessment.assessed_on),
            assessment.shown_text,
            _document(assessment.document),
        ]


def _treaties() -> Iterator[list[Any]]:
    from rightstrack.treaties.models import TreatyStatus

    statuses = TreatyStatus.objects.select_related("treaty", "document").order_by(
        "state_id", "treaty__code", "id"
    )
    for status in statuses.iterator(chunk_size=CHUNK):
        yield [
            status.state_id,
            status.treaty.code,
            status.treaty.name,
            status.status,
            _iso(status.date),
            status.date_text,
            _document(status.document),
        ]


def _measures() -> Iterator[list[Any]]:
    from rightstrack.actionplans.models import Measure

    measures = (
        Measure.objects.select_related("plan")
        .prefetch_related("agencies")
        .order_by("plan__state_id", "plan_id", "sort_key", "id")
    )
    for measure in measures.iterator(chunk_size=CHUNK):
        yield [
            measure.plan.state_id,
            measure.plan.title,
            measure.number,
            measure.text,
            _iso(measure.deadline),
            measure.deadline_text,
            measure.status,
            "; ".join(sorted(agency.name for agency in measure.agencies.all())),
        ]


_ROWS: dict[str, Callable[[], Iterator[list[Any]]]] = {
    STATES.name: _states,
    REVIEWS.name: _reviews,
    RECOMMENDATIONS.name: _recommendations,
    ASSESSMENTS.name: _assessments,
    TREATIES.name: _treaties,
    MEASURES.name: _measures,
}


def table_lines(table: Table) -> Iterator[str]:
    """``table`` as CSV, UTF-8 text with a BOM in front, one row at a time."""
    return csv_lines(table.header, _ROWS[table.name](), bom=True)


def sources() -> list[Source]:
    """The public documents the data was read from; a UN symbol (``A/HRC/14/10``) gets its address at
    undocs.org, the UN's resolver of document symbols."""
    from rightstrack.documents.models import SourceDocument

    found = []
    for document in sorted(
        SourceDocument.objects.filter(submission=False), key=lambda d: (d.symbol, d.title, d.name, d.sha256)
    ):
        title = document.title or document.name
        if document.symbol and document.symbol not in title:
            title = f"{document.symbol}: {title}"
        path = f"https://undocs.org/{document.symbol}" if "/" in document.symbol else ""
        found.append(Source(title=title, path=path))
    return found


def contributors() -> list[Contributor]:
    """The stakeholders whose published assessments the data holds."""
    from rightstrack.assessments.models import Assessment, Stakeholder

    published = Assessment.public_objects.values("stakeholder_id")
    names = Stakeholder.objects.filter(pk__in=published).values_list("name", flat=True)
    return [Contributor(title=name) for name in sorted(names)]  # sorted here: the same on every database


def package_descriptor(site: str = "", now: datetime | None = None) -> dict[str, Any]:
    """The ``datapackage.json`` of the database as it is: ``site`` is the address it is downloaded from,
    ``now`` the moment (without it the descriptor depends on the data only, so that the same database
    always exports the same files)."""
    moment = now.astimezone(UTC).replace(microsecond=0) if now else None
    where = f"downloaded from {site} on {moment.date().isoformat()}" if site and moment else "exported"
    package = Package(
        name="rightstrack-open-data",
        title=TITLE,
        description=DESCRIPTION,
        licence=LICENCE,
        citation=CITATION.format(where=where),
        created=moment.isoformat().replace("+00:00", "Z") if moment else "",
        homepage=site,
    )
    return descriptor(package, TABLES, sources(), contributors())


def descriptor_text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_package(folder: Path, site: str = "") -> list[Path]:
    """Every table's CSV and the ``datapackage.json`` into ``folder``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = folder / table.path
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.writelines(table_lines(table))
        written.append(path)
    path = folder / "datapackage.json"
    path.write_text(descriptor_text(package_descriptor(site)), encoding="utf-8")
    written.append(path)
    return written


class _Pipe:
    """A file-like object that keeps what is written until it is taken: a zip written as it streams."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def package_zip(site: str = "", now: datetime | None = None, flush_bytes: int = 1 << 16) -> Iterator[bytes]:
    """The package as a zip (``datapackage.json`` then the CSVs), in pieces as it is written."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", descriptor_text(package_descriptor(site, now)))
        yield pipe.take()
        for table in TABLES:
            with archive.open(table.path, "w", force_zip64=True) as member:
                pending = 0
                for line in table_lines(table):
                    data = line.encode("utf-8")
                    member.write(data)
                    pending += len(data)
                    if pending >= flush_bytes:
                        pending = 0
                        yield pipe.take()
            yield pipe.take()
    yield pipe.take()


def encoded(lines: Iterable[str]) -> Iterator[bytes]:
    """Text lines as UTF-8 bytes, for a streamed response."""
    for line in lines:
        yield line.encode("utf-8")
