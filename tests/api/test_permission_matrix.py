"""Who gets what, on every URL of the project: the public site, accounts, the portal, the API, the admin.

The table below is the expectation, written down as data. The first test fails when the project has
a URL pattern the table does not mention, so a new view cannot arrive without its row. Each row is
played for each persona with a fresh session, and writes are rolled back after each request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from rightstrack.assessments.models import Assessment, Status
from tests.api.conftest import PERSONAS, World

LOGIN = "login"  # 302 to /accounts/login/
ADMIN_LOGIN = "admin-login"  # 302 to /admin/login/
Expect = int | str


class Row(NamedTuple):
    method: str
    url: str  # {placeholders} are filled from the world
    expect: tuple[Expect, Expect, Expect, Expect, Expect, Expect]  # in the order of PERSONAS
    data: dict[str, Any] | None = None


def every(code: Expect) -> tuple[Expect, Expect, Expect, Expect, Expect, Expect]:
    return (code, code, code, code, code, code)


def signed_in(anonymous: Expect, code: Expect) -> tuple[Expect, Expect, Expect, Expect, Expect, Expect]:
    return (anonymous, code, code, code, code, code)


ADMIN_ONLY = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200)
#                    anonymous     viewer contributor_a contributor_b editor admin
CONTRIBUTORS_ONLY = (LOGIN, 403, 200, 200, 403, 403)
EDITORS_ONLY = (LOGIN, 403, 403, 403, 200, 200)
DRAFT_OF_A = (LOGIN, 404, 200, 404, 200, 200)  # another organisation's draft does not exist
API_DRAFT_OF_A = (404, 404, 200, 404, 200, 200)

REASON = {"reason": "Please cite the law you mention."}
PUBLISH_IN_ADMIN = {"action": "publish_submitted", "_selected_action": "{submitted_a}"}

TABLE: list[Row] = [
    # --- public site: the same for everybody; published work only -----------------------------
    Row("GET", "/", every(200)),
    Row("GET", "/.json", every(200)),
    Row("GET", "/states/KAZ", every(200)),
    Row("GET", "/states/KAZ.json", every(200)),
    Row("GET", "/states/ZZZ", every(404)),
    Row("GET", "/states/KAZ/reports/state.json", every(200)),  # reports: published data, for everybody
    Row("GET", "/states/KAZ/reports/nothing.pdf", every(404)),
    Row("GET", "/healthz", every(200)),  # the health check: database and queue, no data
    Row("GET", "/states/KAZ/recurring", every(200)),
    Row("GET", "/states/KAZ/recurring.json?open=1", every(200)),
    Row("GET", "/states/KAZ/UPR/1", every(200)),
    Row("GET", "/states/KAZ/UPR/1.json", every(200)),
    Row("GET", "/states/KAZ/UPR/1/download.csv", every(200)),
    Row("GET", "/states/KAZ/UPR/1/reports/nothing.pdf", every(404)),
    Row("GET", "/recommendations?level=not+implemented", every(200)),
    Row("GET", "/recommendations?q=death&mode=hybrid&state=KAZ", every(200)),
    Row("GET", "/recommendations.json", every(200)),
    Row("GET", "/recommendations/download.csv", every(200)),
    Row("GET", "/recommendations/download.xlsx", every(200)),
    Row("GET", "/recommendations/download.json", every(200)),
    Row("GET", "/recommendations/{recommendation}", every(200)),
    Row("GET", "/recommendations/{recommendation}.json", every(200)),
    Row("GET", "/open-data/", every(200)),  # open data: what public pages show, for everybody
    Row("GET", "/open-data/datapackage.json", every(200)),
    Row("GET", "/open-data/rightstrack-open-data.zip", every(200)),
    Row("GET", "/open-data/assessments.csv", every(200)),
    Row("GET", "/open-data/nothing.csv", every(404)),
    Row("GET", "/stakeholders", every(200)),
    Row("GET", "/stakeholders.json", every(200)),
    Row("GET", "/stakeholders/{organisation_b}", every(200)),
    # only a draft: a page saying nothing is published (the draft never shows: test_stakeholder_pages)
    Row("GET", "/stakeholders/{organisation_a}.json", every(200)),
    Row("GET", "/stakeholders/999999", every(404)),
    # --- accounts and language -------------------------------------------------------------------
    Row("GET", "/accounts/login/", every(200)),
    Row("GET", "/accounts/logout/", every(405)),
    Row("POST", "/accounts/logout/", every(302)),
    Row("GET", "/accounts/password_change/", signed_in(LOGIN, 200)),
    Row("GET", "/accounts/password_change/done/", signed_in(LOGIN, 200)),
    Row("GET", "/accounts/password_reset/", every(200)),
    Row("GET", "/accounts/password_reset/done/", every(200)),
    Row("GET", "/accounts/reset/AA/not-a-token/", every(200)),  # the "invalid link" page
    Row("GET", "/accounts/reset/done/", every(200)),
    Row("GET", "/i18n/setlang/", every(302)),
    Row("POST", "/i18n/setlang/", every(302), {"language": "ru", "next": "/"}),
    # --- portal: reading ---------------------------------------------------------------------------
    Row("GET", "/portal/", signed_in(LOGIN, 200)),
    Row("GET", "/portal/reviews/{review}/", CONTRIBUTORS_ONLY),
    Row("GET", "/portal/reviews/{review}/sheet.xlsx", CONTRIBUTORS_ONLY),
    Row("GET", "/portal/recommendations/{fresh}/assess/", CONTRIBUTORS_ONLY),
    Row("GET", "/portal/recommendations/{recommendation}/assess/", (LOGIN, 403, 302, 200, 403, 403)),
    Row("GET", "/portal/assessments/{draft_a}/", DRAFT_OF_A),
    Row("GET", "/portal/assessments/{published}/", (LOGIN, 403, 403, 403, 200, 200)),
    Row("GET", "/portal/assessments/{draft_a}/history/", DRAFT_OF_A),
    # its history keeps B's own words: editors and organisation B only
    Row("GET", "/portal/assessments/{published}/history/", (LOGIN, 404, 404, 200, 200, 200)),
    Row("GET", "/portal/assessments/{draft_a}/submit/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/assessments/{draft_a}/publish/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/assessments/{draft_a}/return/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/moderation/", EDITORS_ONLY),
    Row("GET", "/portal/suggestions/?head=action&min=0.5", EDITORS_ONLY),
    Row("GET", "/portal/suggestions/group/?key=action:4", EDITORS_ONLY),
    Row("GET", "/portal/suggestions/{suggestion}/accept/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/suggestions/{suggestion}/reject/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/suggestions/decide/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/evidence/queue/", EDITORS_ONLY),
    Row("GET", "/portal/evidence/queue/{review}/?show=all&page=2", EDITORS_ONLY),
    Row("GET", "/portal/evidence/queue/999999/", (LOGIN, 403, 403, 403, 404, 404)),
    Row("GET", "/portal/evidence/{evidence}/confirm/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/evidence/{evidence}/reject/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/evidence/recommendation/{recommendation}/draft-assessment/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/upload/", (LOGIN, 403, 200, 200, 200, 200)),
    Row("GET", "/portal/imports/spreadsheet/", EDITORS_ONLY),
    # an upload staged by another session (or none) does not exist, even for editors
    Row("GET", "/portal/imports/spreadsheet/not-a-staged-upload-token/", (LOGIN, 403, 403, 403, 404, 404)),
    Row("GET", "/portal/imports/evidence/", EDITORS_ONLY),
    Row("GET", "/portal/campaigns/", EDITORS_ONLY),
    Row("GET", "/portal/campaigns/open/{review}/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/campaigns/{campaign}/", EDITORS_ONLY),
    Row("GET", "/portal/campaigns/{campaign}/remind/", signed_in(LOGIN, 405)),
    Row("GET", "/portal/invitations/new/", EDITORS_ONLY),
    Row("GET", "/portal/stakeholders/duplicates/", EDITORS_ONLY),
    # an invitation is for somebody not signed in: a signed-in person is asked to sign out first
    Row("GET", "/portal/invitations/{invitation}/", signed_in(200, 409)),
    Row("GET", "/portal/invitations/not-a-token/", every(410)),
    # --- portal: writing ---------------------------------------------------------------------------
    Row(
        "POST",
        "/portal/recommendations/{fresh}/assess/",
        (LOGIN, 403, 302, 302, 403, 403),
        {"grade": "", "original_text": "Our words.", "source_note": ""},
    ),
    Row(
        "POST",
        "/portal/assessments/{draft_a}/",
        (LOGIN, 404, 302, 404, 302, 302),
        {"original_text": "Changed.", "version": 1},
    ),
    Row(
        "POST",
        "/portal/assessments/{draft_a}/",
        (LOGIN, 404, 409, 404, 409, 409),
        {"original_text": "Too late.", "version": 99},
    ),
    Row("POST", "/portal/assessments/{published}/", (LOGIN, 403, 403, 403, 302, 302), {"version": 1}),
    # the workflow, every move from every status (draft → submitted → published, or returned to draft):
    # only the organisation submits its draft; only editors publish or return, and only what was submitted
    Row("POST", "/portal/assessments/{draft_a}/submit/", (LOGIN, 404, 302, 404, 403, 403)),
    Row("POST", "/portal/assessments/{submitted_a}/submit/", (LOGIN, 404, 409, 404, 403, 403)),
    Row("POST", "/portal/assessments/{published}/submit/", (LOGIN, 403, 403, 409, 403, 403)),
    Row("POST", "/portal/assessments/{draft_a}/publish/", (LOGIN, 404, 403, 404, 409, 409)),
    Row("POST", "/portal/assessments/{submitted_a}/publish/", (LOGIN, 404, 403, 404, 302, 302)),
    Row("POST", "/portal/assessments/{published}/publish/", (LOGIN, 403, 403, 403, 409, 409)),
    Row("POST", "/portal/assessments/{draft_a}/return/", (LOGIN, 404, 403, 404, 409, 409), REASON),
    Row("POST", "/portal/assessments/{submitted_a}/return/", (LOGIN, 404, 403, 404, 302, 302), REASON),
    Row("POST", "/portal/assessments/{submitted_a}/return/", (LOGIN, 404, 403, 404, 400, 400)),
    Row("POST", "/portal/assessments/{published}/return/", (LOGIN, 403, 403, 403, 409, 409), REASON),
    Row("POST", "/portal/upload/", (LOGIN, 403, 200, 200, 200, 200)),  # no file: the form again
    Row("POST", "/portal/imports/spreadsheet/", EDITORS_ONLY),  # no file: the form again
    Row("POST", "/portal/imports/spreadsheet/not-a-staged-upload-token/", (LOGIN, 403, 403, 403, 404, 404)),
    Row("POST", "/portal/imports/evidence/", EDITORS_ONLY),  # no file: the form again
    Row("POST", "/portal/suggestions/{suggestion}/accept/", (LOGIN, 403, 403, 403, 302, 302)),
    Row("POST", "/portal/suggestions/{suggestion}/reject/", (LOGIN, 403, 403, 403, 302, 302)),
    Row("POST", "/portal/evidence/{evidence}/confirm/", (LOGIN, 403, 403, 403, 302, 302)),
    Row("POST", "/portal/evidence/{evidence}/reject/", (LOGIN, 403, 403, 403, 302, 302)),
    Row(
        "POST",
        "/portal/evidence/recommendation/{recommendation}/draft-assessment/",
        (LOGIN, 403, 403, 403, 302, 302),
    ),
    Row(
        "POST",
        "/portal/suggestions/decide/",
        (LOGIN, 403, 403, 403, 302, 302),
        {"action": "reject", "suggestion": "{suggestion}"},
    ),
    Row("POST", "/portal/campaigns/open/{review}/", (LOGIN, 403, 403, 403, 302, 302)),
    Row(
        "POST",
        "/portal/campaigns/{campaign}/",
        (LOGIN, 403, 403, 403, 302, 302),
        {"stakeholder": "{organisation_b}", "email": "b@example.org"},
    ),
    Row("POST", "/portal/campaigns/{campaign}/remind/", (LOGIN, 403, 403, 403, 302, 302)),
    # merging two stakeholders that do not exist: editors are told there is no such stakeholder
    Row(
        "POST",
        "/portal/stakeholders/duplicates/",
        (LOGIN, 403, 403, 403, 404, 404),
        {"merge": "0", "into": "0"},
    ),
    Row(
        "POST",
        "/portal/invitations/new/",
        (LOGIN, 403, 403, 403, 302, 302),
        {"email": "someone@example.org", "role": "viewer"},
    ),
    Row(
        "POST",
        "/portal/invitations/{invitation}/",
        signed_in(302, 409),
        {"username": "newcomer", "password": "a-long-passphrase-2"},
    ),
    # --- API: reading ------------------------------------------------------------------------------
    Row("GET", "/api/", every(200)),
    Row("GET", "/api/schema/", every(200)),
    Row("GET", "/api/docs/", every(200)),
    Row("GET", "/api/token/", every(405)),
    Row("GET", "/api/states/", every(200)),
    Row("GET", "/api/states/kaz/", every(200)),
    Row("GET", "/api/reviews/?state=KAZ&mechanism=upr&cycle=1", every(200)),
    Row("GET", "/api/reviews/{review}/", every(200)),
    Row("GET", "/api/recommendations/?level=no+answer&sort=-year", every(200)),
    Row("GET", "/api/recommendations/{recommendation}/", every(200)),
    Row("GET", "/api/stakeholders/", every(200)),
    Row("GET", "/api/stakeholders/{organisation_a}/", every(200)),
    Row("GET", "/api/assessments/?status=draft", every(200)),
    Row("GET", "/api/assessments/?status=bogus", every(400)),
    Row("GET", "/api/assessments/{draft_a}/", API_DRAFT_OF_A),
    Row("GET", "/api/assessments/{published}/", every(200)),
    Row("GET", "/api/assessments/{draft_a}/submit/", every(405)),
    Row("GET", "/api/assessments/{draft_a}/publish/", every(405)),
    Row("GET", "/api/assessments/{draft_a}/return/", every(405)),
    # evidence: documents for everybody; the pending link ({evidence}) exists for editors only
    Row("GET", "/api/recommendations/{fresh}/evidence/", every(200)),
    Row("GET", "/api/recommendations/{fresh}/draft-assessment/", every(405)),
    Row("GET", "/api/evidence-documents/?state=KAZ&kind=national-report", every(200)),
    Row("GET", "/api/evidence-documents/?kind=bogus", every(400)),
    Row("GET", "/api/evidence-documents/{evidence_document}/", every(200)),
    Row("GET", "/api/evidence-documents/{evidence_document}/paragraphs/", every(200)),
    Row("GET", "/api/evidence-links/?decision=pending", every(200)),
    Row("GET", "/api/evidence-links/{evidence}/", (404, 404, 404, 404, 200, 200)),
    Row("GET", "/api/evidence-links/{evidence}/confirm/", every(405)),
    Row("GET", "/api/evidence-links/{evidence}/reject/", every(405)),
    # --- API: writing ------------------------------------------------------------------------------
    Row("POST", "/api/states/", every(405)),
    Row("POST", "/api/schema/", every(405)),
    Row("POST", "/api/docs/", every(405)),
    Row("POST", "/api/token/", every(400), {"username": "editor", "password": "wrong"}),
    Row(
        "POST",
        "/api/assessments/",
        (401, 403, 201, 201, 403, 403),
        {"recommendation": "{fresh}", "grade": "partially", "text": "Half done."},
    ),
    Row(
        "POST",
        "/api/assessments/",
        (401, 403, 403, 201, 403, 403),  # only B may name organisation B
        {"recommendation": "{fresh}", "stakeholder": "{organisation_b}", "text": "Ours."},
    ),
    Row("PATCH", "/api/assessments/{draft_a}/", (401, 404, 200, 404, 403, 403), {"version": 1, "text": "T"}),
    Row(
        "PATCH",
        "/api/assessments/{draft_a}/",
        (401, 404, 403, 404, 200, 200),
        {"version": 1, "public_text": "Edited."},
    ),
    Row("PATCH", "/api/assessments/{draft_a}/", (401, 404, 409, 404, 403, 403), {"version": 9, "text": "T"}),
    Row("PATCH", "/api/assessments/{draft_a}/", (401, 404, 400, 404, 400, 400), {"text": "no version"}),
    Row(
        "PATCH",
        "/api/assessments/{published}/",
        (401, 403, 403, 403, 200, 200),
        {"version": 1, "public_text": "Edited."},
    ),
    Row("PUT", "/api/assessments/{draft_a}/", every(405), {"version": 1, "text": "T"}),
    Row("DELETE", "/api/assessments/{draft_a}/", every(405)),
    # the workflow, as on the portal (refused: 403 who, 409 from which status, 400 no reason)
    Row("POST", "/api/assessments/{draft_a}/submit/", (401, 404, 200, 404, 403, 403)),
    Row("POST", "/api/assessments/{submitted_a}/submit/", (401, 404, 409, 404, 403, 403)),
    Row("POST", "/api/assessments/{published}/submit/", (401, 403, 403, 409, 403, 403)),
    Row("POST", "/api/assessments/{draft_a}/publish/", (401, 404, 403, 404, 409, 409)),
    Row("POST", "/api/assessments/{submitted_a}/publish/", (401, 404, 403, 404, 200, 200)),
    Row("POST", "/api/assessments/{published}/publish/", (401, 403, 403, 403, 409, 409)),
    Row("POST", "/api/assessments/{draft_a}/return/", (401, 404, 403, 404, 409, 409), REASON),
    Row("POST", "/api/assessments/{submitted_a}/return/", (401, 404, 403, 404, 200, 200), REASON),
    Row("POST", "/api/assessments/{submitted_a}/return/", (401, 404, 403, 404, 400, 400)),
    Row("POST", "/api/assessments/{published}/return/", (401, 403, 403, 403, 409, 409), REASON),
    # evidence: editors decide and draft, as on the site (nothing confirmed on {fresh} yet: 400)
    Row("POST", "/api/evidence-documents/", every(405)),
    Row("POST", "/api/evidence-links/{evidence}/confirm/", (401, 403, 403, 403, 200, 200)),
    Row("POST", "/api/evidence-links/{evidence}/reject/", (401, 403, 403, 403, 200, 200)),
    Row(
        "POST",
        "/api/recommendations/{fresh}/draft-assessment/",
        (401, 403, 403, 403, 400, 400),
        {"stakeholder": "{organisation_b}", "scheme": "iri", "grade": "fully"},
    ),
    # --- admin: staff only ---------------------------------------------------------------------------
    Row("GET", "/admin/", ADMIN_ONLY),
    Row("GET", "/admin/login/", (200, 200, 200, 200, 200, 302)),
    Row("GET", "/admin/logout/", (302, 302, 302, 302, 302, 405)),
    Row("GET", "/admin/password_change/", ADMIN_ONLY),
    Row("GET", "/admin/password_change/done/", ADMIN_ONLY),
    Row("GET", "/admin/r/{assessment_type}/{draft_a}/", (*ADMIN_ONLY[:5], 404)),  # no page on the site
    Row("GET", "/admin/autocomplete/", (*ADMIN_ONLY[:5], 403)),  # no field named: refused
    Row("GET", "/admin/jsi18n/", ADMIN_ONLY),
    Row("GET", "/admin/assessments/", ADMIN_ONLY),
    Row("GET", "/admin/no-such-page/", (*ADMIN_ONLY[:5], 404)),
    # One model stands for the pattern every registered model has (all are checked below).
    Row("GET", "/admin/assessments/assessment/", ADMIN_ONLY),
    Row("GET", "/admin/assessments/assessment/add/", ADMIN_ONLY),
    Row("GET", "/admin/assessments/assessment/{draft_a}/change/", ADMIN_ONLY),
    Row("GET", "/admin/assessments/assessment/{draft_a}/history/", ADMIN_ONLY),
    Row("GET", "/admin/assessments/assessment/{draft_a}/delete/", ADMIN_ONLY),
    Row("GET", "/admin/assessments/assessment/{draft_a}/", (*ADMIN_ONLY[:5], 302)),
    # the admin's one status move is the workflow's publish (what it refuses is a message on the list)
    Row("POST", "/admin/assessments/assessment/", (*ADMIN_ONLY[:5], 302), PUBLISH_IN_ADMIN),
    Row("GET", "/admin/auth/user/{admin_id}/password/", ADMIN_ONLY),
]


# --- which patterns exist --------------------------------------------------------------------------

_MODEL_PREFIX = re.compile(r"^admin/(?P<app>\w+)/(?P<model>\w+)/")
_APP_LABELS = re.compile(r"\(\?P<app_label>[^)]*\)")


def _join(prefix: str, route: str) -> str:
    return prefix + route.removeprefix("^") if prefix else route  # as ResolverMatch.route is built


def _key(route: str) -> str:
    """One key per pattern; the admin's per-model patterns fold into one family."""
    match = _MODEL_PREFIX.match(route)
    if match and admin.site.is_registered(_model(match["app"], match["model"])):
        route = "admin/<app>/<model>/" + route[match.end() :]
    return _APP_LABELS.sub("(?P<app_label>...)", route)


