"""Claim extraction: what implementation level a stakeholder's free text claims, by rules.

UPR Info's rule (seed 000, Methodology): a response that says neither "fully" nor "not
implemented" counts as *partially*, unless the level is obvious. The rules, in order:

1. nothing to read, or only "See comments to recommendation N" → ``unclear`` (the IRI step follows
   such a reference to the same stakeholder's comment on N);
2. a stated level in the opening sentence: "Recommendation has not been fulfilled" → ``not``,
   "… fulfilled partially / insufficiently / formally" → ``partially``, "practically not …" →
   ``not``; a leading "No," / "Partially," / "Yes," answer;
3. "Recommendation is being implemented." with no reservation anywhere (however, but, not fully,
   premature…) → ``fully``: the stakeholder affirms implementation without restriction, and UPR
   Info's published IRI grades such sole claims "fully" in seed 000 (recommendations 12, 13, 20,
   26, 35, 103); with a reservation → ``partially``;
4. otherwise the balance of negative cues (has not, still, violates, restrictive, rejected…) and
   positive ones (adopted, established, launched, continues…); hypotheses ("would be welcome") say
   neither; no cue at all → ``partially`` (UPR Info's rule), with a low confidence.

>>> extract_claim("Recommendation has not been fulfilled.").level
'not'
>>> extract_claim("Partially, the law on NPM is in the Parliament").level
'partially'
>>> extract_claim("See comments to recommendation 1.").level
'unclear'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from rightstrack.core.iri import IriResult, Level, Outcome, level_for_score, recommendation_iri
from rightstrack.core.records import AssessmentRecord, RecommendationRecord

FULLY, PARTIALLY, NOT, UNCLEAR = "fully", "partially", "not", "unclear"
LEVELS = (FULLY, PARTIALLY, NOT, UNCLEAR)

_VERB = r"(?:fulfill?ed|implemented|realized|realised|executed|carried out)"
_STATED: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(
            rf"\b(?:practically|virtually|almost) not (?:\w+ )?(?:been |being )?{_VERB}"
            rf"|\bnot (?:being )?{_VERB} (?:practically|in practice)\b"
        ),
        NOT,
        "states it is practically not implemented",
    ),
    (
        re.compile(
            rf"\b{_VERB} (?:partially|partly|in part|insufficiently|formally|incompletely)\b"
            rf"|\b(?:partially|partly|insufficiently|formally) (?:been |being )?{_VERB}"
        ),
        PARTIALLY,
        "states partial implementation",
    ),
    (
        re.compile(
            rf"\b(?:has|have|had|is|are|was|were) not (?:yet )?(?:been |being )?{_VERB}"
            rf"|\bnot (?:been |being )?{_VERB}\b|\b(?:has|have) never been {_VERB}"
        ),
        NOT,
        "states it is not implemented",
    ),
    (
        re.compile(rf"\b(?:has|have) been (?:fully |completely )?{_VERB}\b|\bfully {_VERB}"),
        FULLY,
        "states it has been implemented",
    ),
)
_IN_PROGRESS = re.compile(rf"\b(?:is|are) being (?:(?:practically|actively) )?{_VERB}\b")
_ANSWER: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^(?:no\b[,.:;]?|no change\b)"), NOT, "answers no"),
    (re.compile(r"^(?:partially|partly|in part)\b"), PARTIALLY, "answers partially"),
    (re.compile(r"^(?:yes|fully)\b"), FULLY, "answers yes"),
)
_RESERVATION = re.compile(
    r"\b(?:however|but|although|though|yet to|not (?:yet )?fully|no practical|premature|insufficient\w*|"
    r"partially|partly|shortcomings?|gaps?|still (?:no|not|lacks?)|there (?:is|are) no|absen\w+|problems?|"
    r"shortages?)\b"
)
_REFERENCE = re.compile(r"^\W*see (?:the )?comments? (?:to|on|for) recommendations? ([\d ,and]+)\W*$")
_NUMBER = re.compile(r"\d+")
_HYPOTHESIS = re.compile(
    r"\bwould be (?:a |very )?(?:welcome|positive|good)|\bif (?:it were )?implemented\b"
    r"|\bif the state were\b"
)
_CONTRAST = re.compile(r"\b(?:was|were|has been|have been) (?:met|\w+ed)\b[^.]*,? but\b")
_NEGATIVE = re.compile(
    r"\b(?:not|no|never|nothing|neither|nor|without|still|lack\w*|absence|fail\w*|ignor\w*|regrett?\w*|"
    r"reject\w*|violat\w*|breach\w*|restrict\w*|ban\w*|repress\w*|worsen\w*|deteriorat\w*|propaganda|"
    r"harass\w*|raid\w*|assault\w*|fine[sd]?|detention|prosecut\w*|problems?|concerns?|obstacles?|"
    r"unlikely|limitations?|narrows?|silent|camouflage|intoleran\w*|censorship|remains? restrictive|"
    r"attack\w*|dislike\w*|undefined)\b"
)
_POSITIVE = re.compile(
    r"\b(?:adopted|established|created|launched|introduced|finished|completed|confirmed|ratified|"
    r"supporting|supported|supports|continues|participates|operational|legislated|implemented|"
    r"improved|provided|developed|promoting|achieved|progress)\b"
)


class Claim(NamedTuple):
    """``(level, confidence, reason)``; level in :data:`LEVELS`, confidence in [0, 1]."""

    level: str
    confidence: float
    reason: str


def referenced(text: str) -> list[str]:
    """The recommendation numbers of a bare "See comments to recommendation(s) …" text."""
    match = _REFERENCE.match(" ".join(text.lower().split()))
    return _NUMBER.findall(match.group(1)) if match else []


def _lead(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s|\n", text.strip(), maxsplit=1)[0]
    return " ".join(first.lower().split())


def _balance(low: str) -> Claim:
    negative = len(_NEGATIVE.findall(low))
    positive = len(_POSITIVE.findall(low))
    hypothesis = _HYPOTHESIS.search(low) is not None
    cues = f"{negative} negative, {positive} positive cue(s)"
    if hypothesis:
        return Claim(PARTIALLY, 0.4, f"speaks of what would be welcome, neither done nor refused ({cues})")
    if positive and _CONTRAST.search(low):
        return Claim(PARTIALLY, 0.45, f"weighs what was done against what was not ({cues})")
    if negative and negative >= 2 * positive:
        return Claim(NOT, min(0.8, 0.5 + 0.05 * negative), f"describes shortcomings ({cues})")
    if positive and positive >= 2 * negative:
        return Claim(FULLY, min(0.75, 0.5 + 0.05 * positive), f"describes measures taken ({cues})")
    if negative or positive:
        return Claim(PARTIALLY, 0.45, f"describes progress and shortcomings ({cues})")
    return Claim(PARTIALLY, 0.3, "says neither fully nor not implemented: partially (UPR Info's rule)")


def extract_claim(text: str) -> Claim:
    """The level a stakeholder's text claims, with a confidence and the reason (see module doc)."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 2 and not (words and _ANSWER[0][0].match(words[0].lower())):
        return Claim(UNCLEAR, 0.0, "too little text to read a claim")
    numbers = referenced(text)
    if numbers:
        return Claim(UNCLEAR, 0.0, f"refers to the comments on recommendation(s) {', '.join(numbers)}")
    lead = _lead(text)
    low = " ".join(text.lower().split())
    for pattern, level, reason in _STATED:
        if pattern.search(lead):
            return Claim(level, 0.9, f"{reason}: {lead[:80]!r}")
    for pattern, level, reason in _ANSWER:
        if pattern.search(lead):
            return Claim(level, 0.85, f"{reason}: {lead[:80]!r}")
    if _IN_PROGRESS.search(lead):
        rest = low[len(lead) :]
        if _RESERVATION.search(lead) or _RESERVATION.search(rest):
            return Claim(PARTIALLY, 0.6, "says it is being implemented, with a reservation")
        return Claim(FULLY, 0.6, "says it is being implemented, without reservation")
    return _balance(low)


