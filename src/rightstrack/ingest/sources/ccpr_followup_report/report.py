"""The text of a Human Rights Committee follow-up progress report, read into plain dataclasses.

A report (``CCPR/C/131/2/Add.2``) evaluates one State (sessions ≥ 125, one addendum per State) or
several (``CCPR/C/124/2``): per State a "Concluding observations" block naming the observations
followed up, then per paragraph ``Paragraph 13: title``, the recommendation, the summaries of the
State party's reply and of other (NGO, stakeholder) information, and the Committee's evaluation,
whose grades are bracketed codes followed by the limbs they grade: ``[B]: (a), (b) and (c)``.

>>> split_grades("[B]: (a) and (b)\\nThe Committee notes. [C] (c): It regrets.")
[('B', '(a) and (b)', 'The Committee notes.'), ('C', '(c)', 'It regrets.')]
>>> split_grades("[C]: The Committee regrets the lack of information on: (a) measures")
[('C', '', 'The Committee regrets the lack of information on: (a) measures')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightstrack.core.states import resolve_state, state_info

_SYMBOL = re.compile(r"^(CCPR/C/(\d{2,3})/(\d)(?:/Add\.(\d+))?)\s*$", re.M)
_CO = re.compile(r"CCPR/C/([A-Z]{3})/CO/(\d+)")
_CO_DATE = re.compile(
    r"CCPR/C/[A-Z]{3}/CO/\d+\s*,\s*((?:\d{1,2}\s+(?:and\s+)?)+(?:[A-Z][a-z]+\s+)?\d{4})"
    r"|CCPR/C/[A-Z]{3}/CO/\d+\s*,\s*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
# "Concluding observations" opening a line, or after the State's name on it ("Georgia Concluding ...")
_BLOCK = re.compile(r"^(?:([A-Z][^\n.:;,\d]{1,50}?) )?Concluding observations\b", re.M)
_STATE_ON = re.compile(
    r"^Evaluation of the information on follow-up to the concluding observations on\s+(.+?)\**\s*$", re.M
)
# at a line's start, or after a sentence the PDF ran it on to ("... its recommendation. Paragraph 36:")
# (second-round evaluations of about 2017 head a paragraph "Paragraph 7" alone on its line)
# or, in the layout seed 001 quotes, the Committee's evaluation headed by its paragraph alone on a line:
# "Committee's evaluation of §54" (the text under it is the evaluation)
_PARAGRAPH = re.compile(
    r"(?:^|(?<=[.;] ))Paragraphs?\s+(\d{1,3})(?:\s*:[ \t]*|[ \t]*$)"
    r"|^(?P<evaluation>Committee[’']s evaluation of (?:§\s*|paragraph\s+|para\.\s*))(\d{1,3})[ \t]*:?[ \t]*$",
    re.M,
)
_STATE_LINE = re.compile(r"^[A-Z][^\n.:;,\d()\[\]]{1,50}$", re.M)
_GRADE = re.compile(r"\[([A-E]\d?)\]")
_LIMB_LABEL = re.compile(r"^\s*:?\s*((?:\([a-z]{1,5}\)(?:\s*(?:,\s*and|,|and|to)?\s*(?=\())?)+)\s*:?\s*")
_HEADER_GRADES = re.compile(r"(\d{1,3})((?:\s*\[[A-E]\d?\])+)")
_SECTION = re.compile(
    r"(?P<head>(?:^|(?<=[.;] ))Summary of (?:the )?State party[’']s (?:reply|response)"
    r"|^Summary of the information received from the State party"
    r"|^Summary of the information received from"
    r" (?:stakeholders|non-governmental organizations|civil society)"
    r"|^(?:Summary of )?[Ii]nformation (?:received )?from (?:non-governmental organizations|stakeholders"
    r"|civil society organizations|civil society|the national human rights institution)[^\n:]*"
    r"|Committee[’']s evaluation)\s*:?",
    re.M,
)
_ACTION = re.compile(r"Recommended action\s*:\s*")
_NEXT_DUE = re.compile(r"Next (?:periodic )?report(?: due)?\s*:\s*")
# the next State's heading or a table cell run on after the decision:
# "... the analysis of the Committee. 110th session (March 2014)"
_RUN_ON = re.compile(r"(?<=\.)\s+\d{2,3}(?:st|nd|rd|th) session\b.*$", re.S)
_DUE_DAY = re.compile(r"(?:Due (?:in|on)\s+)?((?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4})")
_DUE_YEAR = re.compile(r"(?:Due in\s+)?\d{4}(?:\s*\([^)]*\))?")
_DUE_SENTENCE = re.compile(r"(?:[^.(]|\([^)]*\)?)*")
_ADOPTED = re.compile(r"Adopted by the Committee at its (\d+)(?:st|nd|rd|th) session \(([^)]+)\)")
_NOISE = (
    re.compile(r"^\d{1,3}\s*$"),  # page number
    re.compile(r"^GE\.\d{2}-\d{5}\s*(?:\(E\))?.*$"),  # job number
    re.compile(r"^\*\d{5,}\*\s*$"),  # bar code
    re.compile(r"^\*+ (?:Adopted|The present document|Reissued)\b.*$"),  # asterisk footnotes
    # a numbered footnote quoting earlier grades: "3 Committee’s evaluation of the first follow-up
    # report (see CCPR/C/113/2): paragraphs 8 [B2][C1][C1] ..."
    re.compile(r"^\d{1,2} [A-Z][a-z][^\n]*\[[A-E]\d?\].*$"),
)


@dataclass
class Limb:
    """One grade: its code as written, the limbs it covers (``""``: the whole paragraph), the text."""

    grade: str
    label: str
    evaluation: str
    line: int
    words: str = ""  # a grade read from words, not a code: "Not implemented" (seed 001's layout)


@dataclass
class ParagraphEvaluation:
    number: str
    title: str
    recommendation: str
    state_reply: str
    other_information: str  # NGO, stakeholder or national institution information, as summarised
    limbs: list[Limb]
    line: int


@dataclass
class StateEvaluation:
    name: str  # as written
    state: str  # ISO alpha-3, from the concluding observations' symbol
    co_symbol: str
    co_cycle: int
    co_date: str  # as written, e.g. "31 October 2016"
    header_grades: dict[str, list[str]]  # paragraph -> grades listed in the evaluation's heading
    paragraphs: list[ParagraphEvaluation]
    decision: str  # "Recommended action: ..." without the label
    next_report_due: str
    line: int


@dataclass
class Report:
    symbol: str  # "CCPR/C/131/2/Add.2"
    session: int | None
    session_dates: str  # "1–26 March 2021"
    states: list[StateEvaluation] = field(default_factory=list)


def clean(text: str) -> list[str]:
    """The lines of the text without page furniture (page numbers, job numbers, running symbols).

    A running header glued to the text (``CCPR/C/131/2/Add.2 children. It also``) loses the symbol;
    the furniture lines become empty, so line numbers stay those of the file.
    """
    symbol = _SYMBOL.search(text)
    lines = text.replace("\r\n", "\n").replace("\f", "\n").split("\n")
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if any(pattern.match(stripped) for pattern in _NOISE):
            out.append("")
            continue
        if symbol and stripped.startswith(symbol.group(1)):
            stripped = stripped[len(symbol.group(1)) :].strip()
        out.append(stripped)
    return out


def split_grades(evaluation: str) -> list[tuple[str, str, str]]:
    """``(grade, limb label, text)`` for each bracketed grade of an evaluation, in order.

    The label follows the grade (``[B]: (a) and (b)``) or, in older reports, opens the line before
    it (``(a)[B2]: The Committee welcomes``).

    >>> split_grades("(a)[B2]: It welcomes.\\n(b)[C1]: It regrets.")
    [('B2', '(a)', 'It welcomes.'), ('C1', '(b)', 'It regrets.')]
    """
    marks = list(_GRADE.finditer(evaluation))
    starts = [_label_before(evaluation, mark.start()) for mark in marks]
    found: list[tuple[str, str, str]] = []
    for index, mark in enumerate(marks):
        end = starts[index + 1][0] if index + 1 < len(marks) else len(evaluation)
        rest = evaluation[mark.end() : end]
        label = starts[index][1]
        label_match = _LIMB_LABEL.match(rest)
        if not label and label_match and label_match.group(1):
            after = rest[label_match.end() :]
            # "(a) measures taken": a lettered list inside the text, not the limbs graded
            if not after[:1].islower():
                label = " ".join(label_match.group(1).split())
                rest = after
        rest = rest.lstrip(": \n")
        found.append((mark.group(1), label, " ".join(rest.split())))
    return found


def _label_before(evaluation: str, at: int) -> tuple[int, str]:
    """Where a grade's part starts, and its label when the line opens with it: ``(a)[B2]``."""
    line_start = evaluation.rfind("\n", 0, at) + 1
    prefix = evaluation[line_start:at].strip()
    label = _LIMB_LABEL.match(prefix) if prefix else None
    if label and label.group(1) and label.end() == len(prefix):
        return line_start, " ".join(label.group(1).split())
    return at, ""


