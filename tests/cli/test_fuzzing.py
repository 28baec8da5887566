"""Mutated real documents through the whole import: read, or refused with nothing written — never a crash.

`python -m bench.fuzz_importers --cases 10000` runs the same mutations ten thousand times per importer
(parsing only); here a smaller number goes all the way to the database.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bench.fuzz_importers import SAMPLES, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightstrack.documents.importing import ImportFailed, import_files
from rightstrack.documents.models import SourceDocument
from tests.conftest import database_snapshot

KINDS = [
    "upr-info-mia",
    "coalition-summary",
    "hrc-followup-grades",
    "ccpr-followup-json",
    "ccpr-followup-report",
    "upr-wg-report",
    "upr-evidence",
]


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), rounds=st.integers(min_value=1, max_value=3))
def test_a_mutated_document_is_imported_whole_or_not_at_all(
    kind: str, seed: int, rounds: int, vocabularies: None, tmp_path: Path
) -> None:
    sample = SAMPLES[kind][0]
    if not sample.exists():
        pytest.skip(f"{sample} is absent (../shared beside the project)")
    rng = random.Random(seed)
    data = sample.read_bytes()
    for _ in range(rounds):
        data = mutate(data, rng)
    path = tmp_path / f"mutant-{seed}{sample.suffix}"
    path.write_bytes(data)
    before = database_snapshot()
    try:
        reports = import_files([path])
    except ImportFailed as failure:
        assert str(failure).startswith(str(path))
        assert database_snapshot() == before  # nothing partial
        return
    if not reports[0].unchanged:
        assert SourceDocument.objects.filter(name=path.name).exists()


def test_the_fuzz_benchmark_covers_every_importer() -> None:
    from bench.fuzz_importers import samples_for

    from rightstrack.ingest.registry import SOURCES

    assert set(SAMPLES) == {source.kind for source in SOURCES}
    if not SAMPLES["stakeholder-sheet"][0].exists():
        pytest.skip("the stakeholder-sheet sample is written from the Kazakhstan MIA example")
    (sheet,) = samples_for("stakeholder-sheet")
    from rightstrack.ingest.reading import load_bytes
    from rightstrack.ingest.registry import source_for

    loaded = load_bytes(sheet, "sheet.xlsx")
    document = source_for(loaded).parse(loaded, [])
    assert document.kind == "stakeholder-sheet" and len(document.recommendations) == 129
    assert len(document.assessments) == 43  # one row in three filled in
