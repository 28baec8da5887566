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

#: The follow-up grades of the treaty bodies' schemes (``core.grading``), for ``{% translate grade.label %}``.
GRADE_LABELS = (
    gettext_noop("Response/action largely satisfactory"),
    gettext_noop("Response/action partially satisfactory"),
    gettext_noop("Response/action not satisfactory"),
    gettext_noop("No cooperation with the Committee"),
    gettext_noop("Information or measures contrary to or reflecting rejection of the recommendation"),
    gettext_noop("Response fully satisfactory"),
    gettext_noop("Response largely satisfactory"),
    gettext_noop("Partially satisfactory: progress made, additional information needed"),
    gettext_noop("Partially satisfactory: progress made, additional action required"),
    gettext_noop("Partially satisfactory: initial action taken, implementation pending"),
    gettext_noop("Response not satisfactory"),
    gettext_noop("No information available"),
    gettext_noop("Reply/action satisfactory: response largely satisfactory"),
    gettext_noop("Substantive action taken, but additional information required"),
    gettext_noop("Initial action taken, but additional information and measures required"),
    gettext_noop("Response received but actions taken do not implement the recommendation"),
    gettext_noop("Response received but not relevant to the recommendation"),
    gettext_noop(
        "No response received within the deadline, or no reply to a specific question in the report"
    ),
    gettext_noop("No response received after reminder(s)"),
    gettext_noop(
        "Response indicates that the measures taken are contrary to the Committee's recommendations"
    ),
)

#: Django's own empty choice of a select (Django 6), missing from its Russian catalogue.
BLANK_CHOICE = gettext_noop("- Select an option -")

#: The grading schemes' names (``core.grading``).
SCHEME_NAMES = (
    gettext_noop("UPR Info implementation levels (IRI)"),
    gettext_noop("Human Rights Committee follow-up grades (A–E)"),
    gettext_noop("Human Rights Committee follow-up grades (A1–C, N/A)"),
    gettext_noop("Human Rights Committee follow-up grades (A, B1–C2, D1–D2, E)"),
)
