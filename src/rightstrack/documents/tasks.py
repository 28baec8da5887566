"""Background work: imports run by a worker (`rightstrack worker`) instead of the caller.

The task receives file paths the worker can read (a shared folder or the same machine) and returns the
import reports as JSON, or the error message; either way nothing is half-written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.tasks import task

from rightstrack.documents.importing import ImportFailed, import_files


@task()
def import_documents(paths: list[str], kind: str | None = None, actor: str = "worker") -> dict[str, Any]:
    """Import ``paths`` in one transaction, as `rightstrack import` does."""
    try:
        reports = import_files([Path(path) for path in paths], kind=kind, actor=actor)
    except ImportFailed as failure:
        return {"error": str(failure), "documents": []}
    return {"documents": [report.as_json() for report in reports]}