SUGGESTED_BASIS = "suggested from extracted claims"


@dataclass(frozen=True)
class ClaimUse:
    """One assessment's claim as used in the IRI: stated, extracted, or followed from a reference."""

    stakeholder: str
    level: str
    confidence: float
    reason: str
    source: str  # "stated", "extracted", "reference"


@dataclass(frozen=True)
class SuggestedIri:
    """The IRI of one recommendation computed from claims; ``suggested`` when any claim was extracted."""

    ref: str
    result: IriResult
    claims: tuple[ClaimUse, ...] = field(default=())

    @property
    def level(self) -> str | None:
        level = self.result.level
        return level.value if level is not None else None

    @property
    def suggested(self) -> bool:
        return any(claim.source != "stated" for claim in self.claims)

    @property
    def basis(self) -> str:
        return SUGGESTED_BASIS if self.suggested else self.result.basis


def _stakeholder(assessment: AssessmentRecord) -> str:
    return assessment.stakeholder.acronym or assessment.stakeholder.name


def _stated(assessment: AssessmentRecord) -> str | None:
    """A level the stakeholder stated itself (not one derived from a published index)."""
    stated = assessment.level_basis.startswith("stated") and assessment.scheme == "iri"
    return assessment.level if stated and assessment.level in (FULLY, PARTIALLY, NOT) else None


