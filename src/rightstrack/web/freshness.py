"""When the published picture last changed: the key that lets pages be cached without going stale.

Every change that can alter a public page leaves a trace this reads in one small query: an import adds
a source document, any assessment change adds a history row, an editor's decision on a machine
suggestion stamps it, links are recomputed as a whole, the levels suggested from evidence are stored
anew after every linking and every decision on an evidence link, and a follow-up round's contacts and
invitations (the dashboard's response rate) are counted. Cached pages also expire after
:data:`MAX_AGE` seconds, for the rare edit made elsewhere (the admin).
"""

from __future__ import annotations

from django.db import connection

MAX_AGE = 300

_QUERY = """
SELECT (SELECT MAX(id) FROM documents_sourcedocument),
       (SELECT MAX(id) FROM assessments_assessmenthistory),
       (SELECT MAX(decided_at) FROM assist_labelsuggestion),
       (SELECT MAX(id) FROM recommendations_recommendationlink),
       (SELECT MAX(id) FROM recommendations_recommendationterm),
       (SELECT MAX(id) FROM assessments_campaigncontact),
       (SELECT COUNT(*) FROM portal_campaigninvitation), (SELECT MAX(id) FROM portal_campaigninvitation),
       (SELECT COUNT(*) FROM evidence_suggestedlevel), (SELECT MAX(id) FROM evidence_suggestedlevel)
"""


def data_version() -> str:
    """A short string that changes whenever the data behind the public pages changes."""
    with connection.cursor() as cursor:
        cursor.execute(_QUERY)
        row = cursor.fetchone()
    return "-".join("" if value is None else str(value) for value in row)
