"""Words that reach templates as data (IRI outcomes, statuses), marked here for translation."""

from django.utils.translation import gettext_noop

OUTCOMES = (
    gettext_noop("not implemented"),
    gettext_noop("partially implemented"),
    gettext_noop("fully implemented"),
    gettext_noop("undetermined"),
    gettext_noop("no answer"),
)

#: Stakeholder kinds (``core.stakeholders.STAKEHOLDER_KINDS``' labels), for ``{% translate %}``.
STAKEHOLDER_KINDS = (
    gettext_noop("State"),
    gettext_noop("National human rights institution"),
    gettext_noop("Non-governmental organisation"),
    gettext_noop("UN agency"),
    gettext_noop("Treaty body"),
    gettext_noop("Coalition"),
    gettext_noop("Academic"),
    gettext_noop("Follow-up programme"),
)

#: Mechanisms' names (``core.mechanisms``), for ``{% translate review.mechanism.name %}``.
MECHANISM_NAMES = (
    gettext_noop("Universal Periodic Review"),
    gettext_noop("Human Rights Committee"),
    gettext_noop("Committee on Economic, Social and Cultural Rights"),
    gettext_noop("Committee against Torture"),
    gettext_noop("Subcommittee on Prevention of Torture"),
    gettext_noop("Committee on the Elimination of Discrimination against Women"),
    gettext_noop("Committee on the Elimination of Racial Discrimination"),
    gettext_noop("Committee on the Rights of the Child"),
    gettext_noop("Committee on Migrant Workers"),
    gettext_noop("Committee on the Rights of Persons with Disabilities"),
    gettext_noop("Committee on Enforced Disappearances"),
    gettext_noop("Special procedures of the Human Rights Council"),
    gettext_noop("OSCE Office for Democratic Institutions and Human Rights"),
    gettext_noop("Council of Europe bodies"),
    gettext_noop("Inter-American Commission on Human Rights"),
    gettext_noop("African Commission on Human and Peoples' Rights"),
)

#: Positions and other words of the data (``core.positions``), for ``{% translate %}``.
POSITIONS = (
    gettext_noop("supported"),
    gettext_noop("noted"),
    gettext_noop("supported/noted"),
    gettext_noop("already implemented"),
    gettext_noop("will examine"),
    gettext_noop("Planned"),
    gettext_noop("In progress"),
    gettext_noop("Done"),
    gettext_noop("Dropped"),
)
