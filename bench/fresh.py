"""A fresh RightsTrack database for a benchmark: SQLite in a temporary folder, migrated, with the UPR
Info issue vocabularies of ../shared/data loaded. Django is set up for it by ``configure``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def configure() -> None:
    """Point the settings at a new temporary folder and set Django up."""
    os.environ["RIGHTSTRACK_DATA_DIR"] = tempfile.mkdtemp(prefix="rightstrack-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.config.settings")
    import django

    django.setup()


def migrate_with_vocabularies() -> None:
    """The tables, and the UPR Info issue vocabularies the importers tag recommendations with."""
    from django.core.management import call_command

    from rightstrack.recommendations.vocabularies import import_vocabulary

    call_command("migrate", verbosity=0)
    for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt"):
        import_vocabulary(DATA / "taxonomies" / name)
