"""The people of the browser tests: a user with a role, signed in through the login page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from rightstrack.assessments.models import Stakeholder
from rightstrack.portal.models import Membership, Role

PASSWORD = "a-long-test-passphrase"


def person(name: str, role: Role, organisation: Stakeholder | None = None) -> User:
    """A user ``name`` with ``role`` (for ``organisation``, a contributor's)."""
    user = User.objects.create_user(name, f"{name}@example.org", PASSWORD)
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


def sign_in(page: Any, base: str, name: str) -> None:
    """Sign ``name`` in on the login page and wait for the portal."""
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.narrow button[type=submit]")
    page.wait_for_url(f"{base}/portal/")
