"""Downloading documents to import: a UN document by its symbol, a UHRI export, any URL.

The addresses are templates from the settings (``RIGHTSTRACK_UN_DOCUMENTS_URL``,
``RIGHTSTRACK_UHRI_EXPORT_URL``), so a mirror or a recorded copy can stand in for the UN's servers.
A download that fails says which address could not be reached and why, and writes nothing.

Only ``http`` and ``https`` addresses are fetched (no ``file:``, ``ftp:``, ``data:``), and only from
public Internet addresses: a host whose name resolves to any private, loopback, link-local, shared,
multicast or reserved address is refused, before connecting and again on the address actually
connected to (a name that resolves differently the second time) and on every redirect — unless the
caller allows private addresses (``rightstrack fetch --allow-private``, for a mirror on the local
network).

>>> url_for("https://docs.example/{symbol}?lang=en", symbol="A/HRC/28/10")
'https://docs.example/A/HRC/28/10?lang=en'
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urljoin, urlsplit

from rightstrack.core.errors import DocumentRejected
from rightstrack.ingest.reading import MAX_BYTES

TIMEOUT = 30.0
USER_AGENT = "RightsTrack (follow-up of human rights recommendations)"
_SYMBOL = re.compile(r"^[A-Z]+(?:/[A-Za-z0-9.()-]+)+$")


@dataclass(frozen=True)
class Downloaded:
    url: str
    path: Path
    size: int


def url_for(template: str, **values: str) -> str:
    """Fill ``{symbol}``/``{state}`` in a template; a symbol keeps its slashes."""
    return template.format(**{key: quote(value, safe="/") for key, value in values.items()})


def check_symbol(symbol: str) -> str:
    symbol = symbol.strip().upper()
    if not _SYMBOL.match(symbol):
        raise DocumentRejected(f"{symbol!r} is not a UN document symbol (e.g. A/HRC/28/10, CCPR/C/KAZ/CO/2)")
    return symbol


SCHEMES = ("http", "https")
_IP = ipaddress.IPv4Address | ipaddress.IPv6Address


def _public(address: _IP) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _refuse_private(url: str, host: str, address: str) -> DocumentRejected:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    what = (
        "a loopback"
        if ip.is_loopback
        else "a link-local"
        if ip.is_link_local
        else "a private"
        if ip.is_private
        else "a reserved"
    )
    shown = host if host == address else f"{host} ({address})"
    return DocumentRejected(
        f"{url}: {shown} is {what} address, not a public one; fetching from the local machine or "
        "network is refused (use --allow-private for a mirror there)"
    )


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse what is not an http(s) address, or (unless ``allow_private``) a host that resolves to
    any address that is not a public Internet one."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        given = f"a {scheme}: address" if scheme else "not an address"
        raise DocumentRejected(f"{url} is {given}: only http:// and https:// addresses are fetched")
    host = parts.hostname
    if not host:
        raise DocumentRejected(f"{url} names no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if scheme == "https" else 80)
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise DocumentRejected(
            f"could not reach {host} ({error}); are you offline? Download the file by hand and use "
            "`rightstrack import FILE`, or set the address in the settings"
        ) from None
    for *_, sockaddr in found:
        address = str(sockaddr[0])
        if not _public(ipaddress.ip_address(address.split("%")[0])):
            raise _refuse_private(url, host, address)


def connect_public(
    address: tuple[str, int], timeout: float | None = None, source_address: Any = None, **kwargs: Any
) -> socket.socket:
    """``socket.create_connection``, refusing a peer that is not public (a name that resolved to a
    public address when checked and to another one now)."""
    sock = socket.create_connection(address, timeout, source_address, **kwargs)
    peer = str(sock.getpeername()[0])
    if not _public(ipaddress.ip_address(peer.split("%")[0])):
        sock.close()
        raise _refuse_private(f"{address[0]}:{address[1]}", address[0], peer)
    return sock


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = connect_public


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = connect_public


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPSConnection, req)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(urljoin(req.full_url, newurl), self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    """http and https only (no file:, ftp:, data:, no proxy from the environment); redirects checked."""
    opener = urllib.request.OpenerDirector()
    handlers: list[urllib.request.BaseHandler] = [
        urllib.request.UnknownHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _CheckedRedirects(allow_private),
    ]
    if allow_private:
        handlers += [urllib.request.HTTPHandler(), urllib.request.HTTPSHandler()]
    else:
        handlers += [_PublicHTTPHandler(), _PublicHTTPSHandler()]
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def download(url: str, folder: Path, name: str, allow_private: bool = False) -> Downloaded:
    """Save ``url`` in ``folder``; refuse what is larger than an import may be, what is not http(s)
    and (unless ``allow_private``) what is not on a public Internet address."""
    check_url(url, allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    host = urlsplit(url).netloc or url
    try:
        with _opener(allow_private).open(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        raise DocumentRejected(f"{url} answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DocumentRejected(
            f"could not reach {host} ({reason}); are you offline? Download the file by hand and use "
            "`rightstrack import FILE`, or set the address in the settings"
        ) from None
    if len(data) > MAX_BYTES:
        raise DocumentRejected(f"{url} is larger than {MAX_BYTES:,} bytes")
    if not data:
        raise DocumentRejected(f"{url} sent an empty answer")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', name).strip('_')}{_suffix(kind, data)}"
    path.write_bytes(data)
    return Downloaded(url, path, len(data))


def _suffix(content_type: str, data: bytes) -> str:
    if data.startswith(b"%PDF-") or content_type == "application/pdf":
        return ".pdf"
    if data.startswith(b"PK"):
        return ".docx" if "word" in content_type else ".xlsx" if "sheet" in content_type else ".zip"
    if "html" in content_type:
        return ".html"
    if "csv" in content_type:
        return ".csv"
    if "json" in content_type:
        return ".json"
    return ".txt"