def iri_from_claims(
    assessments: Sequence[AssessmentRecord],
    recommendations: Iterable[RecommendationRecord] = (),
) -> dict[str, SuggestedIri]:
    """The IRI of each recommendation from its assessments' claims, by ``core.iri.recommendation_iri``.

    A stated claim (``level_basis`` "stated…") is used as it is; otherwise the claim is extracted
    from the text. An ``unclear`` claim that refers to other recommendations takes the mean score of
    the same stakeholder's claims on them; one still unclear is left out, and a recommendation with
    nothing but unclear claims is "undetermined". Recommendations given in ``recommendations`` that no
    assessment answers are "no answer".
    """
    own: dict[tuple[str, str], ClaimUse] = {}
    for assessment in assessments:
        level = _stated(assessment)
        if level is not None:
            use = ClaimUse(_stakeholder(assessment), level, 1.0, "stated", "stated")
        else:
            claim = extract_claim(assessment.text)
            use = ClaimUse(_stakeholder(assessment), claim.level, claim.confidence, claim.reason, "extracted")
        own[(use.stakeholder, assessment.recommendation_ref)] = use
    uses: dict[str, list[ClaimUse]] = {record.ref: [] for record in recommendations}
    for assessment in assessments:
        use = own[(_stakeholder(assessment), assessment.recommendation_ref)]
        if use.level == UNCLEAR:
            use = _follow(use, referenced(assessment.text), own)
        uses.setdefault(assessment.recommendation_ref, []).append(use)
    results: dict[str, SuggestedIri] = {}
    for ref, claims in uses.items():
        levels: list[Level | None] = [Level(c.level) for c in claims if c.level != UNCLEAR]
        if claims and not levels:
            levels = [None]
        results[ref] = SuggestedIri(ref, recommendation_iri(levels), tuple(claims))
    return results


def _follow(use: ClaimUse, numbers: list[str], own: dict[tuple[str, str], ClaimUse]) -> ClaimUse:
    found = [own[(use.stakeholder, number)] for number in numbers if (use.stakeholder, number) in own]
    known = [claim for claim in found if claim.level != UNCLEAR]
    if not known:
        return use
    scores = [Level(claim.level).score for claim in known]
    level = level_for_score(sum(scores, Decimal(0)) / len(scores))
    reason = f"{use.reason}: {', '.join(claim.level for claim in known)}"
    return ClaimUse(use.stakeholder, level.value, min(c.confidence for c in known), reason, "reference")


def agreement(results: dict[str, SuggestedIri], records: Iterable[RecommendationRecord]) -> tuple[int, int]:
    """How many graded recommendations (published level not/partially/fully) get their published level."""
    graded = [record for record in records if record.published_level in (FULLY, PARTIALLY, NOT)]
    same = sum(
        1
        for record in graded
        if record.ref in results
        and results[record.ref].result.outcome is not Outcome.NO_ANSWER
        and results[record.ref].level == record.published_level
    )
    return same, len(graded)


