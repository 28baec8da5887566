"""Kinds of stakeholders who assess recommendations."""

STAKEHOLDER_KINDS: dict[str, str] = {
    "state": "State",
    "nhri": "National human rights institution",
    "ngo": "Non-governmental organisation",
    "un_agency": "UN agency",
    "coalition": "Coalition",
    "academic": "Academic",
    "follow_up_programme": "Follow-up programme",
}
