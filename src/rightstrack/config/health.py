"""``GET /healthz``: whether the database answers and the task queue is being worked, as JSON.

200 when both are fine, 503 otherwise, with what failed. The queue fails when tasks have waited
longer than ``RIGHTSTRACK_HEALTH_QUEUE_SECONDS`` (no worker is taking them) or cannot be read.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger("rightstrack.health")


def _database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM django_migrations")
            applied = cursor.fetchone()[0]
    except DatabaseError as error:
        return {"ok": False, "vendor": connection.vendor, "error": str(error)}
    return {"ok": True, "vendor": connection.vendor, "migrations_applied": applied}


def _database_queue() -> dict[str, Any]:
    from django_tasks_db.models import DBTaskResult

    limit = int(getattr(settings, "RIGHTSTRACK_HEALTH_QUEUE_SECONDS", 900))
    try:
        ready = DBTaskResult.objects.ready()
        waiting = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        running = DBTaskResult.objects.running().count()
        since = timezone.now() - timedelta(days=1)
        failed = DBTaskResult.objects.failed().filter(finished_at__gte=since).count()
    except DatabaseError as error:
        return {"ok": False, "backend": "database", "error": str(error)}
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    found: dict[str, Any] = {
        "ok": age <= limit,
        "backend": "database",
        "waiting": waiting,
        "oldest_waiting_seconds": round(age),
        "running": running,
        "failed_last_day": failed,
    }
    if age > limit:
        found["error"] = (
            f"a task has waited {round(age)} s (more than {limit}): is `rightstrack worker` running?"
        )
    return found


def _queue() -> dict[str, Any]:
    backend = settings.TASK_QUEUE
    if backend == "database":
        return _database_queue()
    if backend == "rq":
        try:
            import django_rq

            django_rq.get_connection("default").ping()
        except Exception as error:  # any failure to reach Redis is an unhealthy queue
            return {"ok": False, "backend": "rq", "error": str(error)}
        return {"ok": True, "backend": "rq"}
    return {"ok": True, "backend": backend}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = _database()
    queue = _queue() if database["ok"] else {"ok": False, "error": "the database does not answer"}
    healthy = bool(database["ok"] and queue["ok"])
    if not healthy:
        log.error("health check failing: database %s, queue %s", database, queue, extra={"request": request})
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "database": database, "queue": queue},
        status=200 if healthy else 503,
    )
