"""The Kazakhstan MIA (seed 000) and the 2014 Working Group report, analysed by the machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_MIA, shared_path


@pytest.fixture
def kazakhstan(vocabularies: None) -> Iterator[list[Path]]:
    """Two reviews of Kazakhstan: 2010 (the MIA, with issues) and 2014 (the WG report, without)."""
    from rightstrack.assist.embeddings import forget_cached
    from rightstrack.documents.importing import import_files

    paths = [EXAMPLE_MIA, shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt")]
    import_files(paths)
    forget_cached()
    yield paths
    forget_cached()


@pytest.fixture
def analysed(kazakhstan: list[Path]) -> object:
    """The same, after one pass of machine help (USE embeddings, the shipped classifier, links)."""
    from rightstrack.assist.pipeline import analyse

    return analyse()
