"""Reports of a State's data: MIA, fact sheets, coalition slides, action plan, treaty-body follow-up,
the whole picture. See README.md; the entry point is :func:`rightstrack.reports.api.render`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rightstrack.reports.errors import Rendered, ReportError

if TYPE_CHECKING:
    from rightstrack.reports.api import render

__all__ = ["Rendered", "ReportError", "render"]


def __getattr__(name: str) -> object:
    # ``render`` needs the models: it is imported on first use, as Django loads this app before them.
    if name == "render":
        from rightstrack.reports.api import render

        return render
    raise AttributeError(name)
