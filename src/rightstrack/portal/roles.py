"""What a role means for Django itself: editors work in the admin too, with the permissions of the
"Editors" group (every model of RightsTrack's own apps, nothing of user accounts)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

from rightstrack.portal.models import Role

EDITORS = "Editors"
EDITOR_APPS = (
    "documents",
    "recommendations",
    "assessments",
    "actionplans",
    "treaties",
    "portal",
)


def sync_editor_group(**kwargs: Any) -> None:
    """Create or complete the "Editors" group (runs after every migrate)."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))


def grant_role(user: Any, role: Role) -> None:
    """Give ``user`` what ``role`` needs beyond the portal: admin access for editors."""
    if role in (Role.EDITOR, Role.ADMIN):
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        sync_editor_group()
        user.groups.add(Group.objects.get(name=EDITORS))
