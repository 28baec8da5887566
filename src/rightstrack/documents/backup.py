"""Backups of the whole database, and an export of everything as open data.

SQLite is copied with its online backup API (consistent while the site keeps serving); PostgreSQL with
``pg_dump`` in its custom format, restored with ``pg_restore --clean``. A restore replaces everything,
after checking that the file is a RightsTrack database this code knows every migration of (SQLite: its
integrity too), and keeps the database as it was in a safety copy first.
"""

from __future__ import annotations

import json
import os
import re
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


#: The names ``rightstrack backup`` gives its files (the time sorts them); nothing else is pruned.
BACKUP_NAME = re.compile(r"rightstrack-\d{8}-\d{6}\.(?:sqlite3|dump)")


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest backups named by ``rightstrack backup`` in ``folder``
    (``before-restore-*`` files and anything else stay); returns the files deleted, oldest first."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    named = sorted(path for path in folder.iterdir() if path.is_file() and BACKUP_NAME.fullmatch(path.name))
    removed = named[:-keep]
    for path in removed:
        path.unlink()
    return removed


#: Tables every RightsTrack database has (from the first migration of each core app): a backup
#: without them is not one of ours, whatever its django_migrations table says.
KEY_TABLES = (
    "django_migrations",
    "recommendations_state",
    "recommendations_review",
    "recommendations_recommendation",
    "recommendations_recommendationref",
    "assessments_stakeholder",
    "assessments_assessment",
    "documents_sourcedocument",
)
#: Migrations a RightsTrack database has always applied.
FIRST_MIGRATIONS = (("recommendations", "0001_initial"), ("documents", "0001_initial"))


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this code ships (ours and the installed Django apps')."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def check_backup_contents(
    source: Path, tables: set[str], applied: set[tuple[str, str]], known: set[tuple[str, str]]
) -> None:
    """Refuse a backup that is not a RightsTrack database this code can run on."""
    if "django_migrations" not in tables:
        raise DocumentRejected(f"{source} is not a RightsTrack backup: it has no django_migrations table")
    missing = [table for table in KEY_TABLES if table not in tables]
    absent = [f"{app}.{name}" for app, name in FIRST_MIGRATIONS if (app, name) not in applied]
    if missing or absent:
        what = ", ".join(missing + absent)
        raise DocumentRejected(f"{source} is not a RightsTrack backup: it lacks {what}")
    unknown = sorted(f"{app}.{name}" for app, name in applied - known)
    if unknown:
        shown = ", ".join(unknown[:10]) + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
        raise DocumentRejected(
            f"{source} was written by another version of RightsTrack: its migrations {shown} are unknown "
            "to this one; restore it with the version that wrote it"
        )


def check_sqlite_backup(source: Path) -> None:
    """A SQLite file, whole (``PRAGMA integrity_check``), holding a RightsTrack database whose every
    applied migration this code knows; read only, nothing is changed."""
    with source.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise DocumentRejected(f"{source} is not a SQLite backup")
    try:
        database = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in database.execute("PRAGMA integrity_check(20)")]
            if problems != ["ok"]:
                raise DocumentRejected(f"{source} is damaged (SQLite integrity check): {'; '.join(problems)}")
            tables = {row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            applied: set[tuple[str, str]] = set()
            if "django_migrations" in tables:
                applied = {
                    (app, name) for app, name in database.execute("SELECT app, name FROM django_migrations")
                }
        finally:
            database.close()
    except sqlite3.DatabaseError as error:
        raise DocumentRejected(f"{source} is not a readable SQLite database: {error}") from None
    check_backup_contents(source, tables, applied, known_migrations())


def _pg_backup_contents(source: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """The tables and applied migrations a ``pg_dump -Fc`` file holds (read with ``pg_restore``)."""
    listing = subprocess.run(
        [_tool("pg_restore"), "--list", str(source)], capture_output=True, text=True, check=False
    )
    if listing.returncode != 0:
        raise DocumentRejected(f"{source} is not a PostgreSQL backup: {listing.stderr.strip()[:300]}")
    tables = set()
    for line in listing.stdout.splitlines():  # "215; 1259 16390 TABLE public django_migrations owner"
        parts = line.split()
        if len(parts) >= 6 and parts[3] == "TABLE" and parts[4] != "DATA":
            tables.add(parts[5])
    data = subprocess.run(
        [_tool("pg_restore"), "--data-only", "--table=django_migrations", "-f", "-", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    applied: set[tuple[str, str]] = set()
    copying = False
    for line in data.stdout.splitlines():
        if line.startswith("COPY ") and "django_migrations" in line:
            copying = True
        elif copying and line == "\\.":
            copying = False
        elif copying:
            fields = line.split("\t")
            if len(fields) >= 3:
                applied.add((fields[1], fields[2]))
    return tables, applied


def check_backup(source: Path) -> None:
    """Refuse, before anything is replaced, a file that is not a RightsTrack backup this code runs on."""
    if not source.is_file():
        raise DocumentRejected(f"{source} is not a file")
    if _engine().endswith("sqlite3"):
        check_sqlite_backup(source)
    elif _engine().endswith("postgresql"):
        tables, applied = _pg_backup_contents(source)
        check_backup_contents(source, tables, applied, known_migrations())
    else:
        raise DocumentRejected(f"restoring {_engine()} databases is not supported")


def restore(source: Path, safety_folder: Path) -> Path:
    """Replace the database's content with the backup ``source``, once it is checked; the database as
    it was is first backed up into ``safety_folder``. Returns that safety copy."""
    check_backup(source)
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    suffix = ".sqlite3" if _engine().endswith("sqlite3") else ".dump"
    safety, number = safety_folder / f"before-restore-{stamp}{suffix}", 2
    while safety.exists():
        safety, number = safety_folder / f"before-restore-{stamp}-{number}{suffix}", number + 1
    backup(safety)
    if _engine().endswith("sqlite3"):
        connection.ensure_connection()
        with sqlite3.connect(source) as backup_file:
            backup_file.backup(connection.connection)
        backup_file.close()
        return safety
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
    return safety


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
