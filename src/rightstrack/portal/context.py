"""Template context for every page: the visitor's role in the portal."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from rightstrack.portal import permissions


def portal(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    role = permissions.role_of(user)
    return {"portal_role": role, "perms_editor": permissions.is_editor(user)}
