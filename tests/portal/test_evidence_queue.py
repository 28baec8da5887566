"""The editors' work queue for evidence, on Denmark's real documents: the recommendations whose linked
quotes nobody has gone through yet, each with its best pending quote, confirmed or rejected from the
queue, which comes back at the same filter and page; a progress line says how far the review is.

The import and the linking run once for the module (inside a transaction rolled back at its end);
each test runs in a savepoint of it, so what one test confirms the next does not see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from rightstrack.assessments.picture import display_ref
from rightstrack.evidence.decisions import decide, shown_links
from rightstrack.evidence.models import Decision, EvidenceLink
from rightstrack.recommendations.models import Recommendation, Review
from tests.evidence_setup import denmark_evidence

PAGE_SIZE = 50  # the portal's


@pytest.fixture(scope="module", autouse=True)
def denmark(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Denmark's evidence linked by words (tests/evidence_setup.py)."""
    with denmark_evidence(django_db_blocker):
        yield


def _review() -> Review:
    return Review.objects.get(state_id="DNK", mechanism__code="UPR", cycle=3)


def _queue(review: Review, query: str = "") -> str:
    return f"/portal/evidence/queue/{review.pk}/" + (f"?{query}" if query else "")


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def _rows(html: str) -> list[str]:
    """The table's rows (each as its HTML)."""
    body = html.split('<table class="evidence-queue"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<tr class="queue-row".*?</tr>', body, flags=re.S)


def _shown(html: str) -> list[str]:
    """The recommendation pages the table's rows link to, in order."""
    return re.findall(r'<th scope="row"><a href="(/recommendations/\d+)"', "".join(_rows(html)))


def _to_review(review: Review) -> list[Recommendation]:
    """Recommendations with a pending link and none confirmed, in paragraph order (from the database)."""
    recs = Recommendation.objects.filter(review=review).order_by("sort_key", "id").prefetch_related("refs")
    wanted = []
    for rec in recs:
        decisions = set(EvidenceLink.objects.filter(recommendation=rec).values_list("decision", flat=True))
        if Decision.PENDING in decisions and Decision.CONFIRMED not in decisions:
            wanted.append(rec)
    return wanted


def _progress(html: str) -> tuple[int, int, int]:
    found = re.search(r"(\d+) of (\d+) recommendations have confirmed evidence; (\d+) still to review", html)
    assert found, "no progress line"
    return int(found[1]), int(found[2]), int(found[3])


def test_an_editor_sees_the_recommendations_still_to_review_with_their_best_quote(
    db: None, editor: User
) -> None:
    review = _review()
    waiting = _to_review(review)
    total = Recommendation.objects.filter(review=review).count()
    assert len(waiting) > PAGE_SIZE  # nobody has confirmed anything: a queue of several pages
    html = _page(_client(editor), _queue(review))
    assert "<h1>Evidence to review</h1>" in html
    assert _progress(html) == (0, total, len(waiting))
    assert re.search(r"<caption>[^<]*not reviewed yet", html)
    for header in ("Paragraph", "Recommendation", "Confirmed", "Pending", "Rejected", "Best pending quote"):
        assert re.search(rf'<th scope="col"( class="num")?>{header}</th>', html), header
    rows = _rows(html)
    assert len(rows) == PAGE_SIZE
    assert f"page 1 of {-(-len(waiting) // PAGE_SIZE)}" in html
    for row, rec in zip(rows, waiting[:PAGE_SIZE], strict=True):  # paragraph order
        assert f'<a href="/recommendations/{rec.pk}">{display_ref(rec)}</a>' in row
    first = waiting[0]
    row = rows[0]
    links = EvidenceLink.objects.filter(recommendation=first)
    counts = re.findall(r'<td class="num">(\d+)</td>', row)
    assert [int(n) for n in counts] == [
        0,
        links.filter(decision=Decision.PENDING).count(),
        links.filter(decision=Decision.REJECTED).count(),
    ]
    # the best pending quote, as the recommendation's page shows it (its first pending link)
    best = next(item for item in shown_links(first, editor=True) if item.link.decision == Decision.PENDING)
    paragraph = best.link.paragraph
    assert f"“{best.quote}”" in row
    assert f"<cite>{paragraph.document.symbol}</cite>, para. {paragraph.number}" in row
    for name, kind in best.sources():
        assert name in row and (not kind or f"[{kind}]" in row)
    where = f"para. {paragraph.number} of {paragraph.document.symbol}"
    confirm = f'action="/portal/evidence/{best.link.pk}/confirm/"'
    reject = f'action="/portal/evidence/{best.link.pk}/reject/"'
    assert confirm in row and reject in row
    assert f'aria-label="Confirm {where}"' in row and f'aria-label="Reject {where}"' in row
    assert f'name="next" value="{_queue(review)}"' in row
    # the recommendation's page shows the same quote to the editor
    assert f"“{best.quote}”" in _page(_client(editor), f"/recommendations/{first.pk}")


