"""Helpers the report kinds share: labels in the active language, dates, names."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.utils import formats, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from rightstrack.assessments.models import Assessment, CampaignContact, Stakeholder
from rightstrack.core.iri import Outcome
from rightstrack.core.state_names import state_name
from rightstrack.recommendations.models import Recommendation, State
from rightstrack.recommendations.states import in_order as states_in_order

#: Kinds of contacted stakeholders in a follow-up round (``CampaignContact.group``).
CONTACT_GROUPS = {
    "ngo": gettext_noop("NGOs"),
    "un_agency": gettext_noop("UN agencies"),
    "state": gettext_noop("the State"),
    "nhri": gettext_noop("NHRI"),
}


def contact_summary(contact: CampaignContact) -> str:
    """Who a follow-up round asked and who answered, in RightsTrack's words (the programme's own
    sentence, kept in ``CampaignContact.note``, is its wording, not ours)."""
    if contact.group == "reports":
        return _("Stakeholders' reports submitted for the review: %(n)s.") % {"n": contact.contacted}
    group = capfirst(_(CONTACT_GROUPS.get(contact.group, contact.group)))
    if contact.responded is None:
        return _("%(group)s asked: %(contacted)s.") % {"group": group, "contacted": contact.contacted}
    return _("%(group)s asked: %(contacted)s; answered: %(responded)s.") % {
        "group": group,
        "contacted": contact.contacted,
        "responded": contact.responded,
    }


def level_label(outcome: Outcome | str) -> str:
    """An IRI outcome in the active language ("not implemented" → "не выполнена")."""
    return _(str(outcome.value if isinstance(outcome, Outcome) else outcome))


def response_label(value: str, stage: str = "", qualifier: str = "") -> str:
    """The State's position as a report prints it, in the active language."""
    return Recommendation(response=value, wg_stage=stage, position_qualifier=qualifier).position_label or "–"


def long_date(value: datetime.date) -> str:
    return formats.date_format(value, "j E Y")


def stakeholder_label(stakeholder: Stakeholder) -> str:
    """ "Forum 18 News Service (F18)", or the name alone."""
    acronym = stakeholder.acronym
    return f"{stakeholder.name} ({acronym})" if acronym and acronym != stakeholder.name else stakeholder.name


def state_label(state: State) -> str:
    """A State by its UN name in the active language ("Kazakhstan" → "Казахстан")."""
    return state_name(state.code, translation.get_language() or "en", state.name)


def state_names(recommendation: Recommendation) -> str:
    return ", ".join(state_label(state) for state in states_in_order(recommendation))


def paragraphs(text: str) -> list[str]:
    """A stored text's paragraphs (blank-line separated), stripped, empty ones dropped."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def unique_assessments(assessments: Iterable[Assessment]) -> list[Assessment]:
    """One assessment per stakeholder and text: a joint answer is stored on each recommendation it
    answers, but is printed once."""
    seen: set[tuple[int, str]] = set()
    kept = []
    for assessment in assessments:
        key = (assessment.stakeholder_id, assessment.shown_text.strip())
        if key not in seen:
            seen.add(key)
            kept.append(assessment)
    return kept


def number_key(text: str) -> tuple[tuple[int, str], ...]:
    """Sorts "2" < "10" < "10a": numbers as numbers, the rest as text."""
    return tuple((int(part), "") if part.isdigit() else (0, part) for part in re.findall(r"\d+|\D+", text))
