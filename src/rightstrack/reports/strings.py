"""Texts the reports translate at run time but that are written elsewhere (the chart specs of
``core/charts.py``, which must stay free of Django): marked here so ``makemessages`` finds them."""

from django.utils.translation import gettext_noop

CHART_TEXTS = (
    gettext_noop("Recommendations received per cycle"),
    gettext_noop("Bars: number of recommendations per review cycle, coloured by mechanism."),
    gettext_noop("Supported and noted recommendations"),
    gettext_noop(
        "Stacked bars: per UPR cycle, how many recommendations the State supported or noted, and how many "
        "still wait for its answer."
    ),
    gettext_noop("Implementation per theme"),
    gettext_noop(
        "Horizontal stacked bars: for each theme, how many recommendations are fully, partially or not "
        "implemented, undetermined or without answer."
    ),
    gettext_noop("Follow-up: who was asked and who answered"),
    gettext_noop("Stacked bars: per kind of stakeholder, how many were contacted and how many responded."),
    gettext_noop("Where the State and civil society disagree"),
    gettext_noop(
        "Points: per theme, the mean implementation score (0 = not, 1 = fully) the State claims and the one "
        "other stakeholders claim."
    ),
    gettext_noop("Cycle"),
    gettext_noop("UPR cycle"),
    gettext_noop("Position"),
    gettext_noop("Recommendations (count)"),
    gettext_noop("Mechanism"),
    gettext_noop("Response"),
    gettext_noop("Implementation (IRI)"),
    gettext_noop("Stakeholders"),
    gettext_noop("Stakeholders (count)"),
    gettext_noop("Answer"),
    gettext_noop("Mean IRI score (0–1)"),
    gettext_noop("Who says so"),
    gettext_noop("responded"),
    gettext_noop("did not respond"),
    gettext_noop("supported"),
    gettext_noop("supported/noted"),
    gettext_noop("noted"),
    gettext_noop("pending (will be examined)"),
    gettext_noop("not given"),
    gettext_noop("fully implemented"),
    gettext_noop("partially implemented"),
    gettext_noop("not implemented"),
    gettext_noop("undetermined"),
    gettext_noop("no answer"),
    gettext_noop("the State"),
    gettext_noop("civil society"),
)
