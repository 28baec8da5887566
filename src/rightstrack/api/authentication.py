"""API tokens that expire: ``API_TOKEN_DAYS`` after they were issued (``RIGHTSTRACK_API_TOKEN_DAYS``).

Kept apart from the views: DRF reads its authentication classes while ``rest_framework.views`` loads.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token


def expired(token: Token) -> bool:
    days: int = settings.API_TOKEN_DAYS
    return bool(token.created < timezone.now() - timedelta(days=days))


class ExpiringTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``, refused once the token is older than ``API_TOKEN_DAYS``."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if expired(token):
            raise exceptions.AuthenticationFailed("Token expired: ask /api/token/ for a new one.")
        return user, token