def read(text: str) -> Report:
    """Every State evaluation the report holds (none when it holds none)."""
    lines = clean(text)
    body = "\n".join(lines)
    symbol = _SYMBOL.search(text)
    adopted = _ADOPTED.search(" ".join(text.split()))
    report = Report(
        symbol=symbol.group(1) if symbol else "",
        session=int(adopted.group(1)) if adopted else (int(symbol.group(2)) if symbol else None),
        session_dates=adopted.group(2) if adopted else "",
    )
    starts = [
        match.start()
        for match in _BLOCK.finditer(body)
        if not _table_column(body, match.start()) and (not match.group(1) or resolve_state(match.group(1)))
    ]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(body)
        evaluation = _state(body, start, end, starts[index - 1] if index else 0)
        if evaluation is not None:
            report.states.append(evaluation)
    return report


def _table_column(body: str, start: int) -> bool:
    """Whether "Concluding observations" at ``start`` heads a column of the table of States graded [D]
    for not cooperating ("State party | Concluding observations | Due date ..."), not a State's block."""
    before = [line for line in body[max(0, start - 200) : start].split("\n") if line.strip()]
    return bool(before) and before[-1].strip() == "State party"


def _line(body: str, offset: int) -> int:
    return body.count("\n", 0, offset) + 1


