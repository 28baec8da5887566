"""The whole Kazakhstan example imported once, every report rendered once (a few twice), for all the
report tests: rendering is slow, so the tests only read the files (and the figures the data gives)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT, shared_path

EXAMPLES = sorted((ROOT / "examples" / "kazakhstan").glob("*.txt"))
PLAN_DATE = datetime.date(2022, 1, 1)  # the action plan's stated date in these tests

#: (kind, format, language): what the tests read.
RENDERED = [
    *(("mia", fmt, "en") for fmt in ("pdf", "docx", "html")),
    ("mia", "html", "ru"),
    *(("factsheet", fmt, "en") for fmt in ("pdf", "docx", "html")),
    *(("coalition", fmt, "en") for fmt in ("pptx", "pdf", "html")),
    ("coalition", "pdf", "ru"),
    *(("actionplan", fmt, "en") for fmt in ("pdf", "docx", "html", "xlsx")),
    *(("treatybody", fmt, "en") for fmt in ("pdf", "docx", "html")),
    ("state", "xlsx", "en"),
    ("state", "json", "en"),
    ("thematic", "docx", "en"),
    ("implementation", "docx", "en"),
    ("implementation", "html", "ru"),
]
#: Rendered a second time to compare bytes: every writer once, through its quickest report.
AGAIN = [
    ("mia", "html", "ru"),
    ("coalition", "pdf", "en"),
    ("treatybody", "docx", "en"),
    ("coalition", "pptx", "en"),
    ("actionplan", "xlsx", "en"),
    ("state", "json", "en"),
]


@dataclass
class Kazakhstan:
    files: dict[tuple[str, str, str], Any] = field(default_factory=dict)
    again: dict[tuple[str, str, str], Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    expected: dict[str, Any] = field(default_factory=dict)

    def content(self, kind: str, fmt: str, language: str = "en") -> bytes:
        data: bytes = self.files[kind, fmt, language].content
        return data

    def pdf(self, kind: str, language: str = "en") -> PdfReader:
        return PdfReader(io.BytesIO(self.content(kind, "pdf", language)))

    @cached_property
    def mia_pages(self) -> list[str]:
        return [page.extract_text() for page in self.pdf("mia").pages]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that read the rendered reports need the test database set up for the session fixture."""
    for item in items:
        if "kazakhstan" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)


def options(kind: str) -> dict[str, Any]:
    return {"date": PLAN_DATE} if kind == "actionplan" else {}


@pytest.fixture(scope="session")
def kazakhstan(django_db_setup: None, django_db_blocker: Any) -> Iterator[Kazakhstan]:
    """Every report of the Kazakhstan example, rendered inside a transaction that is rolled back."""
    from django.db import transaction

    paths = [
        *EXAMPLES,
        shared_path("data", "wg-reports", "texts", "kazakhstan2010.txt"),
        shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt"),
        shared_path("data", "kazakhstan", "ccpr_followup_2018.json"),
    ]
    vocabularies = [
        shared_path("data", "taxonomies", name)
        for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt")
    ]
    result = Kazakhstan()
    with django_db_blocker.unblock(), transaction.atomic():
        from rightstrack.documents.importing import import_files
        from rightstrack.recommendations.vocabularies import import_vocabulary
        from rightstrack.reports.api import render

        for vocabulary in vocabularies:
            import_vocabulary(vocabulary)
        import_files(paths)
        for kind, fmt, language in RENDERED:
            result.files[kind, fmt, language] = render(kind, "KAZ", fmt, language, **options(kind))
        for kind, fmt, language in AGAIN:
            result.again[kind, fmt, language] = render(kind, "Kazakhstan", fmt, language, **options(kind))
        result.extra["one sheet"] = render("factsheet", "KAZ", "html", theme="article 19")
        try:
            render("factsheet", "KAZ", "html", theme="astrology")
        except Exception as error:  # the test checks it is a ReportError
            result.extra["no sheet"] = error
        result.expected = expected_figures()
        transaction.set_rollback(True)
    yield result


def expected_figures() -> dict[str, Any]:
    """What the database says, to compare the reports with."""
    from rightstrack.actionplans.models import Measure
    from rightstrack.assessments.export import state_export
    from rightstrack.assessments.models import Assessment, IssueSummary
    from rightstrack.assessments.picture import display_ref, review_picture
    from rightstrack.recommendations.models import Recommendation, Review, State

    review = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)
    picture = review_picture(review)
    measures = list(Measure.objects.filter(plan__state_id="KAZ"))
    factsheet = Recommendation.objects.filter(review__cycle=2, review__mechanism__code="UPR").exclude(
        theme_heading=""
    )
    graded = Assessment.public_objects.filter(recommendation__review__mechanism__code="CCPR").exclude(
        grade=None
    )
    return {
        "counts": picture.counts,
        "total": len(picture.rows),
        "uncommented": [row.ref for row in picture.rows if row.iri.outcome.value == "no answer"],
        "state_export": state_export(State.objects.get(code="KAZ")),
        "measures": len(measures),
        "overdue": sum(1 for m in measures if m.deadline and m.deadline < PLAN_DATE and m.status != "done"),
        "issues": [
            (s.issue, s.total, s.implemented, s.partially, s.not_implemented)
            for s in IssueSummary.objects.filter(review__state_id="KAZ").order_by("pk")
        ],
        "sheets": list(dict.fromkeys(factsheet.order_by("pk").values_list("theme_heading", flat=True))),
        "noted": factsheet.filter(response="noted").count(),
        "supported": factsheet.filter(response="supported").count(),
        "grades": sorted(
            {
                (display_ref(a.recommendation), a.grade.code)
                for a in graded.select_related("grade", "recommendation")
                if a.grade
            }
        ),
    }


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def normalised(text: str) -> str:
    return " ".join(text.split())


def tmp_file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path
