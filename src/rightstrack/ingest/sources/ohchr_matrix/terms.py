"""Themes, groups of persons and SDGs of a row, from the lines of its themes and SDG cells.

A themes cell lists themes one a line, coded ("A12 Acceptance of international norms", until 2018)
or not ("- Acceptance of international norms", from 2019); then "SDGs:" and "Affected persons:" (or
"Groups of persons:") switch to SDG and group lines. Coded SDG themes ("S16 SDG 16 - ...") and SDG
lines ("16 - PEACE, ...", "SDG 5 - gender equality") are goals; "5.2" and "Target 5.a" are targets.

>>> found = read_terms(
...     ["A12 Acceptance of international norms\\nS16 SDG 16 - peace\\nAffected persons:\\n- general"],
...     ["- 5 - GENDER EQUALITY\\n5.2"],
... )
>>> found.terms
{'uhri-themes': ['Acceptance of international norms'], 'sdg-goals': ['Peace, justice and strong \
institutions', 'Gender equality'], 'uhri-groups': ['general'], 'sdg-targets': ['5.2']}
>>> read_terms(["- Unheard-of theme"], []).messages
["theme 'Unheard-of theme' is not in uhri-themes 2013-2018; kept under uhri-themes-unmatched"]
>>> read_terms(["- Right to health\\nGroups of Persons:\\n- Women & girls"], [], 2025).terms
{'uhri-themes': ['Right to health'], 'uhri-groups': ['Women & girls']}

Terms are read in the vocabulary versions of the review's ``year`` (``uhri.vocabulary_for``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rightstrack.core.uhri import (
    SDG_GOALS,
    SDG_TARGETS,
    UHRI_GROUPS,
    UHRI_THEMES,
    clean,
    normalise_group,
    normalise_sdg_goal,
    normalise_sdg_target,
    normalise_theme,
    vocabulary_for,
)

_SWITCH = re.compile(
    r"^(?P<name>affected\s+persons|groups?\s+of\s+persons|groups|(?:relevant\s+)?sdgs?"
    r"|sustainable\s+development\s+goals)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_WHAT = {UHRI_THEMES: "theme", UHRI_GROUPS: "group of persons", SDG_GOALS: "SDG"}


@dataclass
class RowTerms:
    terms: dict[str, list[str]] = field(default_factory=dict)  # vocabulary code (or "<code>-unmatched")
    messages: list[str] = field(default_factory=list)  # one per label no vocabulary knows

    def add(self, code: str, label: str) -> None:
        labels = self.terms.setdefault(code, [])
        if label not in labels:
            labels.append(label)

    def merge(self, other: RowTerms) -> None:
        for code, labels in other.terms.items():
            for label in labels:
                self.add(code, label)


def read_terms(
    theme_cells: Sequence[str], sdg_cells: Sequence[str], year: int | None = None, heading: str = ""
) -> RowTerms:
    """The row's terms by vocabulary; lines no vocabulary knows go under ``<code>-unmatched``.

    A ``heading`` (the theme a row is filed under, 2022 layout on) is read first, as a theme.
    """
    found = RowTerms()
    if heading:
        _read_line(clean(heading), UHRI_THEMES, found, year)
    for cells, start in ((theme_cells, UHRI_THEMES), (sdg_cells, SDG_GOALS)):
        for cell in cells:
            mode = start
            for raw in cell.splitlines():
                line = clean(raw)
                switch = _SWITCH.match(line)
                if switch:
                    mode = SDG_GOALS if "sdg" in switch["name"].lower() else UHRI_GROUPS
                    line = clean(switch["rest"])
                if line:
                    _read_line(line, mode, found, year)
    return found


def _read_line(line: str, mode: str, found: RowTerms, year: int | None) -> None:
    target = normalise_sdg_target(line)
    if target:
        found.add(SDG_TARGETS, target)
        return
    goal = normalise_sdg_goal(line)
    if goal:
        found.add(SDG_GOALS, goal[1])
        return
    label: str | None = None
    if mode == UHRI_THEMES:
        theme = normalise_theme(line, year)
        label = theme[1] if theme else None
    elif mode == UHRI_GROUPS:
        label = normalise_group(line, year)
    if label:
        found.add(mode, label)
        return
    unmatched = f"{mode}-unmatched"
    if line not in found.terms.get(unmatched, []):
        version = vocabulary_for(mode, year).version
        found.messages.append(f"{_WHAT[mode]} {line!r} is not in {mode} {version}; kept under {unmatched}")
    found.add(unmatched, line)