def _state(body: str, start: int, end: int, previous: int) -> StateEvaluation | None:
    block = _STATE_LINE.sub(_blank_state, body[start:end])
    paragraphs = list(_PARAGRAPH.finditer(block))
    head = block[: paragraphs[0].start()] if paragraphs else block
    co = _CO.search(head)
    if co is None:
        return None
    date_match = _CO_DATE.search(head)
    co_date = (date_match.group(1) or date_match.group(2)) if date_match else ""
    header: dict[str, list[str]] = {}
    tail = head[co.end() :]
    for match in _HEADER_GRADES.finditer(tail):
        header[match.group(1)] = _GRADE.findall(match.group(2))
    read_paragraphs = []
    decision = due = ""
    for index, match in enumerate(paragraphs):
        stop = paragraphs[index + 1].start() if index + 1 < len(paragraphs) else len(block)
        chunk = block[match.end() : stop]
        if index + 1 == len(paragraphs):
            action = _ACTION.search(chunk)
            if action:
                decision = " ".join(chunk[action.end() :].split())
                chunk = chunk[: action.start()]
                due_match = _NEXT_DUE.search(decision)
                if due_match:
                    due = next_report_due(decision[due_match.end() :])
                    decision = decision[: due_match.start()].strip()
                decision = _RUN_ON.sub("", decision).strip()
        number = match.group(1) or match.group(3)
        line = _line(body, start + match.start())
        read_paragraphs.append(
            _evaluation_only(number, chunk, line)
            if match.group("evaluation")
            else _paragraph(number, chunk, line)
        )
    return StateEvaluation(
        name=_name(body, start, previous, co.group(1)),
        state=co.group(1),
        co_symbol=co.group(0),
        co_cycle=int(co.group(2)),
        co_date=" ".join(co_date.split()),
        header_grades=header,
        paragraphs=read_paragraphs,
        decision=decision,
        next_report_due=" ".join(due.split()),
        line=_line(body, start),
    )


def next_report_due(text: str) -> str:
    """The due date of the next periodic report as written, without what the page ran on after it.

    >>> next_report_due("1 April 2015 104th session (March 2012)")
    '1 April 2015'
    >>> next_report_due("2024 (country review in 2025, in accordance with the predictable review cycle).")
    '2024 (country review in 2025, in accordance with the predictable review cycle)'
    >>> next_report_due("April 2015 105th session (July 2012)")
    'April 2015'
    >>> next_report_due("See CCPR/C/SRB/CO/2")
    'See CCPR/C/SRB/CO/2'
    """
    text = " ".join(text.split())
    for pattern in (_DUE_DAY, _DUE_YEAR):
        match = pattern.match(text)
        if match:
            return match.group(1) if match.groups() else match.group(0)
    sentence = _DUE_SENTENCE.match(text)
    return (sentence.group(0) if sentence else text).strip()[:200]


