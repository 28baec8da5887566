"""Parser of a treaty body's concluding observations (CCPR, CESCR, CAT, CEDAW, CRC, CERD, CRPD, CMW, CED).

The document (text, or PDF / Word through :mod:`rightstrack.ingest.reading`) opens with its symbol
(``CCPR/C/DNK/CO/6``), the committee and "Concluding observations on the sixth periodic report of
Denmark", then numbered paragraphs under section headings (``C. Principal matters of concern and
recommendations``) and subject headings (``Domestic violence``). Each paragraph in which the committee
recommends, urges or says the State party should act is a recommendation, ref = its paragraph number
(``ccpr-co-paragraph`` for the Human Rights Committee, as the follow-up parsers number them; limbs
``(a)``, ``(b)``… stay in the text and are listed). ``README.md`` in this folder describes the format.

>>> detect("United Nations\\n\\nCCPR/C/DNK/CO/6\\nDistr.: General\\n\\nHuman Rights Committee\\n"
...        "Concluding observations on the sixth periodic report of Denmark*\\n1. The Committee …")
True
>>> detect("CCPR/C/DNK/CO/6/Add.1\\nConcluding observations on the sixth periodic report of Denmark\\n"
...        "Addendum")
False
>>> detect("Paragraph 18: CCPR/C/KAZ/CO/1 concluding observations")
False
>>> detect("CCPR/C/105/2\\nFollow-up report\\nCCPR/C/ISR/CO/3\\nConcluding observations of the Committee")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.mechanisms import MECHANISMS
from rightstrack.core.records import (
    ParsedDocument,
    Place,
    Problem,
    RecommendationRecord,
    ReviewInfoRecord,
    ReviewKey,
    StakeholderRecord,
)
from rightstrack.core.states import resolve_state, state_info

from .kinds import FollowUp, follow_up, is_procedural, is_recommendation
from .layout import Body, Paragraph, read_body

KIND = "concluding-observations"
#: The symbol's prefix names the committee: ``E/C.12`` is the CESCR.
PREFIXES = {
    "CCPR/C": "CCPR",
    "E/C.12": "CESCR",
    "CAT/C": "CAT",
    "CEDAW/C": "CEDAW",
    "CRC/C": "CRC",
    "CERD/C": "CERD",
    "CRPD/C": "CRPD",
    "CMW/C": "CMW",
    "CED/C": "CED",
}
_PREFIX = "|".join(re.escape(prefix) for prefix in PREFIXES)
SYMBOL = re.compile(rf"^({_PREFIX})/([A-Z]{{3}})/CO/(\d{{1,2}})(?:-(\d{{1,2}}))?$")
_TITLE = re.compile(r"^Concluding observations (?:on|of)\b(.*?)\s*\*?$", re.IGNORECASE)
#: Any UN document symbol: the first one near the top is the document's own.
_ANY_SYMBOL = re.compile(r"^[A-Z]{1,6}/[A-Z0-9][A-Z0-9./-]*$")
_OF_STATE = re.compile(r"\breports? of (?:the )?(.+?)$")
_FRONT_LINES = 40
_ADOPTED = re.compile(r"held on (\d{1,2} \w+ \d{4}), (?:it|the Committee) adopted", re.IGNORECASE)
_ISSUED = re.compile(r"^Distr\.:\s*\w+\s+(\d{1,2} \w+ \d{4})")
_WITHIN = re.compile(r"^within (one|two|three|four|1|2|3|4) years?\b", re.IGNORECASE)
_YEARS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ADDRESS = re.compile(r"^(\d{1,3})\s*(?:\(([a-z])\))?$")
_NUMBER = re.compile(r"^\d{1,3}\.\s+")  # the paragraph's number: its ref, not its words
_LIMB = re.compile(r"(?:^|\n|[:;]\s)\(([a-z])\)\s")


def address(ref: str, limb: str = "") -> str:
    """How a paragraph or one of its limbs is cited: ``24``, ``24 (b)``.

    >>> address("24", "b"), split_address("24 (b)"), split_address("24(b)"), split_address("24")
    ('24 (b)', ('24', 'b'), ('24', 'b'), ('24', ''))
    """
    return f"{ref} ({limb})" if limb else ref


def split_address(text: str) -> tuple[str, str]:
    """The paragraph number and limb letter of ``24 (b)``; ValueError when ``text`` is not one."""
    match = _ADDRESS.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a paragraph or limb, e.g. '24' or '24 (b)'")
    return match.group(1), match.group(2) or ""


def co_scheme(committee: str) -> str:
    """The ref scheme of a committee's paragraphs: ``ccpr-co-paragraph`` as the CCPR follow-up parsers."""
    return f"{committee.lower()}-co-paragraph"


