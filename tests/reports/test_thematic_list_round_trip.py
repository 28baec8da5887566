"""OHCHR's own thematic list of China's 2018 review, imported, then written back as RightsTrack's
thematic list: the ``ohchr-matrix`` importer reads the written file as it read OHCHR's."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path

pytestmark = pytest.mark.django_db


def test_the_written_thematic_list_reads_back_as_ohchrs_own(vocabularies: None) -> None:
    from rightstrack.core.states import resolve_state
    from rightstrack.documents.importing import import_files
    from rightstrack.ingest.sources.ohchr_matrix.parser import parse
    from rightstrack.reports.api import render

    path = shared_path("data", "ohchr-matrices", "china_Matrix_recommendations_2018.docx")
    import_files([path])
    written = render("thematic", "China", "docx", date="2019-03-15")
    original, back = parse(path.read_bytes()), parse(written.content)

    assert (back.review.state, back.review.cycle, back.review.session) == ("CHN", 3, 31)

    def read(document: object) -> dict[tuple[str, str], tuple[object, ...]]:
        return {
            (r.ref, r.ref_part): (
                r.theme_heading,
                r.response,
                r.text,
                sorted(resolve_state(name) or name for name in r.recommending_states),
                {code: sorted(labels) for code, labels in r.terms.items()},
            )
            for r in document.recommendations  # type: ignore[attr-defined]
        }

    before, after = read(original), read(back)
    assert len(after) == len(before) == 374
    assert after == before
