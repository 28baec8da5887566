"""``render(kind, state, fmt, language, **options)``: one report of one State as the bytes of a file.

>>> sorted(KINDS)
['actionplan', 'coalition', 'factsheet', 'implementation', 'mia', 'state', 'thematic', 'treatybody']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from django.conf import settings
from django.utils import translation

from rightstrack.reports.base import Request, find_state
from rightstrack.reports.document import Report
from rightstrack.reports.errors import Rendered, ReportError
from rightstrack.reports.kinds import (
    actionplan,
    coalition,
    factsheet,
    implementation,
    mia,
    state,
    thematic_list,
    treatybody,
)

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "json": "application/json",
}


@dataclass(frozen=True)
class Kind:
    module: ModuleType

    @property
    def formats(self) -> tuple[str, ...]:
        formats: tuple[str, ...] = self.module.FORMATS
        return formats

    @property
    def options(self) -> tuple[str, ...]:
        options: tuple[str, ...] = self.module.OPTIONS
        return options


KINDS = {
    "mia": Kind(mia),
    "factsheet": Kind(factsheet),
    "coalition": Kind(coalition),
    "actionplan": Kind(actionplan),
    "treatybody": Kind(treatybody),
    "state": Kind(state),
    "thematic": Kind(thematic_list),
    "implementation": Kind(implementation),
}


def check_request(kind: str, fmt: str, language: str, options: Mapping[str, Any]) -> Kind:
    """The kind asked, or :class:`ReportError` on an unknown kind, format, language or option."""
    found = KINDS.get(kind)
    if found is None:
        raise ReportError(f"unknown report {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in found.formats:
        raise ReportError(f"the {kind} report is made as {', '.join(found.formats)}, not {fmt!r}")
    languages = [code for code, _name in settings.LANGUAGES]
    if language not in languages:
        raise ReportError(f"unknown language {language!r}: choose one of {', '.join(languages)}")
    unknown = sorted(set(options) - set(found.options))
    if unknown:
        raise ReportError(
            f"the {kind} report has no option {', '.join(unknown)}; its options: {', '.join(found.options)}"
        )
    return found


def render(kind: str, state: str, fmt: str, language: str = "en", **options: Any) -> Rendered:
    """The report ``kind`` of ``state`` (ISO code or name) as a ``fmt`` file, in ``language``.

    Raises :class:`ReportError` with a message for people on an unknown kind, format, language, State
    or option, or when the State has no data for this report.
    """
    found = check_request(kind, fmt, language, options)
    with translation.override(language):
        request = Request(kind, find_state(state), language, options)
        writer = getattr(found.module, "write", None)
        if writer is not None:  # a kind that writes its own files (state)
            content, stem = writer(request, fmt)
        else:
            report = found.module.build(request)
            content, stem = write(report, fmt), report.filename_stem
    return Rendered(content, CONTENT_TYPES[fmt], f"{stem}.{fmt}")


def write(report: Report, fmt: str) -> bytes:
    """``report`` as a ``fmt`` file; only that format's writer (and its library) is imported."""
    module = importlib.import_module(f"rightstrack.reports.writers.{fmt}")
    writer: Callable[[Report], bytes] = getattr(module, f"write_{fmt}")
    return writer(report)
