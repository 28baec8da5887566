"""``POST /api/token/``: a token for a username and password, with the site's sign-in throttling.

The form is the one of the sign-in page, so failures here count towards the same lockout and an
inactive account gets no token. A token expires ``API_TOKEN_DAYS`` after it was issued (asking
again then gives a new one) and a password change deletes the account's token.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models.signals import pre_save
from django.dispatch import receiver
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import BaseAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rightstrack.api.authentication import expired
from rightstrack.api.serializers import CredentialsSerializer, TokenSerializer
from rightstrack.api.views import JSON_ONLY
from rightstrack.config.signin import SignInForm


@receiver(pre_save, sender=get_user_model(), dispatch_uid="rightstrack-token-password-change")
def _password_change_ends_tokens(sender: type[AbstractBaseUser], instance: Any, **kwargs: Any) -> None:
    """A new password deletes the account's API token: who knew the old one loses the API too."""
    if instance.pk is None or kwargs.get("raw"):
        return
    before = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
    if before is not None and before != instance.password:
        Token.objects.filter(user_id=instance.pk).delete()


class ObtainTokenView(APIView):
    # Credentials come in the body: no session (so no CSRF) and no token needed to ask for one.
    authentication_classes: list[type[BaseAuthentication]] = []
    permission_classes: list[type[BasePermission]] = [AllowAny]
    renderer_classes = JSON_ONLY

    @extend_schema(
        summary="Obtain your API token",
        description="Send it back as `Authorization: Token <key>`. A token expires after "
        "RIGHTSTRACK_API_TOKEN_DAYS (30 by default) and when the password changes; repeated failures "
        "lock the account for a while, as on the sign-in page.",
        request=CredentialsSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(description="Too many failures: try again later."),
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        credentials = CredentialsSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        form = SignInForm(request._request, data=credentials.validated_data)
        if not form.is_valid():
            errors = form.errors.get_json_data()
            throttled = any(e["code"] == "throttled" for e in errors.get("__all__", []))
            return Response(
                {"non_field_errors": [e["message"] for field in errors.values() for e in field]},
                status=status.HTTP_429_TOO_MANY_REQUESTS if throttled else status.HTTP_400_BAD_REQUEST,
            )
        token, _ = Token.objects.get_or_create(user=form.get_user())
        if expired(token):  # a new key, not the old one with a new date
            token.delete()
            token = Token.objects.create(user=form.get_user())
        return Response({"token": token.key})