def test_confirming_from_the_queue_writes_the_history_row_and_returns_to_the_queue(
    db: None, editor: User
) -> None:
    review = _review()
    client = _client(editor)
    second_page = _queue(review, "show=todo&page=2")
    html = _page(client, second_page)
    before = _progress(html)
    row = _rows(html)[0]
    link_id = int(re.search(r'action="/portal/evidence/(\d+)/confirm/"', row)[1])  # type: ignore[index]
    link = EvidenceLink.objects.select_related("recommendation").get(pk=link_id)
    rec = link.recommendation
    assert f'name="next" value="{second_page}"' in row

    response = client.post(f"/portal/evidence/{link.pk}/confirm/", {"next": second_page})
    assert response.status_code == 302 and response["Location"] == second_page
    link.refresh_from_db()
    assert link.decision == Decision.CONFIRMED and link.decided_by == editor
    (change,) = link.history
    assert (change["by"], change["from"], change["to"]) == ("editor", "pending", "confirmed")
    back = client.get(second_page)
    html = unescape(back.content.decode())
    assert "Evidence confirmed:" in html
    confirmed, total, still = _progress(html)
    assert (confirmed, total, still) == (before[0] + 1, before[1], before[2] - 1)
    # it has left "not reviewed yet" (on every page) and is among the confirmed
    everywhere = "".join(
        _page(client, _queue(review, f"show=todo&page={n}")) for n in range(1, -(-still // PAGE_SIZE) + 1)
    )
    assert f'href="/recommendations/{rec.pk}"' not in everywhere
    confirmed_rows = _rows(_page(client, _queue(review, "show=confirmed")))
    assert len(confirmed_rows) == 1 and f'href="/recommendations/{rec.pk}"' in confirmed_rows[0]
    # with nothing pending left, the confirmed row offers no quote to decide
    for other in EvidenceLink.objects.filter(recommendation=rec, decision=Decision.PENDING):
        decide(other, Decision.REJECTED, editor)
    (row,) = _rows(_page(client, _queue(review, "show=confirmed")))
    assert "/confirm/" not in row and "No pending quote" in row


def test_the_progress_line_and_the_filters_count_what_editors_decided(db: None, editor: User) -> None:
    review = _review()
    total = Recommendation.objects.filter(review=review).count()
    with_links = Recommendation.objects.filter(review=review, evidence_links__isnull=False).distinct().count()
    waiting = len(_to_review(review))
    confirmed_one, rejected_all = _to_review(review)[:2]
    first = EvidenceLink.objects.filter(recommendation=confirmed_one).first()
    assert first is not None
    decide(first, Decision.CONFIRMED, editor)
    for link in EvidenceLink.objects.filter(recommendation=rejected_all):
        decide(link, Decision.REJECTED, editor)
    client = _client(editor)
    html = _page(client, _queue(review))
    assert _progress(html) == (1, total, waiting - 2)
    shown = "".join(_rows(html))
    assert f'href="/recommendations/{confirmed_one.pk}"' not in shown
    assert f'href="/recommendations/{rejected_all.pk}"' not in shown
    every = _page(client, _queue(review, "show=all"))
    assert re.search(rf"<caption>[^<]*{with_links} recommendations", every)
    assert f'href="/recommendations/{confirmed_one.pk}"' in every  # paragraph order: both on page 1
    assert f'href="/recommendations/{rejected_all.pk}"' in every
    (row,) = _rows(_page(client, _queue(review, "show=confirmed")))
    assert f'href="/recommendations/{confirmed_one.pk}"' in row
    # an unknown filter is the default one
    assert _shown(_page(client, _queue(review, "show=bogus"))) == _shown(html)


def test_an_editor_picks_the_review_from_a_list_with_what_each_still_has_to_review(
    db: None, editor: User
) -> None:
    review = _review()
    html = _page(_client(editor), "/portal/evidence/queue/")
    assert f'href="{_queue(review)}"' in html
    assert f"{len(_to_review(review))} still to review" in html
    # the portal's menu and the review's public page lead there, for editors only
    assert 'href="/portal/evidence/queue/">Evidence to review</a>' in _page(_client(editor), "/portal/")
    assert f'href="{_queue(review)}"' in _page(_client(editor), "/states/DNK/UPR/3")
    assert "/portal/evidence/queue/" not in _page(Client(), "/states/DNK/UPR/3")


def test_the_queue_is_for_editors_only(db: None, editor: User, viewer: User, contributor_a: User) -> None:
    review = _review()
    for url in ("/portal/evidence/queue/", _queue(review)):
        anonymous = Client().get(url)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
        for user in (viewer, contributor_a):
            assert _client(user).get(url).status_code == 403
        assert _client(editor).get(url).status_code == 200
    assert _client(editor).get("/portal/evidence/queue/999999/").status_code == 404
    for user in (viewer, contributor_a):
        assert "/portal/evidence/queue/" not in _page(_client(user), "/portal/")
        assert "/portal/evidence/queue/" not in _page(_client(user), "/states/DNK/UPR/3")


def test_the_queue_speaks_russian_to_a_russian_editor(db: None, editor: User) -> None:
    review = _review()
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(editor)
    html = _page(client, _queue(review))
    assert "<h1>Сведения на проверку</h1>" in html
    assert re.search(r"У 0 из \d+ рекомендаций есть подтверждённые сведения; \d+ ещё предстоит", html)
    row = _rows(html)[0]
    assert re.search(r'aria-label="Подтвердить п\. \d+ документа A/HRC/WG\.6/52/DNK/\d">Подтвердить<', row)
    assert '<th scope="col" class="num">Не решено</th>' in html


def test_the_queue_names_the_review_by_its_states_name_in_the_pages_language(db: None, editor: User) -> None:
    client = _client(editor)
    listed = _page(client, "/portal/evidence/queue/")
    assert "Denmark UPR cycle 3" in listed and "DNK UPR" not in listed
    assert "Denmark UPR cycle 3" in _page(client, _queue(_review()))
    russian = client.get("/portal/evidence/queue/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Дания, UPR, цикл 3" in russian
