"""``POST /api/token/``: a token for a username and password, with the site's sign-in throttling.

The form is the one of the sign-in page, so failures here count towards the same lockout and an
inactive account gets no token.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import BaseAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rightstrack.api.serializers import CredentialsSerializer, TokenSerializer
from rightstrack.api.views import JSON_ONLY
from rightstrack.portal.auth import ThrottledAuthenticationForm


class ObtainTokenView(APIView):
    # Credentials come in the body: no session (so no CSRF) and no token needed to ask for one.
    authentication_classes: list[type[BaseAuthentication]] = []
    permission_classes: list[type[BasePermission]] = [AllowAny]
    renderer_classes = JSON_ONLY

    @extend_schema(
        summary="Obtain your API token",
        description="Send it back as `Authorization: Token <key>`. Repeated failures lock the "
        "account for a while, as on the sign-in page.",
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
        form = ThrottledAuthenticationForm(request._request, data=credentials.validated_data)
        if not form.is_valid():
            errors = form.errors.get_json_data()
            throttled = any(e["code"] == "throttled" for e in errors.get("__all__", []))
            return Response(
                {"non_field_errors": [e["message"] for field in errors.values() for e in field]},
                status=status.HTTP_429_TOO_MANY_REQUESTS if throttled else status.HTTP_400_BAD_REQUEST,
            )
        token, _ = Token.objects.get_or_create(user=form.get_user())
        return Response({"token": token.key})