def detect(text: str) -> bool:
    """A concluding-observations symbol alone on a line and "Concluding observations on …" near the top."""
    head = [line.strip() for line in text[:4000].splitlines()[:_FRONT_LINES]]
    own = next((line for line in head if _ANY_SYMBOL.match(line)), "")
    return (
        SYMBOL.match(own) is not None
        and any(_TITLE.match(line) for line in head)
        and "Addendum" not in head  # the State's follow-up reply (…/CO/6/Add.1) is another document
    )


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Everything the concluding observations hold. Raises :class:`DocumentRejected` (place and reason).

    ``issue_labels`` is accepted for a common interface; recommendations keep the committee's headings.
    """
    del issue_labels
    if not text.strip():
        raise DocumentRejected("the text is empty", Place(line=1))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    symbol, symbol_line = _symbol(lines)
    match = SYMBOL.match(symbol)
    assert match is not None
    committee = PREFIXES[match.group(1)]
    state = match.group(2)
    try:
        state_name = state_info(state).name
    except KeyError:
        raise DocumentRejected(
            f"the symbol {symbol} names no known State ({state})", Place(line=symbol_line)
        ) from None
    report = int(match.group(4) or match.group(3))
    title_line = next((i for i, line in enumerate(lines[:_FRONT_LINES]) if _TITLE.match(line.strip())), None)
    if title_line is None:
        raise DocumentRejected("no 'Concluding observations on …' title", Place(line=symbol_line))
    problems = _check_state(lines[title_line].strip(), state, title_line + 1)
    body = read_body(lines[title_line + 1 :], title_line + 2, symbol)
    problems += body.problems
    if not body.paragraphs:
        raise DocumentRejected(
            "no numbered paragraph (1., 2., …) after the title", Place(line=title_line + 1)
        )
    adopted = _adopted(body)
    issued = _issued(lines[:_FRONT_LINES])
    known = adopted or issued
    year = known.year if known else None
    review = ReviewKey(state, committee, report, session=body.session, year=year)
    if body.session is None:
        problems.append(
            Problem(Place(line=symbol_line), "no 'Adopted by the Committee at its Nth session' note")
        )
    recommendations, followed = _recommendations(body, committee, adopted, problems)
    if not recommendations:
        raise DocumentRejected(
            f"none of the {len(body.paragraphs)} paragraphs recommends anything: not concluding observations "
            "as expected, or the numbering was lost",
            Place(line=title_line + 1),
        )
    author = StakeholderRecord(MECHANISMS[committee].name, committee, "treaty_body")
    stated = {"paragraphs": len(body.paragraphs), "recommendations": len(recommendations)}
    if followed is not None:
        stated["follow-up paragraphs"] = len(followed.paragraphs)
    return ParsedDocument(
        kind=KIND,
        title=f"{author.name}: concluding observations on {state_name} ({symbol})",
        review=review,
        recommendations=recommendations,
        stakeholders=[author],
        stated_counts=stated,
        published_on=issued or adopted,
        author=author,
        problems=problems,
        symbol=symbol,
        review_infos=[ReviewInfoRecord(review, Place(line=symbol_line), (symbol,), adopted_on=adopted)],
    )


def _symbol(lines: list[str]) -> tuple[str, int]:
    for number, line in enumerate(lines[:_FRONT_LINES], start=1):
        if SYMBOL.match(line.strip()):
            return line.strip(), number
        if _ANY_SYMBOL.match(line.strip()):
            break
    raise DocumentRejected(
        "no concluding-observations symbol (e.g. CCPR/C/DNK/CO/6) alone on a line near the top", Place(line=1)
    )


def _check_state(title: str, state: str, line: int) -> list[Problem]:
    named = _OF_STATE.search(_TITLE.sub(r"\1", title))
    code = resolve_state(named.group(1).rstrip("*").strip()) if named else None
    if code == state:
        return []
    return [Problem(Place(line=line), f"the title {title!r} does not name the State of the symbol ({state})")]


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%d %B %Y").date()
    except ValueError:
        return None


def _adopted(body: Body) -> date | None:
    """The day of adoption, from paragraph 1 ("At its 3293rd meeting, held on 7 July 2016, it adopted …")."""
    match = _ADOPTED.search(body.paragraphs[0].text)
    return _day(match.group(1)) if match else None


def _issued(front: list[str]) -> date | None:
    """``Distr.: General 15 August 2016``, the date on the same line or the next."""
    for index, line in enumerate(front):
        match = _ISSUED.match(" ".join(part.strip() for part in front[index : index + 2]))
        if line.strip().startswith("Distr.") and match:
            return _day(match.group(1))
    return None


def _recommendations(
    body: Body, committee: str, adopted: date | None, problems: list[Problem]
) -> tuple[list[RecommendationRecord], FollowUp | None]:
    found: list[RecommendationRecord] = []
    context: list[Paragraph] = []
    heading = None
    followed: FollowUp | None = None
    followed_at: Paragraph | None = None
    for paragraph in body.paragraphs:
        if paragraph.heading != heading:
            context, heading = [], paragraph.heading
        selected = follow_up(paragraph.text)
        if selected is not None and followed is None:
            followed, followed_at = selected, paragraph
            continue
        if is_procedural(paragraph.text, paragraph.section, paragraph.heading):
            continue
        if not is_recommendation(paragraph.text):
            context.append(paragraph)
            continue
        limbs = tuple(_LIMB.findall(paragraph.text))
        _check_limbs(paragraph, limbs, problems)
        found.append(
            RecommendationRecord(
                ref=paragraph.number,
                ref_scheme=co_scheme(committee),
                text=_NUMBER.sub("", paragraph.text, count=1),
                place=paragraph.place,
                theme_heading=paragraph.heading,
                context="\n\n".join(p.text for p in context),
                limbs=limbs,
            )
        )
        context = []
    if followed is not None and followed_at is not None:
        _mark_follow_up(found, followed, followed_at, adopted, problems)
    return found, followed


def _check_limbs(paragraph: Paragraph, limbs: tuple[str, ...], problems: list[Problem]) -> None:
    expected = tuple(chr(ord("a") + i) for i in range(len(limbs)))
    if limbs != expected:
        problems.append(
            Problem(
                paragraph.place,
                f"limbs ({'), ('.join(limbs)}) are not lettered in order:"
                " one may have been lost in conversion",
            )
        )


def _mark_follow_up(
    found: list[RecommendationRecord],
    followed: FollowUp,
    at: Paragraph,
    adopted: date | None,
    problems: list[Problem],
) -> None:
    due = _day(followed.due_on) if followed.due_on else None
    years = _WITHIN.match(followed.due_text)
    if due is None and adopted is not None and years:
        due = _years_after(adopted, _YEARS[years.group(1).lower()])
    by_ref = {record.ref: record for record in found}
    for number in followed.paragraphs:
        record = by_ref.get(number)
        if record is None:
            problems.append(
                Problem(
                    at.place, f"the follow-up paragraph names paragraph {number}, which recommends nothing"
                )
            )
            continue
        record.follow_up_due_text = followed.due_text
        record.follow_up_due = due
    when = due.isoformat() if due else (followed.due_text or "no deadline given")
    problems.append(
        Problem(
            at.place,
            f"paragraphs {', '.join(followed.paragraphs)} are under the follow-up procedure,"
            f" information due {when}",
        )
    )


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