# --- What a review's evidence paragraph says about a recommendation ---------------------------------

#: Something done, as the UN, civil society or the State reports it ("welcomed the ratification").
_DONE = re.compile(
    r"\b(?:welcom\w*|commend\w*|appreciat\w*|acknowledg\w* with appreciation) (?:\w+ ){0,3}?"
    r"(?:ratification|accession|adoption|entry into force|establishment|enactment|creation|launch|"
    r"amendment|introduction|appointment|withdrawal|repeal|abolition|decriminali[sz]ation|"
    r"criminali[sz]ation|signing|signature|approval|inclusion|incorporation)\b"
    r"|\bcommended \w+ for\b"
    r"|(?<!not )(?<!never )(?<!yet )\b(?:ratified|acceded to|entered into force|came into force|"
    r"abolished|repealed|decriminali[sz]ed)\b"
    r"|\b(?:has|have|had|was|were) (?:been )?(?:(?!not |never |yet )\w+ )?"
    r"(?:adopted|established|enacted|amended|"
    r"criminali[sz]ed|launched|introduced|set up|created|signed|approved|passed|appointed|withdrawn)\b"
    r"|(?<!not )(?<!never )(?<!yet )\b(?:adopted|established|enacted|launched|introduced|created|passed) "
    r"(?:a|an|the|its|new)\b"
)
#: Work under way or only part done ("noted the efforts", "a draft bill", "was being considered"), and
#: calls to strengthen, improve or continue something, which say it exists.
_UNDER_WAY = re.compile(
    r"\bnot(?:ed|ing) (?:\w+ )?(?:efforts?|progress|steps|measures|initiatives)\b|\btook note of\b"
    r"|\b(?:while|although) (?:acknowledg|welcom|not|recogni[sz])\w*"
    r"|\backnowledg\w+ (?:the )?(?:efforts?|progress)"
    r"|\bongoing\b|\bin progress\b|\bunder (?:way|consideration|review|discussion|preparation)\b"
    r"|\b(?:is|are|was|were) (?:being|currently) \w+"
    r"|\bdraft (?:law|bill|act|legislation|amendment|policy|strategy|plan)s?\b"
    r"|\b(?:planned|intends|intended|(?:is|are|was|were) planning) to\b"
    r"|\b(?:some|limited|slow) progress\b|\bpartial\w*\b"
    r"|\bcontinu\w+ (?:to|its|their) (?:\w+ )?(?:efforts?|work)\b"
    r"|\b(?:recommended|encouraged|invited|requested|asked) (?:that )?\w+ (?:to )?(?:further |continue to )?"
    r"(?:strengthen|step up|intensify|improve|increase|expand|enhance|continue|further)\b"
)
#: Concern, absence, or a call to do something new (ratify, adopt, establish…): the UN's and civil
#: society's way of saying "not (yet) done". A call to "ensure" or "take measures" says neither.
_CONCERN = re.compile(
    r"\b(?:remained|was|were|is|are|expressed|raised|voiced|reiterated) (?:\w+ )?concern\w*"
    r"|\bconcern\w* (?:about|that|over|at)\b|\bwith concern\b|\bregrett?\w*|\bdeplor\w*|\balarmed\b"
    r"|\b(?:had|has|have|was|were|is|are|did|does) not\b|\bnot yet\b|\bhad yet to\b"
    r"|\bstill (?:no|not|lack\w*)\b"
    r"|\b(?:lack|absence) of\b|\bfail\w* to\b|\burged\b|\bcalled (?:on|upon)\b"
    r"|\b(?:recommended|encouraged|invited|requested|asked) (?:that )?\w+ (?:to )?"
    r"(?:ratify|accede|adopt|establish|"
    r"enact|introduce|criminali[sz]e|decriminali[sz]e|amend|repeal|abolish|withdraw|consider|create|set up|"
    r"incorporate|include|put in place|ban|prohibit|define|make)\b"
)
#: A sentence ends at a full stop or semicolon, and the footnote number after it ("in 2022.2 In 2021").
_SENTENCES = re.compile(r"(?<=[.;])(?:\s*\d{1,3})?\s+(?=[A-Z(])")
_CONTINUES = re.compile(
    r"^(?:however|it|they|but|nevertheless|nonetheless|moreover|furthermore|in addition|also|"
    r"the same (?:committee|body)|the committee (?:also )?(?:recommended|urged|called|remained|was|noted))\b",
    re.IGNORECASE,
)


