"""Finding 5 of issue 14: reports rendered once per data version, a few at a time; anonymous
report downloads and searches by meaning throttled per address, on the site and the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from rightstrack.recommendations.models import RecommendationTerm

MIA = "/states/KAZ/reports/mia.html"


@pytest.fixture(autouse=True)
def behind_nginx(settings: Any) -> Iterator[None]:
    """As DEPLOY.md configures it; no report cached by another test (rolled-back ids come back)."""
    settings.RIGHTSTRACK_PROXY_COUNT = 1
    caches["reports"].clear()
    yield
    caches["reports"].clear()


@pytest.fixture
def one_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The site counts anonymous requests in fixed one-minute windows: a slow run crossing a minute's end
    would start a new budget halfway through a test, so the clock stands still inside one window."""
    from rightstrack.config import throttling

    monkeypatch.setattr(throttling, "clock", lambda: 1_800_000_030.0)


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)


def _worker() -> None:
    """`rightstrack worker --batch`: run what is queued, then stop."""
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def _renders() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="render_report").count()


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its connection (PostgreSQL)
def test_a_report_is_rendered_once_per_data_version_by_the_worker_not_by_the_site(
    kazakhstan_mia: Path,
) -> None:
    asked = [_from(f"192.0.2.{n}").get(MIA) for n in range(1, 4)]  # three visitors, at once
    assert [a.status_code for a in asked] == [503, 503, 503]
    assert asked[0]["Retry-After"] == "5" and "being prepared" in asked[0].content.decode()
    assert _renders() == 1  # one render queued, however many ask
    _worker()
    first = _from("192.0.2.4").get(MIA)
    assert first.status_code == 200 and b"Kazakhstan" in first.content
    assert _from("192.0.2.5").get(MIA).content == first.content  # from the cache: nothing queued
    assert _renders() == 1
    tag = RecommendationTerm.objects.order_by("-pk").first()
    assert tag is not None
    tag.delete()  # published data changes: the cached report is stale
    RecommendationTerm.objects.create(recommendation=tag.recommendation, term=tag.term)
    assert _from("192.0.2.6").get(MIA).status_code == 503
    assert _renders() == 2
    _worker()
    assert _from("192.0.2.7").get(MIA).status_code == 200


def test_a_report_that_cannot_be_made_is_refused_at_once_and_nothing_is_queued(
    kazakhstan_mia: Path,
) -> None:
    refused = _from("192.0.2.8").get("/states/KAZ/reports/mia.pdf?colour=red")
    assert refused.status_code == 404 and "no option colour" in refused.content.decode()
    assert _renders() == 0


def test_anonymous_report_downloads_are_throttled_per_address(
    kazakhstan_mia: Path, settings: Any, one_window: None
) -> None:
    settings.RIGHTSTRACK_THROTTLE_REPORTS = "3/min"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    answers = [_from("192.0.2.10").get(MIA) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert int(answers[3]["Retry-After"]) == 31  # the seconds left in the window, and one
    assert _from("192.0.2.11").get(MIA).status_code == 200  # another address has its own budget
    member = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10")
    member.force_login(User.objects.create_user("reader", "reader@example.org", "a-long-passphrase-1"))
    assert member.get(MIA).status_code == 200  # signed-in people are not throttled here


@pytest.mark.parametrize(
    "url", ["/recommendations?mode=semantic&q=torture", "/api/recommendations/?mode=hybrid&q=torture"]
)
def test_anonymous_searches_by_meaning_are_throttled_per_address(
    kazakhstan_mia: Path, settings: Any, url: str, one_window: None
) -> None:
    settings.RIGHTSTRACK_THROTTLE_SEMANTIC = "2/min"
    settings.RIGHTSTRACK_EMBEDDER = "hashing"
    answers = [_from("192.0.2.20").get(url).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    keyword = url.replace("mode=semantic", "mode=keyword").replace("mode=hybrid", "mode=keyword")
    assert _from("192.0.2.20").get(keyword).status_code == 200  # keyword search is not throttled
    assert _from("192.0.2.21").get(url).status_code == 200
