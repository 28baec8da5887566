"""Denmark's evidence as the worker leaves it after an import, set up once for a test module.

Its 3rd-cycle recommendations (``assessment.csv`` through the mapped spreadsheet import), its three
4th-cycle documents, linked by words (and, when asked, with suggested levels), inside a transaction
rolled back when the module ends; each test then runs in a savepoint of it, so what one test confirms
the next does not see. The browser tests, which need it committed for their live server, call
:func:`import_denmark` from their own fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.test import override_settings

from tests.conftest import shared_path

COLUMNS = (
    "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
    "state:=DNK,mechanism:=UPR,cycle:=3"
)
NAMES = ("national-report.txt", "compilation.txt", "stakeholders-summary.txt")


def import_denmark(names: tuple[str, ...] = NAMES) -> None:
    """Denmark's 3rd-cycle recommendations and the named 4th-cycle documents, imported and linked by
    words (no embeddings: quick and the same on every machine)."""
    from rightstrack.documents.importing import import_files
    from rightstrack.evidence.linking import link_evidence
    from rightstrack.ingest.registry import mapped_source
    from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns

    folder = ("data", "evidence", "denmark")
    import_files([shared_path(*folder, "assessment.csv")], source=mapped_source(parse_columns(COLUMNS)))
    import_files([shared_path(*folder, name) for name in names])
    link_evidence(["DNK"], semantic=False)


@contextmanager
def denmark_evidence(django_db_blocker: Any, suggested: bool = False) -> Iterator[None]:
    from rightstrack.evidence.suggesting import suggest_for_states

    with (
        django_db_blocker.unblock(),
        override_settings(RIGHTSTRACK_MACHINE_HELP=False),
        transaction.atomic(),
    ):
        import_denmark()
        if suggested:
            suggest_for_states(["DNK"])
        yield
        transaction.set_rollback(True)
