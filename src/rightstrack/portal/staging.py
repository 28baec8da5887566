"""An upload kept between the page that previews it and the form that imports it.

The file is written under ``DATA_DIR/staged-uploads/<token>/<its name>``; the random token is
remembered in the editor's session only, so another session cannot reach it even with the token. It
is removed after its import, and any staged upload older than :data:`KEEP_SECONDS` is removed the
next time anybody stages or opens one.
"""

from __future__ import annotations

import secrets
import shutil
import time
from pathlib import Path
from typing import Any

from django.conf import settings

KEEP_SECONDS = 2 * 3600
_SESSION_KEY = "staged_uploads"


def _root() -> Path:
    return Path(str(settings.DATA_DIR)) / "staged-uploads"


def _tokens(session: Any) -> dict[str, str]:
    value = session.get(_SESSION_KEY, {})
    return value if isinstance(value, dict) else {}


def _file_name(name: str) -> str:
    """The upload's own name (the document is stored under it), or a safe one when it is not a plain name."""
    base = Path(name.replace("\\", "/")).name.strip()[:200]
    if base.startswith(".") or "\x00" in base or "/" in base:
        return "upload" + next((x for x in (".xlsx", ".csv") if base.lower().endswith(x)), "")
    return base or "upload"


def stage(session: Any, name: str, data: bytes) -> str:
    """Keep ``data`` under a new token remembered in ``session``; return the token."""
    expire()
    token = secrets.token_urlsafe(24)
    folder = _root() / token
    folder.mkdir(parents=True, mode=0o700)
    safe = _file_name(name)
    (folder / safe).write_bytes(data)
    tokens = {t: n for t, n in _tokens(session).items() if (_root() / t).is_dir()}  # expired ones go
    tokens[token] = safe
    session[_SESSION_KEY] = tokens
    return token


def staged(session: Any, token: str) -> Path | None:
    """The file staged under ``token`` by this session, or None (unknown, another session's, expired)."""
    expire()
    name = _tokens(session).get(token)
    if name is None:
        return None
    path = _root() / token / name
    return path if path.is_file() else None


def discard(session: Any, token: str) -> None:
    """Remove the staged file and forget its token."""
    tokens = _tokens(session)
    if token in tokens:
        del tokens[token]
        session[_SESSION_KEY] = tokens
        shutil.rmtree(_root() / token, ignore_errors=True)  # a token of this session: one we made


def expire(now: float | None = None) -> int:
    """Remove staged uploads older than :data:`KEEP_SECONDS`; return how many."""
    root = _root()
    if not root.is_dir():
        return 0
    limit = (time.time() if now is None else now) - KEEP_SECONDS
    removed = 0
    for folder in root.iterdir():
        try:
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except FileNotFoundError:  # removed by another request at the same moment
            continue
    return removed
