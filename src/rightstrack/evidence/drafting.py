"""A follow-up programme turns a recommendation's confirmed evidence into a draft assessment.

The editor chooses the grade under any grading scheme (the IRI's levels, the Committee's A–E, …) and
the stakeholder whose assessment it is; the confirmed paragraphs' quotes, with their documents,
paragraphs and sources, become its words. The assessment is made by
:func:`rightstrack.assessments.workflow.create_draft` — a draft with a history row — and is public
only once submitted and published through the workflow.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from rightstrack.assessments.models import Assessment, Grade, Stakeholder
from rightstrack.assessments.workflow import Refused, create_draft
from rightstrack.evidence.decisions import shown_links
from rightstrack.evidence.models import Decision
from rightstrack.recommendations.models import Recommendation

LEVEL_BASIS = "graded by an editor from confirmed evidence"


class DraftRefused(Refused):
    """A draft that cannot be made; ``field`` names the input at fault (for the API's answer):
    ``stakeholder``, ``scheme``, ``grade`` or ``recommendation``."""

    def __init__(self, reason: str, field: str) -> None:
        super().__init__(reason)
        self.field = field


def draft_choices() -> list[tuple[str, str]]:
    """The grades an editor can choose, every scheme's: ("scheme:code", "Scheme name: code — label")."""
    return [
        (f"{grade.scheme.code}:{grade.code}", f"{grade.scheme.name}: {grade.code} — {grade.label}")
        for grade in Grade.objects.select_related("scheme").order_by("scheme__code", "order")
    ]


def draft_stakeholders() -> list[str]:
    """What the form offers to type: each stakeholder's acronym, or its name when it has none."""
    return sorted(
        {acronym or name for acronym, name in Stakeholder.objects.values_list("acronym", "name")},
        key=str.casefold,
    )


def find_stakeholder(name: str) -> Stakeholder:
    """The stakeholder named (its acronym or its full name, in any case), or :class:`Refused`."""
    wanted = name.strip()
    found = list(Stakeholder.objects.filter(Q(acronym__iexact=wanted) | Q(name__iexact=wanted))[:2])
    if not wanted or len(found) != 1:
        raise DraftRefused(
            _("No single stakeholder is named %(name)s: give its acronym or its full name.")
            % {"name": wanted},
            "stakeholder",
        )
    return found[0]


def draft_from_evidence(
    recommendation: Recommendation, stakeholder: Stakeholder, scheme: str, grade: str, user: Any
) -> Assessment:
    """A draft assessment of ``recommendation`` by ``stakeholder`` graded ``grade`` under ``scheme``,
    its words the quotes of the confirmed evidence; :class:`Refused` says why it cannot be made."""
    chosen = Grade.objects.filter(scheme__code=scheme, code=grade).select_related("scheme").first()
    if chosen is None:
        raise DraftRefused(
            _("The grading scheme %(scheme)s has no grade %(grade)s.") % {"scheme": scheme, "grade": grade},
            "grade" if Grade.objects.filter(scheme__code=scheme).exists() else "scheme",
        )
    confirmed = [
        item for item in shown_links(recommendation, editor=False) if item.link.decision == Decision.CONFIRMED
    ]
    if not confirmed:
        raise DraftRefused(
            _("This recommendation has no confirmed evidence yet: confirm a paragraph first."),
            "recommendation",
        )
    if Assessment.private_objects.filter(
        recommendation=recommendation, stakeholder=stakeholder, document=None, sub_item=""
    ).exists():
        raise DraftRefused(
            _("%(stakeholder)s already has an assessment of this recommendation: edit that one.")
            % {"stakeholder": stakeholder},
            "stakeholder",
        )
    places = []
    lines = []
    for item in confirmed:
        paragraph = item.link.paragraph
        place = f"{paragraph.document.symbol or paragraph.document.title} para. {paragraph.number}"
        places.append(place)
        who = f" ({paragraph.source_names()})" if paragraph.sources else ""
        lines.append(f"“{item.quote}” — {place}{who}")
    return create_draft(
        user,
        recommendation=recommendation,
        stakeholder=stakeholder,
        grade=chosen,
        level_basis=LEVEL_BASIS,
        original_text="\n".join(lines),
        source_note="; ".join(places)[:500],
    )
