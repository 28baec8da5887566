"""Signing in, with throttling: repeated failures for one account from one address lock it for a while."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _


def _key(request: HttpRequest | None, username: str) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    digest = hashlib.sha256(f"{username.casefold()}|{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses to check a password after too many failures for this account from this address."""

    def clean(self) -> dict[str, Any]:
        key = _key(self.request, str(self.data.get("username", "")))
        if cache.get(key, 0) >= settings.LOGIN_FAILURES_ALLOWED:
            minutes = settings.LOGIN_LOCKOUT_SECONDS // 60
            raise ValidationError(
                _("Too many failed sign-ins. Try again in %(minutes)d minutes.") % {"minutes": minutes},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            cache.set(key, cache.get(key, 0) + 1, settings.LOGIN_LOCKOUT_SECONDS)
            raise
        cache.delete(key)
        return cleaned


class ThrottledAdminAuthenticationForm(ThrottledAuthenticationForm, AdminAuthenticationForm):
    pass


class ThrottledLoginView(LoginView):
    form_class = ThrottledAuthenticationForm
