"""The client's address, seen through the proxies the deployment trusts.

Behind nginx every connection comes from 127.0.0.1; nginx appends the address it saw to
``X-Forwarded-For``. With ``RIGHTSTRACK_PROXY_COUNT=1`` the client is the last address of that header
(the one our proxy wrote), never one the client wrote itself further left. With no trusted proxy
(the default) the header is ignored: a client cannot choose the address it is counted under.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def _meta_key(header: str) -> str:
    return "HTTP_" + header.upper().replace("-", "_")


def client_ip(request: HttpRequest) -> str:
    """The address sign-in lockouts and throttles count under."""
    remote = str(request.META.get("REMOTE_ADDR", "") or "")
    proxies: int = settings.RIGHTSTRACK_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = str(request.META.get(_meta_key(settings.RIGHTSTRACK_PROXY_HEADER), "") or "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote  # the proxy did not add its hop: count the connection itself
    return hops[-proxies]
