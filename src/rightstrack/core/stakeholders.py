"""Kinds of stakeholders who assess recommendations.

A treaty body (the Human Rights Committee, CAT...) is a committee of independent experts, not a UN agency:
the importers of its documents give it the kind ``treaty_body``.
"""

STAKEHOLDER_KINDS: dict[str, str] = {
    "state": "State",
    "nhri": "National human rights institution",
    "ngo": "Non-governmental organisation",
    "un_agency": "UN agency",
    "treaty_body": "Treaty body",
    "coalition": "Coalition",
    "academic": "Academic",
    "follow_up_programme": "Follow-up programme",
}
