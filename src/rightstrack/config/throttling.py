"""Throttles for anonymous clients, counted per address in the shared cache.

The site (``SiteThrottleMiddleware``) and the API (DRF throttle classes) count the same way: report
downloads and searches by meaning cost a render or an embedding each, so an address gets a budget of
them per window (``RIGHTSTRACK_THROTTLE_REPORTS``, ``RIGHTSTRACK_THROTTLE_SEMANTIC``, e.g. ``30/min``);
past it the answer is 429 with ``Retry-After``. Signed-in people are not throttled here.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from rightstrack.config.clients import client_ip

if TYPE_CHECKING:  # DRF imports its throttle classes while rest_framework.views loads
    from rest_framework.views import APIView

_PERIODS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}
_REPORT = re.compile(r"^/states/[A-Za-z]{3}/reports/")
_LISTS = re.compile(r"^/recommendations(\.json|/download\.\w+)?$")
_RANKED_MODES = {"semantic", "hybrid"}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"30/min"`` → (30, 60).

    >>> parse_rate("30/min"), parse_rate("5/s"), parse_rate("100/hour")
    ((30, 60), (5, 1), (100, 3600))
    """
    count, _slash, period = rate.partition("/")
    return int(count), _PERIODS[period.strip().lower()]


def over_budget(scope: str, ident: str, rate: str) -> int | None:
    """Count one request of ``ident`` in ``scope``; the seconds to wait when it is over its budget."""
    return over_count(scope, ident, *parse_rate(rate))


#: The clock the windows are counted on (a test pins it inside one window).
clock: Callable[[], float] = time.time


def over_count(scope: str, ident: str, allowed: int, window: int) -> int | None:
    """Count one event of ``ident``; past ``allowed`` in this ``window`` (s), the seconds left in it."""
    now = clock()
    slot = int(now // window)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{digest}:{slot}"
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window + 1)
        count = 1
    if count <= allowed:
        return None
    return max(1, int((slot + 1) * window - now) + 1)


def ranked_search(query: Mapping[str, Any]) -> bool:
    """Whether a list query asks for a search by meaning (an embedding of the words)."""
    return str(query.get("mode", "")) in _RANKED_MODES and bool(str(query.get("q", "")).strip())


def _scope(request: HttpRequest) -> tuple[str, str] | None:
    if _REPORT.match(request.path):
        return "reports", settings.RIGHTSTRACK_THROTTLE_REPORTS
    if _LISTS.match(request.path) and ranked_search(request.GET):
        return "semantic", settings.RIGHTSTRACK_THROTTLE_SEMANTIC
    return None


def too_many(request: HttpRequest, wait: int) -> HttpResponse:
    message = _("Too many requests from your address. Try again in %(seconds)d seconds.") % {"seconds": wait}
    response: HttpResponse
    if request.path.endswith(".json"):
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(wait)
    return response


class SiteThrottleMiddleware:
    """Report downloads and searches by meaning of the public site, per anonymous address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        scope = _scope(request)
        user = getattr(request, "user", None)
        if scope is not None and not (user is not None and user.is_authenticated):
            wait = over_budget(scope[0], client_ip(request), scope[1])
            if wait is not None:
                return too_many(request, wait)
        return self.get_response(request)


class AnonymousApiThrottle(SimpleRateThrottle):
    """Every API request of an anonymous client, per address (``RIGHTSTRACK_THROTTLE_API``)."""

    scope = "anon"
    setting = "RIGHTSTRACK_THROTTLE_API"

    def get_rate(self) -> str:
        rate: str = getattr(settings, self.setting)  # read when used: the same knob as the site's
        return rate

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if request.user is not None and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request._request)}


class SemanticSearchApiThrottle(AnonymousApiThrottle):
    """``/api/recommendations/?mode=semantic|hybrid&q=…`` of an anonymous client, per address."""

    scope = "semantic"
    setting = "RIGHTSTRACK_THROTTLE_SEMANTIC"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not ranked_search(request.query_params):
            return None
        return super().get_cache_key(request, view)
