"""Controlled vocabularies: fixed lists of labels with a version, read from plain files.

The UPR Info issue lists (2008-2014: 54 labels; 2019: 56) ship in ``core/data/vocabularies`` as
copies of UPR Info's lists (``../shared/data/taxonomies/upr_info_issues_*.txt``, blank cells dropped)
and are loaded on ``rightstrack migrate``.

>>> parse_label_list("Death penalty\\nnan\\n\\nTrafficking\\n", "issues.txt").labels
('Death penalty', 'Trafficking')
>>> version_from_filename("upr_info_issues_2008-2014.txt")
'2008-2014'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from rightstrack.core.records import Place, Problem

UPR_INFO_ISSUES = "upr-info-issues"

#: Other spellings of labels: older UPR Info documents (MIAs of 2011–2013) and the 2008–2014 ↔ 2019 renames.
UPR_INFO_ISSUE_ALIASES: dict[str, str] = {
    "Detention conditions": "Detention",
    "Technical assistance": "Technical assistance and cooperation",
    "National Human Rights Institution": "NHRI",
    "Right to water and sanitation": "Right to water",
    # and, for the 2019 list, the 2008–2014 spellings
    "NHRI": "National Human Rights Institution",
    "Right to water": "Right to water and sanitation",
}

_MISSING = {"nan", "none", "null", "n/a"}
_VERSION = re.compile(r"(\d{4}(?:-\d{4})?)")


@dataclass(frozen=True)
class LabelList:
    labels: tuple[str, ...]
    problems: tuple[Problem, ...]


def parse_label_list(text: str, name: str) -> LabelList:
    """One label a line; blank lines and spreadsheet blanks (``nan``) are skipped and reported."""
    labels: list[str] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        label = line.strip()
        if not label:
            continue
        if label.lower() in _MISSING:
            problems.append(
                Problem(Place(line=number), f"{name}: {label!r} is a blank cell, not a label; skipped")
            )
            continue
        if label in labels:
            problems.append(Problem(Place(line=number), f"{name}: {label!r} is listed twice; kept once"))
            continue
        labels.append(label)
    return LabelList(tuple(labels), tuple(problems))


def shipped_upr_info_issue_files() -> list[str]:
    """The UPR Info issue lists the package ships (``core/data/vocabularies/upr-info-issues_<version>.txt``).

    >>> shipped_upr_info_issue_files()
    ['upr-info-issues_2008-2014.txt', 'upr-info-issues_2019.txt']
    """
    folder = files("rightstrack.core").joinpath("data/vocabularies")
    return sorted(item.name for item in folder.iterdir() if item.name.startswith(f"{UPR_INFO_ISSUES}_"))


def read_shipped(name: str) -> str:
    """The text of a vocabulary file the package ships."""
    return files("rightstrack.core").joinpath(f"data/vocabularies/{name}").read_text(encoding="utf-8")


def version_from_filename(name: str) -> str:
    found = _VERSION.findall(name)
    return found[-1] if found else ""


def first_year(version: str) -> int:
    match = re.match(r"\d{4}", version)
    return int(match.group()) if match else 0
