"""Words that reach templates as data (IRI outcomes, statuses), marked here for translation."""

from django.utils.translation import gettext_noop

OUTCOMES = (
    gettext_noop("not implemented"),
    gettext_noop("partially implemented"),
    gettext_noop("fully implemented"),
    gettext_noop("undetermined"),
    gettext_noop("no answer"),
)
