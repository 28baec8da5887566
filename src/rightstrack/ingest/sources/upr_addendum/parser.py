"""Parser of a UPR addendum: "Views on conclusions and/or recommendations, voluntary commitments and
replies presented by the State under review" (UN symbol ``A/HRC/NN/NN/Add.1``).

Before the Human Rights Council adopts a review's outcome, the State under review gives in this
addendum its **final position** on the recommendations of the Working Group report: supported or
noted, sometimes with the qualifier "already implemented or in the process of implementation", and
its replies on some of them. ``README.md`` in this folder describes the layouts since 2008.

``parse`` returns the review (State, cycle from the Council session of the symbol), the addendum's
symbol, one record per reference with its final position (``response_kind="final"``), each reply as the
State's own assessment (``level=None``), the State's totals (``stated_counts``) and every oddity as a
non-fatal :class:`~rightstrack.core.records.Problem` with its place. The records do not carry the
recommendations' texts (an addendum seldom quotes them): the store lays them on the recommendations
the Working Group report created (by reference), and never creates a recommendation from a record
without text: an addendum whose recommendations are not there is refused, naming the first.

>>> title = "Report of the Working Group on the Universal Periodic Review*"
>>> detect(f"A/HRC/43/10/Add.1\\n{title}\\nChad\\nAddendum\\nViews on conclusions and/or recommendations")
True
>>> detect(f"United Nations A/HRC/28/10\\n{title}\\nKazakhstan")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, Problem, ReviewInfoRecord, ReviewKey

from .build import build
from .front import cycle_of_hrc_session, looks_like_addendum, read_cover
from .furniture import clean
from .readings import read_units
from .serial import bare_lists, serial_paragraph
from .totals import disagreements, read_totals
from .units import cut
from .wording import NOTED, SPLIT, SUPPORTED, verbs

KIND = "upr-addendum"
#: The Working Group's session is looked for in the cover and the opening paragraphs (not in replies
#: that may speak of an earlier review).
OPENING_LINES = 100
#: Paragraphs giving positions without any reference: an addendum numbering recommendations 1., 2., …
ANSWERING_PARAGRAPHS = 3
_FOOTNOTE = re.compile(r"^\s*[*∗]+\s*(?:The\s+present|Reissued|Late\s+submission|The\s+annex)", re.I)
MECHANISM = "UPR"
#: The lines after the title that still belong to the cover (State, "Addendum", the subtitle).
_SUBTITLE_END = ("presented by the state under review", "replies presented by the state")


def detect(text: str) -> bool:
    """Whether ``text`` is an addendum: the report's title, "Addendum" and "Views on conclusions..."."""
    return looks_like_addendum(text)


def _body_start(lines: list[str], title_line: int) -> int:
    """The 0-based line where the body starts: after the subtitle (or after "Addendum")."""
    end = min(len(lines), title_line + 15)
    for index in range(title_line, end):
        if any(key in " ".join(lines[index].casefold().split()) for key in _SUBTITLE_END):
            return index + 1
    for index in range(title_line, end):
        if lines[index].strip().casefold().startswith("addendum"):
            return index + 1
    return title_line + 1


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Everything the addendum says of its review's recommendations; ``issue_labels`` is not used.

    Raises :class:`DocumentRejected` (place and reason) for a text that is no addendum, names no
    known State or symbol, or gives no position at all.
    """
    if not text.strip():
        raise DocumentRejected("the document is empty", Place(line=1))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not detect(text):
        raise DocumentRejected(
            "not a UPR addendum: no 'Report of the Working Group on the Universal Periodic Review', "
            "'Addendum' and 'Views on conclusions and/or recommendations' on the cover",
            Place(line=1, section="cover"),
        )
    raw = text.split("\n")
    cover = read_cover(raw, "\n".join(raw[:OPENING_LINES]))
    start = _body_start(raw, cover.title_line)
    lines = ["" if index < start else line for index, line in enumerate(clean(raw))]
    _blank_footnotes(lines)
    serial = serial_paragraph(text)
    units = cut(lines, serial)
    read = read_units(units, serial)
    built = build(read, cover.symbol, cover.state_name)
    if not built.records and serial is None and bare_lists(" ".join(lines)):
        raise DocumentRejected(
            "the addendum numbers the recommendations serially ('recommendations 1–5, 14') without saying "
            "which paragraph of the Working Group report they follow: they cannot be tied to the report's "
            "numbers (give the addendum the note 'the serial numbers follow the list in paragraph NNN')",
            Place(line=start + 1, section="addendum"),
        )
    answering = [line for line, paragraph in read.opening if verbs(paragraph)]
    if not built.records and len(answering) >= ANSWERING_PARAGRAPHS:
        raise DocumentRejected(
            f"{len(answering)} paragraphs answer recommendations ('Slovenia accepts the recommendation') "
            "under the addendum's own numbers (1., 2., …) without the report's paragraph numbers: they "
            "cannot be tied to the report's recommendations",
            Place(line=answering[0], section="addendum"),
        )
    if not any(record.response for record in built.records):
        raise DocumentRejected(
            "no position on any recommendation could be read: no list such as 'The Government accepts the "
            "following recommendations: 122.1, …', no reply '122.11 …', no table row",
            Place(line=start + 1, section="addendum"),
        )
    stated = read_totals(" ".join(text for _, text in read.opening))
    problems = list(built.problems)
    opening_place = Place(line=read.opening[0][0] if read.opening else start + 1, section="opening")
    problems += [
        Problem(opening_place, message)
        for message in disagreements(
            stated,
            {name: built.counts[name] for name in (SUPPORTED, NOTED, SPLIT)},
        )
    ]
    if built.counts[""]:
        problems.append(
            Problem(opening_place, f"{built.counts['']} of {len(built.records)} references have no position")
        )
    if cover.upr_session and cycle_of_hrc_session(cover.hrc_session) != cover.cycle:
        problems.append(
            Problem(
                Place(line=1, section="cover"),
                f"the Council's session {cover.hrc_session} (from the symbol) falls in cycle "
                f"{cycle_of_hrc_session(cover.hrc_session)}, the Working Group's session {cover.upr_session} "
                f"in cycle {cover.cycle}: cycle {cover.cycle} kept",
            )
        )
    review = ReviewKey(cover.state, MECHANISM, cover.cycle, cover.upr_session, None)
    info = ReviewInfoRecord(
        review,
        Place(line=cover.title_line + 1, section="cover"),
        symbols=(cover.report_symbol, cover.symbol),
        total=stated.get("total"),
        accepted=_stated_supported(stated),
        noted=stated.get("noted", stated.get("now noted")),
    )
    return ParsedDocument(
        kind=KIND,
        title=cover.title,
        review=review,
        recommendations=built.records,
        assessments=built.assessments,
        stated_counts=stated,
        published_on=cover.issued_on,
        problems=sorted(problems, key=lambda problem: problem.place.line or 0),
        symbol=cover.symbol,
        review_infos=[info],
    )


def _blank_footnotes(lines: list[str]) -> None:
    """Blank the cover's footnotes ("* The present document was not edited ...") up to the blank line
    after each."""
    inside = False
    for index, line in enumerate(lines):
        if _FOOTNOTE.match(line):
            inside = True
        elif not line.strip():
            inside = False
        if inside:
            lines[index] = ""


def _stated_supported(stated: dict[str, int]) -> int | None:
    if "supported" in stated:
        return stated["supported"]
    if "now supported" in stated:
        return stated.get("immediately supported", 0) + stated["now supported"]
    return None