def evidence_window(paragraph: str, wanted: set[str], terms_of: Callable[[str], Iterable[str]]) -> str:
    """The sentences of ``paragraph`` about the recommendation: the one sharing most of its ``wanted``
    terms (as ``terms_of`` reads them), with the sentences around it that continue it ("However, …",
    "It recommended that …"). A paragraph of the compilation often speaks of several treaties; only the
    part about this recommendation is read.

    >>> from rightstrack.analysis.search import terms
    >>> text = ("The Committee welcomed the ratification of the Convention on Enforced Disappearance. "
    ...         "UNESCO noted that the State was not a party to the Optional Protocol.")
    >>> evidence_window(text, set(terms("Ratify the Convention on Enforced Disappearance")), terms)
    'The Committee welcomed the ratification of the Convention on Enforced Disappearance.'
    """
    sentences = [s for s in _SENTENCES.split(" ".join(paragraph.split())) if s]
    if not sentences:
        return ""
    shared = [len(wanted & set(terms_of(sentence))) for sentence in sentences]
    best = max(range(len(sentences)), key=lambda index: (shared[index], -index))
    first = last = best
    while first > 0 and _CONTINUES.match(sentences[first]):
        first -= 1
    while last + 1 < len(sentences) and _CONTINUES.match(sentences[last + 1]):
        last += 1
    return " ".join(sentences[first : last + 1])


def extract_evidence_claim(text: str) -> Claim:
    """The level an evidence paragraph (or the part of it about one recommendation) suggests.

    The review's documents report rather than answer: the compilation and the stakeholders' summary
    "welcomed the ratification", "noted the efforts", "remained concerned", say what "had not" been done
    and "recommended that" the State act; the national report says what the State "adopted". Something
    done with nothing wanting → ``fully``; done or under way with a concern, or only under way →
    ``partially``; only concerns, absences and fresh calls to act → ``not``. Text with none of these
    cues is read by :func:`extract_claim`, with a lower confidence.

    >>> extract_evidence_claim("The Committee against Torture welcomed the ratification by Denmark of the "
    ...     "International Convention for the Protection of All Persons from Enforced Disappearance.").level
    'fully'
    >>> extract_evidence_claim("The Committee remained concerned that the State had not adopted "
    ...     "a comprehensive anti-discrimination law.").level
    'not'
    >>> extract_evidence_claim("It recommended that Denmark adopt a national action plan.").level
    'not'
    >>> extract_evidence_claim("The Committee welcomed the adoption of the action plan. However, it "
    ...     "remained concerned about the low number of prosecutions.").level
    'partially'
    """
    low = " ".join(text.lower().split())
    done = len(_DONE.findall(low))
    under_way = len(_UNDER_WAY.findall(low))
    concern = len(_CONCERN.findall(low))
    cues = f"{done} done, {under_way} under way, {concern} concern cue(s)"
    if done and concern:
        return Claim(PARTIALLY, 0.6, f"reports something done and concerns ({cues})")
    if done and not under_way:
        return Claim(FULLY, round(min(0.8, 0.6 + 0.1 * done), 2), f"reports it done ({cues})")
    if done or under_way:
        return Claim(PARTIALLY, 0.55, f"reports work under way ({cues})")
    if concern:
        confidence = round(min(0.8, 0.55 + 0.05 * concern), 2)
        return Claim(NOT, confidence, f"reports concerns or that it is not done ({cues})")
    claim = extract_claim(text)
    return Claim(claim.level, round(claim.confidence * 0.6, 2), claim.reason)