def _model(app: str, model: str) -> Any:
    from django.apps import apps

    try:
        return apps.get_model(app, model)
    except (LookupError, ValueError):
        return None


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        route = _join(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, route)
        else:
            assert isinstance(pattern, URLPattern)
            yield route


def every_pattern() -> set[str]:
    return {_key(route) for route in _walk(get_resolver())}


@pytest.fixture
def submitted_a(world: World) -> Assessment:
    """Organisation A's assessment of ``other``, submitted and waiting for an editor."""
    return Assessment.private_objects.create(
        recommendation=world.other,
        stakeholder=world.organisation_a,
        original_text="SUBMITTED BY A: half done",
        status=Status.SUBMITTED,
    )


def _placeholders(
    world: World, administrator: User | None = None, submitted: Assessment | None = None
) -> dict[str, Any]:
    return {
        "submitted_a": submitted.pk if submitted else world.draft_a.pk,
        "review": world.review.pk,
        "recommendation": world.recommendation.pk,
        "other": world.other.pk,
        "fresh": world.fresh.pk,
        "organisation_a": world.organisation_a.pk,
        "organisation_b": world.organisation_b.pk,
        "draft_a": world.draft_a.pk,
        "published": world.published.pk,
        "campaign": world.campaign.pk,
        "invitation": world.invitation.token,
        "suggestion": world.suggestion.pk,
        "evidence": world.evidence.pk,
        "evidence_document": world.evidence.paragraph.document_id,
        "admin_id": administrator.pk if administrator else 1,
        "assessment_type": ContentType.objects.get_for_model(Assessment).pk,
    }


