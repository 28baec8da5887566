"""Backups of the whole database, and an export of everything as open data.

SQLite is copied with its online backup API (consistent while the site keeps serving); PostgreSQL with
``pg_dump`` in its custom format, restored with ``pg_restore --clean``. A restore replaces everything.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.db import connection

from rightstrack.core.errors import DocumentRejected


def _engine() -> str:
    return str(connection.settings_dict["ENGINE"])


def _pg_env() -> dict[str, str]:
    settings = connection.settings_dict
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(settings.get("HOST") or ""),
            "PGPORT": str(settings.get("PORT") or ""),
            "PGUSER": str(settings.get("USER") or ""),
            "PGPASSWORD": str(settings.get("PASSWORD") or ""),
            "PGDATABASE": str(settings["NAME"]),
        }
    )
    return {key: value for key, value in env.items() if value != ""}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise DocumentRejected(f"{name} is not installed: install PostgreSQL's client tools")


def backup(target: Path) -> Path:
    """Write a backup of the database to ``target``; returns the file written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if _engine().endswith("sqlite3"):
        connection.ensure_connection()
        source = connection.connection
        with sqlite3.connect(target) as copy:
            source.backup(copy)
        copy.close()
        return target
    if _engine().endswith("postgresql"):
        subprocess.run([_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(target)], env=_pg_env(), check=True)
        return target
    raise DocumentRejected(f"backups of {_engine()} databases are not supported")


def restore(source: Path) -> None:
    """Replace the database's content with the backup ``source``."""
    if not source.is_file():
        raise DocumentRejected(f"{source} is not a file")
    if _engine().endswith("sqlite3"):
        header = source.read_bytes()[:16]
        if header != b"SQLite format 3\x00":
            raise DocumentRejected(f"{source} is not a SQLite backup")
        connection.ensure_connection()
        with sqlite3.connect(source) as backup_file:
            backup_file.backup(connection.connection)
        return
    if _engine().endswith("postgresql"):
        connection.close()
        subprocess.run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "-d",
                _pg_env()["PGDATABASE"],
                str(source),
            ],
            env=_pg_env(),
            check=True,
        )
        return
    raise DocumentRejected(f"restoring {_engine()} databases is not supported")


def export_everything(folder: Path) -> list[Path]:
    """Everything as open data: one JSON file per State with reviews, plus treaties and action plans."""
    from rightstrack.actionplans.models import Measure
    from rightstrack.assessments.export import state_export
    from rightstrack.recommendations.models import State
    from rightstrack.treaties.models import TreatyStatus

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for state in State.objects.filter(reviews__isnull=False).distinct().order_by("code"):
        data: dict[str, Any] = state_export(state)
        data["treaties"] = [
            {"treaty": s.treaty.code, "name": s.treaty.name, "status": s.status, "date": _iso(s.date)}
            for s in TreatyStatus.objects.filter(state=state)
            .select_related("treaty")
            .order_by("treaty__code", "id")
        ]
        data["measures"] = [
            {
                "plan": m.plan.title,
                "number": m.number,
                "text": m.text,
                "deadline": _iso(m.deadline),
                "status": m.status,
                "agencies": sorted(a.name for a in m.agencies.all()),
            }
            for m in Measure.objects.filter(plan__state=state)
            .select_related("plan")
            .order_by("plan_id", "sort_key")
        ]
        path = folder / f"{state.code}.json"
        path.write_text(
            json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def describe_database() -> str:
    settings = connection.settings_dict
    if _engine().endswith("sqlite3"):
        return f"SQLite {settings['NAME']}"
    return (
        f"PostgreSQL {urlsplit('//' + str(settings.get('HOST') or 'localhost')).hostname}/{settings['NAME']}"
    )
