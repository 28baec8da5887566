"""Training data read from the shared data set (``../shared/data``); nothing of it is copied.

- UPR Info's export (``upr-info/recommendations_train.csv``): issues and action category, per row,
  with the State under review (the unit of every held-out split).
- OHCHR's thematic lists of China's 2013 and 2018 reviews (``ohchr-matrices/china_*.docx``, read by
  the matrix parser): UHRI themes, groups of persons and SDGs. 598 rows only.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

UPR_INFO_CSV = Path("upr-info") / "recommendations_train.csv"
MATRICES = Path("ohchr-matrices")
#: The vocabulary code each matrix head learns, and the head's name.
MATRIX_HEADS = {"themes": "uhri-themes", "groups": "uhri-groups", "sdgs": "sdg-goals"}


@dataclass(frozen=True)
class Labelled:
    """One UPR Info row: text, State under review, action category (1–5) and issues."""

    text: str
    state: str
    action_category: int | None
    issues: tuple[str, ...]


@dataclass(frozen=True)
class MatrixRow:
    """One recommendation of an OHCHR matrix with its terms per head (``themes``, ``groups``, ``sdgs``)."""

    text: str
    year: int
    terms: dict[str, tuple[str, ...]]


def find_data_dir() -> Path | None:
    """``$RIGHTSTRACK_SHARED_DATA``, else ``../shared/data`` beside the checkout (or the current folder)."""
    candidates = [os.environ.get("RIGHTSTRACK_SHARED_DATA", "")]
    here = Path(__file__).resolve()
    candidates += [
        str(here.parents[3].parent / "shared" / "data"),
        str(Path.cwd().parent / "shared" / "data"),
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / UPR_INFO_CSV).is_file():
            return Path(candidate)
    return None


def repository_root() -> Path:
    """The checkout this package runs from (for ``examples/``); meaningful in a source tree only."""
    return Path(__file__).resolve().parents[3]


def load_upr_info(data_dir: Path) -> list[Labelled]:
    """Every row of UPR Info's export that has a text."""
    rows: list[Labelled] = []
    with (data_dir / UPR_INFO_CSV).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (row.get("recommendation") or "").strip()
            if not text:
                continue
            category = (row.get("action_category") or "").strip()
            issues = tuple(label for label in (row.get("issues") or "").split(";") if label.strip())
            rows.append(
                Labelled(text, row.get("state_under_review", ""), int(category) if category else None, issues)
            )
    return rows


def load_matrices(data_dir: Path) -> list[MatrixRow]:
    """The recommendations of China's two OHCHR matrices, with their themes, groups and SDGs."""
    from rightstrack.ingest.sources.ohchr_matrix.parser import parse

    rows: list[MatrixRow] = []
    for path in sorted((data_dir / MATRICES).glob("china_*.docx")):
        document = parse(path.read_bytes())
        for record in document.recommendations:
            review = record.review or document.review
            terms = {head: tuple(record.terms.get(code, ())) for head, code in MATRIX_HEADS.items()}
            rows.append(MatrixRow(record.text, review.year or 0, terms))
    return rows
