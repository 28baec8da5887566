"""Finding 5 of issue 14: reports rendered once per data version, a few at a time; anonymous
report downloads and searches by meaning throttled per address, on the site and the API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from rightstrack.recommendations.models import RecommendationTerm
from rightstrack.reports.cache import render_slot

MIA = "/states/KAZ/reports/mia.html"


@pytest.fixture(autouse=True)
def behind_nginx(settings: Any) -> None:
    settings.RIGHTSTRACK_PROXY_COUNT = 1
    settings.RIGHTSTRACK_REPORT_RENDERS = 1


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)


def test_a_report_is_rendered_once_per_data_version_and_then_served_while_renders_are_busy(
    kazakhstan_mia: Path,
) -> None:
    first = _from("192.0.2.1").get(MIA)
    assert first.status_code == 200
    with render_slot() as held:  # another process renders: no slot is free for this one
        assert held
        again = _from("192.0.2.2").get(MIA)
        assert again.status_code == 200 and again.content == first.content  # from the cache
        uncached = _from("192.0.2.3").get("/states/KAZ/reports/mia.docx")
        assert uncached.status_code == 503
        assert uncached["Retry-After"] == "5"
        assert "being prepared" in uncached.content.decode()
        tag = RecommendationTerm.objects.order_by("-pk").first()
        assert tag is not None
        tag.delete()
        RecommendationTerm.objects.create(recommendation=tag.recommendation, term=tag.term)
        stale = _from("192.0.2.4").get(MIA)  # the data changed: the cached file is not served
        assert stale.status_code == 503
    fresh = _from("192.0.2.5").get(MIA)
    assert fresh.status_code == 200


def test_anonymous_report_downloads_are_throttled_per_address(kazakhstan_mia: Path, settings: Any) -> None:
    settings.RIGHTSTRACK_THROTTLE_REPORTS = "3/min"
    answers = [_from("192.0.2.10").get(MIA) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 1 <= int(answers[3]["Retry-After"]) <= 61
    assert _from("192.0.2.11").get(MIA).status_code == 200  # another address has its own budget
    member = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10")
    member.force_login(User.objects.create_user("reader", "reader@example.org", "a-long-passphrase-1"))
    assert member.get(MIA).status_code == 200  # signed-in people are not throttled here


@pytest.mark.parametrize(
    "url", ["/recommendations?mode=semantic&q=torture", "/api/recommendations/?mode=hybrid&q=torture"]
)
def test_anonymous_searches_by_meaning_are_throttled_per_address(
    kazakhstan_mia: Path, settings: Any, url: str
) -> None:
    settings.RIGHTSTRACK_THROTTLE_SEMANTIC = "2/min"
    settings.RIGHTSTRACK_EMBEDDER = "hashing"
    answers = [_from("192.0.2.20").get(url).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    keyword = url.replace("mode=semantic", "mode=keyword").replace("mode=hybrid", "mode=keyword")
    assert _from("192.0.2.20").get(keyword).status_code == 200  # keyword search is not throttled
    assert _from("192.0.2.21").get(url).status_code == 200
