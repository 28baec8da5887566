"""Moving a whole install to another database (SQLite → PostgreSQL), with the counts verified.

The target is migrated, emptied (SQL flush) of what its migration created, then every table is copied
in dependency order in batches, inside one transaction on the target; sequences are reset; finally the
row count of every table is compared. A failure leaves the target's copy rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import dj_database_url
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import sort_dependencies
from django.db import connections, models, transaction

from rightstrack.core.errors import DocumentRejected

TARGET = "move_target"
BATCH = 2000


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def equal(self) -> bool:
        return self.source == self.target


def _models() -> list[type[models.Model]]:
    ordered = sort_dependencies([(config, None) for config in apps.get_app_configs()], allow_cycles=True)
    auto = [m for m in apps.get_models(include_auto_created=True) if m._meta.auto_created]
    return [m for m in ordered if not m._meta.proxy and m._meta.managed] + auto


def move_database(url: str, progress: Callable[[str], None] | None = None) -> list[TableCount]:
    """Copy everything from the current database to the one at ``url``; return the verified counts."""
    from django.conf import settings

    settings.DATABASES[TARGET] = {**dj_database_url.parse(url), "CONN_MAX_AGE": 0}
    connections.settings[TARGET] = connections.configure_settings(settings.DATABASES)[TARGET]
    if connections[TARGET].settings_dict["NAME"] == connections["default"].settings_dict["NAME"]:
        raise DocumentRejected("the target is the database in use")
    call_command("migrate", database=TARGET, interactive=False, verbosity=0)
    # Empty the target with SQL, not the ORM: deleting through models would send signals, and their
    # handlers (history rows, levels) write to the database in use.
    call_command("flush", database=TARGET, interactive=False, inhibit_post_migrate=True, verbosity=0)
    tables = _models()
    with transaction.atomic(using=TARGET):
        for model in tables:
            if progress:
                progress(model._meta.db_table)
            rows = model._base_manager.using("default").order_by("pk").iterator(chunk_size=BATCH)
            batch: list[models.Model] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    model._base_manager.using(TARGET).bulk_create(batch)
                    batch = []
            if batch:
                model._base_manager.using(TARGET).bulk_create(batch)
        _reset_sequences(tables)
    counts = [
        TableCount(
            model._meta.db_table,
            model._base_manager.using("default").count(),
            model._base_manager.using(TARGET).count(),
        )
        for model in tables
    ]
    connections[TARGET].close()
    return counts


def _reset_sequences(tables: list[type[models.Model]]) -> None:
    connection = connections[TARGET]
    statements = connection.ops.sequence_reset_sql(no_style(), tables)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
