"""Example documents shipped inside the package: the five Kazakhstan seeds (``kazakhstan/README.md``).

``rightstrack example`` imports them into whatever database the settings name, so a pip-installed
RightsTrack can be tried without a checkout.
"""

from __future__ import annotations

from pathlib import Path

KAZAKHSTAN = Path(__file__).resolve().parent / "kazakhstan"


def kazakhstan_documents() -> list[Path]:
    """The example documents, in a stable order (seed 000, the MIA, among them)."""
    return sorted(KAZAKHSTAN.glob("*.txt"))
