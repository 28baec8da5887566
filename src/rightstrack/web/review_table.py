"""A review's table as a professional reads it: the MIA's n°, the report's paragraph, the text, the
recommending States by name, the State's final position, issues and the implementation level — on the
page, in its JSON and in its CSV/XLSX download (written by ``outputs/spreadsheets.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rightstrack.assessments.picture import RecommendationPicture
from rightstrack.core.state_names import state_name
from rightstrack.outputs.spreadsheets import TextWorkbook, csv_text, workbook_bytes
from rightstrack.recommendations.states import in_order as states_in_order

#: Schemes that number a recommendation in the report it comes from (UPR paragraph 97.12, CO paragraph 24).
PARAGRAPH_SCHEMES = ("ohchr-paragraph", "ccpr-co-paragraph")


@dataclass(frozen=True)
class ReviewRow:
    picture: RecommendationPicture
    number: str  # the MIA's n° (or whichever numbering names the row)
    paragraph: str  # the paragraph of the review's own report, "" when no report gave one
    states: list[str]  # recommending States by name, in the active language
    position: str  # the State's final position, in words

    @property
    def issues(self) -> list[str]:
        return self.picture.issues

    @property
    def level(self) -> str:
        return self.picture.iri.outcome.value


def paragraph_of(picture: RecommendationPicture) -> str:
    """The paragraph number the review's report gives (a UPR report's 97.12, any committee's 24 (b))."""
    refs = {ref.scheme: ref.value + ref.part for ref in picture.recommendation.refs.all()}
    found = next((refs[scheme] for scheme in PARAGRAPH_SCHEMES if scheme in refs), "")
    return found or next(
        (value for scheme, value in sorted(refs.items()) if scheme.endswith("-co-paragraph")), ""
    )


def table_rows(pictures: Iterable[RecommendationPicture]) -> list[ReviewRow]:
    language = get_language() or "en"
    rows = []
    for picture in pictures:
        paragraph = paragraph_of(picture)
        rows.append(
            ReviewRow(
                picture=picture,
                number=picture.ref,
                paragraph=paragraph,
                states=[
                    state_name(state.code, language, state.name)
                    for state in states_in_order(picture.recommendation)
                ],
                position=picture.recommendation.position_label,
            )
        )
    return rows


def _header() -> list[str]:
    return [
        _("rec. n°"),
        _("Paragraph"),
        _("Recommendation"),
        _("Recommending States"),
        _("Position"),
        _("Issues"),
        _("Implementation (IRI)"),
    ]


def _cells(row: ReviewRow) -> list[str]:
    return [
        row.number,
        row.paragraph,
        row.picture.recommendation.text,
        "; ".join(row.states),
        row.position,
        "; ".join(row.issues),
        _(row.level),
    ]


def as_csv(rows: list[ReviewRow]) -> str:
    return csv_text(_header(), (_cells(row) for row in rows), bom=True)  # a download: Excel reads Cyrillic


def as_xlsx(rows: list[ReviewRow], title: str) -> bytes:
    workbook = TextWorkbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(_header())
    for row in rows:
        sheet.append(_cells(row))
    return workbook_bytes(workbook)
