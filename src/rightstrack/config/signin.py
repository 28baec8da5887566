"""Signing in with django-axes: failures counted in the database, per account and address and per address.

Every gunicorn process sees the same counts, and the address is the client's behind the trusted
proxy (``config.clients``). The sign-in page, the admin's and ``POST /api/token/`` use
:class:`SignInForm`: once an account from an address, or an address, has used up its failures, the
password is not even checked until the window has passed. Password-reset e-mails are throttled per
address and per e-mail address too.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.views import LoginView, PasswordResetView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from rightstrack.config.clients import client_ip
from rightstrack.config.throttling import over_count


class LockoutBackend(AxesStandaloneBackend):  # type: ignore[misc]  # axes ships no type information
    """Axes' check before any password is tried; a call without a request (a script) is not counted."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> AbstractBaseUser | None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)  # type: ignore[no-any-return]


def _lockout_message() -> str:
    minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
    return _("Too many failed sign-ins. Try again in %(minutes)d minutes.") % {"minutes": minutes}


class SignInForm(AuthenticationForm):
    """Refuses to check a password while the account from this address, or the address, is locked."""

    def clean(self) -> dict[str, Any]:
        if self.request is not None:
            credentials = {"username": str(self.data.get("username", ""))}
            if AxesProxyHandler.is_locked(self.request, credentials):
                self.request.rightstrack_refused = True  # type: ignore[attr-defined]
                self.request.axes_locked_out = True  # type: ignore[attr-defined]
                raise ValidationError(_lockout_message(), code="throttled")
        return super().clean()


class AdminSignInForm(SignInForm, AdminAuthenticationForm):
    pass


class SignInView(LoginView):
    form_class = SignInForm


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """Axes' answer to a locked-out request (``AXES_LOCKOUT_CALLABLE``).

    The failure that reaches the limit keeps its page ("wrong password"); a refused attempt keeps its
    page too, which already says why, with status 429; anything else gets the message alone.
    """
    if original_response is not None and not getattr(request, "rightstrack_refused", False):
        return original_response
    if original_response is not None:
        original_response.status_code = 429
        return original_response
    return HttpResponse(_lockout_message(), status=429, content_type="text/plain; charset=utf-8")


class ThrottledPasswordResetView(PasswordResetView):
    """At most ``PASSWORD_RESETS_ALLOWED`` e-mails per address and per e-mail address in the window."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        allowed, window = settings.PASSWORD_RESETS_ALLOWED, settings.PASSWORD_RESET_WINDOW_SECONDS
        email = str(form.cleaned_data.get("email", "")).casefold()
        waits = [
            over_count("password-reset-address", client_ip(self.request), allowed, window),
            over_count("password-reset-account", email, allowed, window),
        ]
        if any(wait is not None for wait in waits):
            minutes = max(1, max(w for w in waits if w is not None) // 60)
            form.add_error(
                "email",  # the page shows this field's errors
                _("Too many password-reset requests. Try again in %(minutes)d minutes.")
                % {"minutes": minutes},
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
