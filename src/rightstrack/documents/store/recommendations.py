"""Recommendations: find the one a record speaks of (by reference, text, similar text) or create it.

The same recommendation reaches RightsTrack from several documents: an MIA's n° 1, the Working Group
report's paragraph 95.16, a UPR Info row. Within a review, a record is matched to an existing
recommendation by, in order: its own reference; the same normalised text with a recommending State in
common; a similar text (≥ ``FUZZY_CUTOFF``). A recommendation can hold one reference of a numbering
per recommending State (UPR Info numbers (paragraph, State) pairs), so a second document of the same
numbering never lands on a recommendation already numbered for that State.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from string import ascii_lowercase
from typing import Any

from rapidfuzz import fuzz, process

from rightstrack.assessments.models import Grade, PublishedLevel
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, RecommendationRecord, ReviewKey
from rightstrack.core.states import resolve_state
from rightstrack.core.text import normalise
from rightstrack.core.upr_calendar import upr_review
from rightstrack.core.vocab import UPR_INFO_ISSUES
from rightstrack.documents.store.merge import merge_into
from rightstrack.documents.store.places import BATCH, Places
from rightstrack.documents.store.positions import FIELDS as POSITION_FIELDS
from rightstrack.documents.store.positions import Answers, inherit_positions
from rightstrack.documents.store.rows import Blueprint, fts_suspended, insert_objects, insert_rows
from rightstrack.recommendations.models import (
    Mechanism,
    Recommendation,
    RecommendationRef,
    RecommendationTerm,
    Review,
    State,
    Term,
)
from rightstrack.recommendations.vocabularies import terms_by_label, vocabulary_version

#: What parsers add to a vocabulary's code for the labels it does not hold (``uhri-themes-unmatched``).
UNMATCHED = "-unmatched"

FUZZY_CUTOFF = 90.0
#: Numberings that cite recommendations rather than number them: a fact sheet quotes the same UPR
#: recommendation under every ICCPR article it concerns, so one recommendation holds several of its rows.
CITING_SCHEMES = frozenset({"ccpr-factsheet-row"})
#: Reviews looked up per query when a document's reviews are loaded together.
PREFETCH_BATCH = 500
#: ``progress(what, done, total)``: told what the import is doing; ``total`` is 0 when unknown.
Progress = Callable[[str, int, int], None]
UNDETERMINED = "-"
_SORT_PARTS = re.compile(r"\d+|[^\d.]+")
_REVIEW = Recommendation._meta.get_field("review")
#: The columns a loaded recommendation keeps (not its creation time: converting 300,000 timestamps
#: took longer than reading the rows, and the store never writes it back).
_COLUMNS = [
    column.attname for column in Recommendation._meta.concrete_fields if column.attname != "created_at"
]
_BLUEPRINT = Blueprint(Recommendation)
_ID, _REVIEW_ID, _TEXT = _COLUMNS.index("id"), _COLUMNS.index("review_id"), _COLUMNS.index("text")


def sort_key(ref: str) -> str:
    """Orders "2" before "10" and "95.2" before "95.10".

    >>> sort_key("95.10") > sort_key("95.2")
    True
    """
    return ".".join(part.zfill(5) for part in _SORT_PARTS.findall(ref))[:32]


def known_labels() -> list[str]:
    """Every label and alias of the loaded UPR Info issue vocabularies (what parsers split cells with)."""
    terms = Term.objects.filter(vocabulary__code=UPR_INFO_ISSUES, unmatched=False)
    labels = set(terms.values_list("label", flat=True))
    labels.update(terms.values_list("aliases__alias", flat=True).exclude(aliases__alias=None))
    return sorted(labels)


class Reviews:
    """ReviewKey → Review, created on first use; UPR session and year filled from the calendar."""

    def __init__(self, create: bool = True) -> None:
        self.cache: dict[tuple[str, str, int | None], Review] = {}
        self.mechanisms = {m.code: m for m in Mechanism.objects.all()}
        self.states = set(State.objects.values_list("code", flat=True))
        #: False for a document that speaks of existing recommendations only: it names no new review.
        self.create = create

    def get(self, key: ReviewKey, place: Place | None = None) -> Review:
        cache_key = (key.state, key.mechanism, key.cycle)
        if cache_key in self.cache:
            return self.cache[cache_key]
        if key.state not in self.states:
            raise DocumentRejected(f"unknown State {key.state!r}", place)
        if key.mechanism not in self.mechanisms:
            raise DocumentRejected(f"unknown mechanism {key.mechanism!r}", place)
        if not self.create:
            found = Review.objects.filter(
                state_id=key.state, mechanism=self.mechanisms[key.mechanism], cycle=key.cycle
            ).first()
            if found is None:
                raise DocumentRejected(
                    f"{key.state} {key.mechanism} cycle {key.cycle} is not a review", place
                )
            self.cache[cache_key] = found
            return found
        key = self._dated(key)
        review, _ = Review.objects.get_or_create(
            state_id=key.state, mechanism=self.mechanisms[key.mechanism], cycle=key.cycle
        )
        self._fill(review, key)
        self.cache[cache_key] = review
        return review

    def prefetch(self, keys: Iterable[ReviewKey]) -> None:
        """What :meth:`get` would do for each of ``keys``, in order, in a few queries.

        Reviews missing are created in the order their keys first come (the ids :meth:`get` would
        give); a key :meth:`get` would reject is left for it, to be rejected at its place.
        """
        first: dict[tuple[str, str, int | None], ReviewKey] = {}
        for key in keys:
            cache_key = (key.state, key.mechanism, key.cycle)
            if cache_key in self.cache or cache_key in first:
                continue
            if key.state in self.states and key.mechanism in self.mechanisms:
                first[cache_key] = self._dated(key)
        if not first:
            return
        found: dict[tuple[str, str, int | None], list[Review]] = defaultdict(list)
        codes = {m.pk: m.code for m in self.mechanisms.values()}
        states = sorted({state for state, _, _ in first})
        for start in range(0, len(states), PREFETCH_BATCH):
            for review in Review.objects.filter(
                state_id__in=states[start : start + PREFETCH_BATCH],
                mechanism__in=[self.mechanisms[code] for code in {m for _, m, _ in first}],
            ):
                found[(review.state_id, codes[review.mechanism_id], review.cycle)].append(review)
        missing: list[Review] = []
        for cache_key, key in first.items():
            matches = found.get(cache_key, [])
            if len(matches) > 1:
                continue  # get() reports it as the database does
            if matches:
                self._fill(matches[0], key)
                self.cache[cache_key] = matches[0]
            else:
                review = Review(
                    state_id=key.state,
                    mechanism=self.mechanisms[key.mechanism],
                    cycle=key.cycle,
                    session=key.session,
                    year=key.year,
                )
                missing.append(review)
                self.cache[cache_key] = review
        Review.objects.bulk_create(missing, batch_size=BATCH)

    @staticmethod
    def _dated(key: ReviewKey) -> ReviewKey:
        if key.mechanism == "UPR" and (key.session is None or key.year is None):
            known = upr_review(key.state, key.cycle)
            if known is not None:
                key = replace(key, session=key.session or known.session, year=key.year or known.year)
        return key

    @staticmethod
    def _fill(review: Review, key: ReviewKey) -> None:
        changed = []
        if key.session is not None and review.session is None:
            review.session = key.session
            changed.append("session")
        if key.year is not None and review.year is None:
            review.year = key.year
            changed.append("year")
        if changed:
            review.save(update_fields=changed)


@dataclass
class Known:
    """A recommendation of a review as the matcher sees it (saved, or about to be).

    A recommendation loaded from the database keeps its column values (``row``) and becomes a model
    instance only when the import touches it: a document adding 33,000 rows to reviews holding
    230,000 would otherwise build 230,000 instances it never uses.
    """

    norm: str
    states: set[str]
    numbered: dict[str, set[str | None]] = field(default_factory=lambda: defaultdict(set))
    instance: Recommendation | None = None
    row: tuple[Any, ...] = ()
    merged: bool = False  # merged into another during this import: no record lands here any more

    @property
    def obj(self) -> Recommendation:
        if self.instance is None:
            self.instance = _BLUEPRINT.make(dict(zip(_COLUMNS, self.row, strict=True)))
            self.instance._state.adding = False
            self.instance._state.db = "default"
        return self.instance

    def free_for(self, scheme: str, states: set[str]) -> bool:
        """Whether a record of numbering ``scheme`` about ``states`` may land here."""
        if self.merged:
            return False
        if self.states and states and not (self.states & states):
            return False
        if scheme in CITING_SCHEMES:
            return True
        taken = self.numbered.get(scheme)
        if not taken:
            return True
        if None in taken or len(states) != 1:
            return False
        return not (states & {s for s in taken if s})


class Texts:
    """A review's normalised texts, kept sorted by length: the candidates of a similar-text match.

    ``fuzz.ratio`` is 100 × (1 − indel distance / total length) and the distance is at least the
    difference of the lengths, so a text only reaches ``FUZZY_CUTOFF`` against texts of close length:
    the others are not scored at all (three quarters of them on the UPR Info export).
    """

    _SLACK = 1.0 - FUZZY_CUTOFF / 100  # the share of the total length the lengths may differ by

    def __init__(self) -> None:
        self.lengths: list[int] = []
        self.norms: list[str] = []
        self.positions: list[int] = []

    def add(self, norm: str) -> None:
        at = bisect.bisect_right(self.lengths, len(norm))
        self.positions.insert(at, len(self.positions))
        self.lengths.insert(at, len(norm))
        self.norms.insert(at, norm)

    def similar(self, norm: str) -> Iterator[tuple[float, int]]:
        """(score, position in the order the texts were added) of every text ≥ ``FUZZY_CUTOFF``."""
        size = len(norm)
        # The bounds, one character wider on each side than the inequality allows (rounding).
        low = math.floor(size * (1 - self._SLACK) / (1 + self._SLACK)) - 1
        high = math.ceil(size * (1 + self._SLACK) / (1 - self._SLACK)) + 1
        start = bisect.bisect_left(self.lengths, low)
        end = bisect.bisect_right(self.lengths, high)
        if start == end:
            return
        found = process.extract(
            norm, self.norms[start:end], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        )  # all of them, scored in one call (a fifth faster than extract_iter), then in their order
        for _, score, at in sorted(found, key=lambda match: match[2]):
            yield score, self.positions[start + at]


class Index:
    """The recommendations of the reviews a document touches, loaded in a few queries."""

    def __init__(self) -> None:
        self.loaded: set[int] = set()
        self.by_ref: dict[tuple[int, str, str, str], Known] = {}
        self.by_norm: dict[tuple[int, str], list[Known]] = defaultdict(list)
        self.by_review: dict[int, list[Known]] = defaultdict(list)
        self.texts: dict[int, Texts] = defaultdict(Texts)  # by_review's texts, by length

    def load(self, review: Review) -> None:
        if review.id not in self.loaded:
            self.load_many([review])

    def load_many(self, reviews: Iterable[Review]) -> None:
        pending = sorted({review.id for review in reviews} - self.loaded)
        self.loaded.update(pending)
        through = Recommendation.recommending_states.through
        for start in range(0, len(pending), PREFETCH_BATCH):
            chunk = pending[start : start + PREFETCH_BATCH]
            knowns: dict[int, Known] = {}
            rows = Recommendation.objects.filter(review_id__in=chunk).order_by("review_id", "sort_key", "id")
            for row in rows.values_list(*_COLUMNS):
                known = Known(normalise(row[_TEXT]), set(), row=row)
                knowns[row[_ID]] = self._add(row[_REVIEW_ID], known)
            for rec_id, code in through.objects.filter(recommendation__review_id__in=chunk).values_list(
                "recommendation_id", "state_id"
            ):
                knowns[rec_id].states.add(code)
            refs = RecommendationRef.objects.filter(review_id__in=chunk).order_by("scheme", "id")
            for rec_id, review_id, scheme, value, part, state_id in refs.values_list(
                "recommendation_id", "review_id", "scheme", "value", "part", "state_id"
            ):
                known = knowns[rec_id]
                known.numbered[scheme].add(state_id)
                self.by_ref[(review_id, scheme, value, part)] = known

    def _add(self, review_id: int, known: Known) -> Known:
        self.by_norm[(review_id, known.norm)].append(known)
        self.by_review[review_id].append(known)
        self.texts[review_id].add(known.norm)
        return known

    def match(
        self, review: Review, record: RecommendationRecord, states: set[str], norm: str | None = None
    ) -> tuple[Known | None, str]:
        exact = self.by_ref.get((review.id, record.ref_scheme, record.ref, record.ref_part))
        if exact is not None:
            return exact, "reference"
        if norm is None:
            norm = normalise(record.text)
        for known in self.by_norm.get((review.id, norm), []):
            if known.free_for(record.ref_scheme, states):
                return known, "text"
        if not norm or review.id not in self.texts:
            return None, ""
        # What extractOne over the free texts gives: the highest score, the earliest text on a tie.
        knowns = self.by_review[review.id]
        best: tuple[float, int] | None = None
        for score, position in self.texts[review.id].similar(norm):
            if best is not None and (score < best[0] or (score == best[0] and position > best[1])):
                continue
            if knowns[position].free_for(record.ref_scheme, states):
                best = (score, position)
        if best is not None:
            return knowns[best[1]], f"similar text ({best[0]:.0f}%)"
        return None, ""

    def siblings(
        self, review: Review, known: Known, record: RecommendationRecord, states: set[str], norm: str
    ) -> list[Known]:
        """Other records of the same recommendation, numbered per recommending State by an earlier
        document, that ``record`` (one paragraph naming several States) shows to be one with ``known``."""
        if len(states) < 2 or not norm:
            return []
        knowns = self.by_review.get(review.id, [])
        candidates = [*self.by_norm.get((review.id, norm), [])]
        if review.id in self.texts:
            candidates += [knowns[position] for _, position in self.texts[review.id].similar(norm)]
        found: list[Known] = []
        for other in candidates:
            if (
                other is known
                or other.merged
                or other in found
                or not other.states
                or not other.states <= states
                or other.states & known.states
                or record.ref_scheme in other.numbered
            ):
                continue
            found.append(other)
        return found

    def parts(self, review: Review, scheme: str, ref: str) -> list[str]:
        """The clauses ("a", "b"...) a paragraph is held as, when it is not held whole."""
        found: list[str] = []
        for letter in ascii_lowercase:
            if (review.id, scheme, ref, letter) not in self.by_ref:
                break
            found.append(letter)
        return found

    def placeholder(self, review: Review, record: RecommendationRecord) -> Known | None:
        """A recommendation known so far by its number only (an addendum imported before its report)."""
        known = self.by_ref.get((review.id, record.ref_scheme, record.ref, ""))
        return known if known is not None and not known.norm and not known.merged else None

    def fill(self, review: Review, known: Known, norm: str) -> None:
        """A placeholder gets its text: it can be found by it from now on."""
        known.norm = norm
        self.by_norm[(review.id, norm)].append(known)

    def merge(self, keep: Known, other: Known) -> None:
        other.merged = True
        keep.states |= other.states
        for scheme, taken in other.numbered.items():
            keep.numbered[scheme] |= taken
        for key, known in list(self.by_ref.items()):
            if known is other:
                self.by_ref[key] = keep


class Terms:
    """Labels (and aliases) → terms of the vocabulary version a document belongs to; labels no version
    holds become unmatched terms of that version (kept on the record, listed for an editor)."""

    def __init__(self, parsed: ParsedDocument) -> None:
        review_year = parsed.review.year if parsed.review else None
        self.year = parsed.published_on.year if parsed.published_on else (review_year or 9999)
        self.maps: dict[tuple[str, int], dict[str, Term]] = {}

    def lookup(self, code: str, place: Place, year: int | None = None) -> dict[str, Term]:
        """Labels of the latest version of ``code`` begun by ``year`` (default: the document's)."""
        year = year or self.year
        if (code, year) not in self.maps:
            mapping = terms_by_label(code, year, unmatched=True)
            if mapping is None:
                raise DocumentRejected(
                    f"the vocabulary {code!r} is not loaded; "
                    "load it first with `rightstrack vocab import FILE`",
                    place,
                )
            self.maps[(code, year)] = mapping
        return self.maps[(code, year)]

    def term(self, code: str, label: str, place: Place, year: int | None = None) -> tuple[Term, bool]:
        """The term ``label`` names in ``code``, and whether it is known; an unmatched one is created
        (``unmatched=True``, label as written) in the version the document uses."""
        mapping = self.lookup(code, place, year)
        term = mapping.get(label.casefold())
        if term is not None:
            return term, not term.unmatched
        vocabulary = vocabulary_version(code, year or self.year)
        term, _ = Term.objects.get_or_create(vocabulary=vocabulary, label=label, defaults={"unmatched": True})
        mapping[label.casefold()] = term
        return term, not term.unmatched


@dataclass
class Stored:
    """What storing the recommendations of one document did."""

    by_ref: dict[tuple[int, str, str], Recommendation] = field(default_factory=dict)
    by_number: dict[tuple[int, str], Recommendation] = field(
        default_factory=dict
    )  # (review, ref), any scheme
    created: int = 0
    merged: int = 0
    problems: list[str] = field(default_factory=list)
    created_ids: set[int] = field(default_factory=set)  # recommendations this document created
    levelled: set[int] = field(default_factory=set)  # given an assessment or a published level


def resolve_states(record: RecommendationRecord) -> set[str]:
    codes = set()
    for name in record.recommending_states:
        code = resolve_state(name)
        if code is None:
            raise DocumentRejected(f"recommending State {name!r} is not in the State register", record.place)
        codes.add(code)
    return codes


def _in_document_order(record: RecommendationRecord) -> list[str]:
    """The codes of the record's recommending States in the order it names them, once each."""
    return [
        code for code in dict.fromkeys(resolve_state(name) for name in record.recommending_states) if code
    ]


def store_recommendations(
    parsed: ParsedDocument, reviews: Reviews, index: Index, places: Places, progress: Progress | None = None
) -> Stored:
    stored = Stored()
    total = len(parsed.recommendations)
    terms = Terms(parsed)
    new: list[Recommendation] = []
    refs: list[tuple[Known, RecommendationRecord, set[str], list[str], bool]] = []
    touched: dict[int, Known] = {}
    matched_existing: set[int] = set()
    answers = Answers(parsed)
    merges: list[tuple[Known, Known]] = []
    reviews.prefetch(record.review or parsed.review for record in parsed.recommendations)
    index.load_many(reviews.cache.values())
    records = _by_clause(parsed, reviews, index)
    filled: list[Recommendation] = []  # placeholders that got their text
    inherits: list[tuple[Known, Known]] = []  # (a clause, the placeholder of its paragraph)
    for done, record in enumerate(records, start=1):
        if progress and (done % 500 == 0 or done == total):
            progress("matching recommendations", done, total)
        review = reviews.get(record.review or parsed.review, record.place)
        index.load(review)
        states = resolve_states(record)
        norm = normalise(record.text)
        known, how = index.match(review, record, states, norm)
        placeholder = index.placeholder(review, record) if norm and record.ref_part else None
        if known is None and placeholder is not None and not placeholder.norm:
            known, how = placeholder, "reference"  # the paragraph's first clause takes its place
        if known is not None and norm and not known.norm:
            index.fill(review, known, norm)
            known.obj.text = record.text
            filled.append(known.obj)
        if known is None and not parsed.creates_recommendations:
            raise DocumentRejected(
                f"{record.ref_scheme} {record.ref} is not a recommendation of {review}", record.place
            )
        if known is None and not norm and not (record.response and record.response_kind == "final"):
            raise DocumentRejected(
                f"{record.ref_scheme} {record.ref} is not a recommendation of {review} and the document does "
                "not give its text: import the document that does (the Working Group report) first",
                record.place,
            )
        if known is None:
            obj = _new_recommendation(
                review,
                {
                    "text": record.text,
                    "action_category": record.action_category,
                    "group": record.group,
                    "theme_heading": record.theme_heading[:200],
                    "sort_key": sort_key(record.ref),
                    "context": record.context,
                    "follow_up_due": record.follow_up_due,
                    "follow_up_due_text": record.follow_up_due_text[:100],
                },
            )
            new.append(obj)
            known = index._add(review.id, Known(norm, set(), instance=obj))
            stored.created += 1
            if not norm:  # a final position on a number: its text comes with the report
                stored.problems.append(
                    f"{record.place.describe()}: {record.ref_scheme} {record.ref} is not yet known; kept by "
                    "its number with its position until the document that gives its text is imported"
                )
            elif placeholder is not None:
                inherits.append((known, placeholder))
        elif how != "reference":
            stored.merged += 1
            if how.startswith("similar"):
                _add_variant(known.obj, record, how, places)
                stored.problems.append(
                    f"{record.place.describe()}: {record.ref_scheme} {record.ref} matched an existing "
                    f"recommendation by {how}"
                )
            if known.obj.id:
                matched_existing.add(known.obj.id)
        for sibling in index.siblings(review, known, record, states, norm):
            index.merge(known, sibling)
            merges.append((known, sibling))
            stored.problems.append(
                f"{record.place.describe()}: {record.ref_scheme} {record.ref} names the States of several "
                "records of an earlier document: merged into one recommendation"
            )
        ref_key = (review.id, record.ref_scheme, record.ref, record.ref_part)
        is_new_ref = ref_key not in index.by_ref
        if is_new_ref:
            index.by_ref[ref_key] = known
            known.numbered[record.ref_scheme].add(next(iter(states)) if len(states) == 1 else None)
        _fill_blanks(known.obj, record)
        answers.add(known.obj, record)
        added = [code for code in _in_document_order(record) if code in states and code not in known.states]
        known.states |= states
        refs.append((known, record, states, added, is_new_ref))
        touched[id(known)] = known
    answers.decide_new()
    with fts_suspended(Recommendation) as inserted:
        inserted += insert_objects(new)
    stored.created_ids.update(inserted)
    _write_links(parsed, refs, reviews, places, terms, stored)
    for keep, other in merges:
        if other.obj.pk is not None and keep.obj.pk is not None:
            merge_into(keep.obj, [other.obj])
            stored.levelled.add(keep.obj.pk)
    repositioned = {obj.pk for obj in answers.write(places.document)}
    if filled:
        Recommendation.objects.bulk_update([obj for obj in filled if obj.pk], ["text"], batch_size=BATCH)
    if inherits:
        inherit_positions([(clause.obj, whole.obj) for clause, whole in inherits])
    existing = [
        k.obj
        for k in touched.values()
        if not k.merged and (k.obj.id in matched_existing or k.obj.id in repositioned)
    ]
    if existing:
        Recommendation.objects.bulk_update(
            existing,
            [
                "action_category",
                "text_variants",
                "text_conflict",
                "context",
                "follow_up_due",
                "follow_up_due_text",
                *POSITION_FIELDS,
            ],
            batch_size=BATCH,
        )
    return stored


def _new_recommendation(review: Review, values: dict[str, Any]) -> Recommendation:
    """``Recommendation(review=review, **values)``, built without ``Model.__init__`` (three times as fast)."""
    values["review_id"] = review.id
    obj = _BLUEPRINT.make(values)
    _REVIEW.set_cached_value(obj, review)
    return obj


def _by_clause(parsed: ParsedDocument, reviews: Reviews, index: Index) -> list[RecommendationRecord]:
    """The document's records, a text-less one (an addendum's number) on a paragraph held as clauses
    given once per clause: "122.17" answers 122.17a and 122.17b alike."""
    records: list[RecommendationRecord] = []
    for record in parsed.recommendations:
        if not record.text.strip() and not record.ref_part:
            review = reviews.get(record.review or parsed.review, record.place)
            parts = index.parts(review, record.ref_scheme, record.ref)
            if parts:
                records.extend(replace(record, ref_part=part) for part in parts)
                continue
        records.append(record)
    return records


def _add_variant(obj: Recommendation, record: RecommendationRecord, how: str, places: Places) -> None:
    """Keep another document's wording of the recommendation beside its text: a conflict to look at."""
    variant = {
        "document": places.document.name,
        "place": record.place.describe(),
        "text": record.text,
        "similarity": how.removeprefix("similar text ").strip("()"),
    }
    if variant not in obj.text_variants:
        obj.text_variants = [*obj.text_variants, variant]
        obj.text_conflict = True


def _fill_blanks(obj: Recommendation, record: RecommendationRecord) -> None:
    if record.context and not obj.context:
        obj.context = record.context
    if record.follow_up_due and not obj.follow_up_due:
        obj.follow_up_due, obj.follow_up_due_text = record.follow_up_due, record.follow_up_due_text[:100]
    if record.action_category and obj.action_category is None:
        obj.action_category = record.action_category


def _fit_label(label: str) -> str:
    """``label``, or its beginning and "…" when it is longer than a term's label may be."""
    limit = Term._meta.get_field("label").max_length or len(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _write_links(
    parsed: ParsedDocument,
    refs: list[tuple[Known, RecommendationRecord, set[str], list[str], bool]],
    reviews: Reviews,
    places: Places,
    terms: Terms,
    stored: Stored,
) -> None:
    """References, recommending States, terms and places of every record, in batches."""
    ref_rows: list[tuple[Any, ...]] = []
    state_rows: list[tuple[int, str]] = []
    term_rows: list[tuple[int, int, str, bool]] = []
    levels: list[tuple[PublishedLevel, Place]] = []
    through = Recommendation.recommending_states.through
    grades = {grade.code: grade for grade in Grade.objects.filter(scheme__code="iri")}
    #: (vocabulary, label as written, year) → (label as kept, term id, whether the vocabulary holds it)
    resolved: dict[tuple[str, str, int | None], tuple[str, int, bool]] = {}
    origin = RecommendationTerm.Origin.DOCUMENT.value
    for known, record, states, added, is_new_ref in refs:
        obj = known.obj
        review = reviews.get(record.review or parsed.review)
        stored.by_ref.setdefault((review.id, record.ref_scheme, record.ref), obj)
        stored.by_number.setdefault((review.id, record.ref), obj)
        if is_new_ref:
            state_id = next(iter(states)) if len(states) == 1 else None
            ref_rows.append((review.id, obj.id, record.ref_scheme, record.ref, record.ref_part, state_id))
        for code in added:
            state_rows.append((obj.id, code))
        year = record.review.year if record.review else None
        for written_code, labels in record.terms.items():
            code = written_code.removesuffix(UNMATCHED)  # the parser has said why; kept all the same
            for written in labels:
                found = resolved.get((code, written, year))
                if found is None:
                    label = _fit_label(written)
                    term, in_vocabulary = terms.term(code, label, record.place, year)
                    found = resolved[(code, written, year)] = (label, term.id, in_vocabulary)
                label, term_id, in_vocabulary = found
                if label != written:
                    stored.problems.append(
                        f"{record.place.describe()}: {code} label of {len(written)} characters kept as its "
                        f"first {len(label) - 1}: {label!r}"
                    )
                if not in_vocabulary and code == written_code:
                    stored.problems.append(
                        f"{record.place.describe()}: {label!r} is not a label of {code}; kept on the record, "
                        "marked as not in the vocabulary"
                    )
                term_rows.append((obj.id, term_id, origin, True))
        if record.published_level is not None:
            level = PublishedLevel(
                recommendation=obj,
                grade=grades.get(record.published_level),
                undetermined=record.published_level == UNDETERMINED,
                document=places.document,
            )
            if level.grade is None and not level.undetermined:
                raise DocumentRejected(f"{record.published_level!r} is not an IRI level", record.place)
            levels.append((level, record.published_level_place or record.place))
            stored.levelled.add(obj.id)
        places.add(obj, record.place)
    insert_rows(
        RecommendationRef, ["review_id", "recommendation_id", "scheme", "value", "part", "state_id"], ref_rows
    )
    insert_rows(through, ["recommendation_id", "state_id"], state_rows)
    insert_rows(RecommendationTerm, ["recommendation_id", "term_id", "origin", "confirmed"], term_rows)
    PublishedLevel.objects.bulk_create([level for level, _ in levels], batch_size=BATCH)
    for level, place in levels:
        places.add(level, place)