def _blank_state(line: re.Match[str]) -> str:
    """A line that is only a State's name (the running header of older reports, or the next State's
    heading at the block's end) becomes blank, of the same length so that places stay right."""
    return " " * len(line.group(0)) if resolve_state(line.group(0).strip()) else line.group(0)


def _name(body: str, start: int, previous: int, code: str) -> str:
    """The State as written: "... concluding observations on Slovakia", else a line before the block
    naming the State of the symbol, else the register's name of ``code``."""
    before = body[previous:start]
    opening = _BLOCK.match(body, start)
    if opening and opening.group(1) and resolve_state(opening.group(1)) == code:
        return opening.group(1)
    named = list(_STATE_ON.finditer(before))
    if named:
        return named[-1].group(1).strip()
    for line in reversed(before.split("\n")[-6:]):
        candidate = line.strip()
        if candidate and len(candidate) < 60 and resolve_state(candidate) == code:
            return candidate
    try:
        return state_info(code).name
    except KeyError:
        return code


def _evaluation_only(number: str, chunk: str, line: int) -> ParagraphEvaluation:
    """A paragraph headed "Committee's evaluation of §54": its text is the evaluation (the
    recommendation, the reply and other information are not quoted)."""
    limbs = [Limb(grade, label, text, line) for grade, label, text in split_grades(chunk) if grade]
    if not limbs:
        limbs = _worded_limbs(chunk, line)
    return ParagraphEvaluation(
        number=number,
        title="",
        recommendation="",
        state_reply="",
        other_information="",
        limbs=limbs,
        line=line,
    )


#: The words of a limb graded without a code, as seed 001 pairs them with the Committee's codes
#: ("[B] (a) and (b): Partially implemented." / "[C] (c) to (f): Not implemented.").
WORDED_GRADES = {"partially implemented": "B", "not implemented": "C"}
_WORDED = re.compile(
    r"^(\([a-z]{1,5}\)(?:\s*(?:,\s*and|,|and|to)\s*\([a-z]{1,5}\))*)\s*:\s*([^\n.]+)\.?[ \t]*$", re.M
)


def _worded_limbs(chunk: str, line: int) -> list[Limb]:
    """Limbs graded in words, each on its line with its evaluation below: ``(a): Not implemented``.

    >>> [(l.grade, l.label, l.evaluation) for l in _worded_limbs("(a): Not implemented\\nIt regrets.\\n", 1)]
    [('C', '(a)', 'It regrets.')]
    """
    marks = list(_WORDED.finditer(chunk))
    limbs = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(chunk)
        words = " ".join(mark.group(2).split())
        grade = WORDED_GRADES.get(words.casefold(), "")
        text = " ".join(chunk[mark.end() : end].split())
        limbs.append(Limb(grade, " ".join(mark.group(1).split()), text, line, words=words))
    return limbs


def _paragraph(number: str, chunk: str, line: int) -> ParagraphEvaluation:
    first_line, _, rest = chunk.partition("\n")
    title = first_line.strip()
    should = re.search(r"\bThe State party (?:should|is urged)\b", title)
    if should:  # the recommendation (and more) ran on after the title, or there is no title
        rest = title[should.start() :] + "\n" + rest
        title = title[: should.start()].strip()
    title = re.sub(r"(?<=[a-z])\d{1,2}$", "", title)  # a footnote mark: "Non-refoulement1"
    sections = list(_SECTION.finditer(rest))
    recommendation = rest[: sections[0].start()] if sections else rest
    reply = other = evaluation = ""
    for index, section in enumerate(sections):
        stop = sections[index + 1].start() if index + 1 < len(sections) else len(rest)
        content = rest[section.end() : stop]
        head = section.group("head").casefold()
        if head.startswith("committee"):
            evaluation += content + "\n"
        elif "state party" in head:
            reply += content + "\n"
        else:
            other += content + "\n"
    limbs = [Limb(grade, label, text, line) for grade, label, text in split_grades(evaluation) if grade]
    return ParagraphEvaluation(
        number=number,
        title=title,
        recommendation=" ".join(recommendation.split()),
        state_reply=" ".join(reply.split()),
        other_information=" ".join(other.split()),
        limbs=limbs,
        line=line,
    )