def test_the_table_names_every_url_pattern_of_the_project(world: World) -> None:
    ids = _placeholders(world)
    covered = {_key(resolve(row.url.format(**ids).split("?")[0]).route) for row in TABLE}
    missing = sorted(every_pattern() - covered)
    assert not missing, "URL patterns without a row in TABLE:\n" + "\n".join(missing)


# --- playing the table -----------------------------------------------------------------------------


def _fill(value: Any, ids: dict[str, Any]) -> Any:
    if isinstance(value, str) and value.startswith("{"):
        return value.format(**ids)
    return value


def _request(client: Client, row: Row, ids: dict[str, Any]) -> HttpResponseBase:
    url = row.url.format(**ids)
    data = {name: _fill(value, ids) for name, value in (row.data or {}).items()}
    if row.method == "GET":
        return client.get(url)
    if url.startswith("/api/"):
        return client.generic(row.method, url, json.dumps(data), content_type="application/json")
    return client.post(url, data) if row.method == "POST" else client.generic(row.method, url)


def _outcome(response: HttpResponseBase) -> Expect:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return LOGIN
        if location.startswith("/admin/login/"):
            return ADMIN_LOGIN
    return response.status_code


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_on_every_url(
    persona: str, personas: dict[str, User | None], world: World, submitted_a: Assessment
) -> None:
    user = personas[persona]
    ids = _placeholders(world, personas["admin"], submitted_a)
    column = PERSONAS.index(persona)
    wrong = []
    for row in TABLE:
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        with transaction.atomic():
            got = _outcome(_request(client, row, ids))
            transaction.set_rollback(True)  # every row starts from the same world
        if got != row.expect[column]:
            wrong.append(f"{row.method} {row.url.format(**ids)}: expected {row.expect[column]}, got {got}")
    assert not wrong, f"{persona}:\n" + "\n".join(wrong)


def test_every_registered_admin_model_answers_staff_only(
    world: World, administrator: User, viewer: User
) -> None:
    staff, other = Client(raise_request_exception=False), Client()
    staff.force_login(administrator)
    other.force_login(viewer)
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert staff.get(base).status_code == 200, base
        assert _outcome(other.get(base)) == ADMIN_LOGIN, base
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            page = f"{base}{first.pk}/change/"
            assert staff.get(page).status_code == 200, page


def test_the_history_of_a_published_assessment_keeps_the_original_text_from_non_editors(
    world: World, viewer: User, editor: User
) -> None:
    from rightstrack.portal.services import apply_changes

    apply_changes(world.published, {"public_text": "Edited for publication."}, 1, editor)
    client = Client()
    client.force_login(viewer)
    page = client.get(f"/portal/assessments/{world.published.pk}/history/")
    assert page.status_code == 404
    assert "Ratified in 2008." not in page.content.decode()  # the original words, replaced in public
