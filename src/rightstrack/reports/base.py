"""What a report request holds: the State, the language, the options; finding reviews and dates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from rightstrack.core.states import resolve_state
from rightstrack.documents.models import SourceDocument
from rightstrack.recommendations.models import Review, State
from rightstrack.reports.errors import ReportError


@dataclass
class Request:
    """One report to make: the State, the language and the options of its kind, checked."""

    kind: str
    state: State
    language: str
    options: dict[str, Any] = field(default_factory=dict)

    def text(self, name: str) -> str | None:
        value = self.options.get(name)
        return None if value in (None, "") else str(value)

    def number(self, name: str) -> int | None:
        value = self.options.get(name)
        if value in (None, ""):
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ReportError(f"option {name}={value!r}: give a whole number") from None

    def date(self, name: str) -> datetime.date | None:
        """The option ``name`` as a date (``None`` when not given); ReportError unless YYYY-MM-DD."""
        value = self.options.get(name)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if value in (None, ""):
            return None
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise ReportError(f"option {name}={value!r}: write it as YYYY-MM-DD") from None

    def stated_date(self, documents: list[SourceDocument] | None = None) -> datetime.date:
        """The ``date`` option, else the latest date of the report's documents, else of the State's."""
        stated = self.date("date")
        if stated is not None:
            return stated
        dates = [d.published_on for d in documents or [] if d.published_on is not None]
        latest = max(dates, default=None) or latest_document_date(self.state)
        if latest is None:
            raise ReportError(
                f"no source document about {self.state.code} states its date: give the report's date "
                "(date=YYYY-MM-DD)"
            )
        return latest


def find_state(name: str) -> State:
    code = resolve_state(name) if name else None
    found = State.objects.filter(code=code).first() if code else None
    if found is None:
        raise ReportError(f"unknown State {name!r}: give its ISO code (e.g. KAZ) or UN name")
    return found


def latest_document_date(state: State) -> datetime.date | None:
    """The latest publication date of any source document that holds data about ``state``."""
    from rightstrack.recommendations.models import Recommendation

    recommendations = Recommendation.objects.filter(review__state=state)
    documents = SourceDocument.objects.filter(
        Q(places__content_type__model="recommendation", places__object_id__in=recommendations.values("pk"))
        | Q(assessment__recommendation__review__state=state)
        | Q(actionplan__state=state)
        | Q(issuesummary__review__state=state)
        | Q(suggestion__review__state=state)
        | Q(followupcampaign__review__state=state)
        | Q(treatystatus__state=state)
    ).exclude(published_on=None)
    return documents.order_by("-published_on").values_list("published_on", flat=True).first()


def find_review(state: State, mechanism: str, cycle: int | None, candidates: list[Review]) -> Review:
    """The review of ``cycle`` among ``candidates`` (the latest one when no cycle is given)."""
    if cycle is not None:
        for review in candidates:
            if review.cycle == cycle:
                return review
        raise ReportError(f"no {mechanism} review of {state.code} in cycle {cycle} has data for this report")
    if not candidates:
        raise ReportError(f"no {mechanism} review of {state.code} has data for this report")
    return max(candidates, key=lambda r: (r.cycle or 0, r.year or 0, r.pk))


def ordinal(number: int | None) -> str:
    """1st, 2nd, 3rd, 4th... (English; Russian texts use the number alone)."""
    if number is None:
        return ""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
