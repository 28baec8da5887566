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
