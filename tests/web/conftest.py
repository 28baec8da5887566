"""The Kazakhstan example as the README builds it (``make example`` without the machine help)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_path


@pytest.fixture
def kazakhstan_example(vocabularies: None) -> Iterator[list[Path]]:
    """Every file of the example: examples/kazakhstan, the Working Group reports of 2010 and 2014, the
    Committee's 2018 follow-up and UPR Info's rows of both reviews."""
    from rightstrack.documents.importing import import_files

    paths = [
        *sorted((ROOT / "examples" / "kazakhstan").glob("*.txt")),
        shared_path("data", "wg-reports", "texts", "kazakhstan2010.txt"),
        shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt"),
        shared_path("data", "kazakhstan", "ccpr_followup_2018.json"),
        shared_path("data", "kazakhstan", "upr_2010_2014.csv"),
    ]
    import_files(paths)
    yield paths
