"""Security basics: CSRF on forms, throttled sign-in, upload limits, CSP, and roles that reach the admin."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from rightstrack.assessments.models import Stakeholder
from rightstrack.portal.forms import MAX_UPLOAD
from rightstrack.portal.models import Invitation, Membership, Role

PASSWORD = "a-long-test-passphrase"


@pytest.fixture
def contributor(db: None) -> User:
    organisation = Stakeholder.objects.create(name="Organisation A", acronym="ORGA", kind="ngo")
    user = User.objects.create_user("alice", "alice@example.org", PASSWORD)
    Membership.objects.create(user=user, role=Role.CONTRIBUTOR, organisation=organisation)
    return user


def test_every_page_sends_a_content_security_policy_that_allows_no_foreign_script(
    client: Client, db: None
) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-eval" not in policy and "script-src" not in policy.replace("default-src", "")
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    "url",
    ["/accounts/login/", "/portal/upload/", "/portal/invitations/new/", "/i18n/setlang/"],
)
def test_forms_refuse_a_post_without_the_csrf_token(url: str, contributor: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    assert client.post(url, {"username": "x"}).status_code == 403


def test_sign_in_is_throttled_after_repeated_failures(contributor: User) -> None:
    client = Client()
    for _ in range(5):
        page = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
        assert page.status_code == 200
    locked = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session  # even the right password is refused while locked


def test_an_upload_must_be_a_small_xlsx(contributor: User, client: Client) -> None:
    client.force_login(contributor)
    text = SimpleUploadedFile("sheet.xlsx", b"not a workbook", content_type="application/octet-stream")
    page = client.post("/portal/upload/", {"sheet": text})
    assert "This is not an Excel (.xlsx) file." in page.content.decode()
    other = SimpleUploadedFile("notes.pdf", b"%PDF-1.4", content_type="application/pdf")
    assert (
        "Upload the Excel sheet (.xlsx)" in client.post("/portal/upload/", {"sheet": other}).content.decode()
    )
    big = SimpleUploadedFile("sheet.xlsx", b"PK\x03\x04" + b"0" * MAX_UPLOAD, content_type="application/zip")
    assert "the limit is 5,242,880 bytes" in client.post("/portal/upload/", {"sheet": big}).content.decode()


def test_a_contributor_cannot_upload_a_sheet_written_for_another_organisation(
    kazakhstan_mia: Path, contributor: User, client: Client, tmp_path: Path
) -> None:
    from rightstrack.assessments.sheets import sheet_for
    from rightstrack.core.records import StakeholderRecord
    from rightstrack.recommendations.models import Review

    review = Review.objects.get(state_id="KAZ", cycle=1)
    data = sheet_for(review, StakeholderRecord("Organisation B", "ORGB", "ngo"))
    client.force_login(contributor)
    page = client.post("/portal/upload/", {"sheet": SimpleUploadedFile("b.xlsx", data)})
    assert "this sheet was written for Organisation B" in page.content.decode()


def test_an_invited_editor_gets_the_admin_and_a_contributor_does_not(client: Client, db: None) -> None:
    inviter = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    client.force_login(inviter)
    client.post("/portal/invitations/new/", {"email": "erin@example.org", "role": "editor"})
    assert mail.outbox and "/portal/invitations/" in mail.outbox[0].body
    invitation = Invitation.objects.get(email="erin@example.org")
    newcomer = Client()
    newcomer.post(f"/portal/invitations/{invitation.token}/", {"username": "erin", "password": PASSWORD})
    assert newcomer.get("/admin/assessments/assessment/").status_code == 200
    organisation = Stakeholder.objects.create(name="Organisation A", kind="ngo")
    client.post(
        "/portal/invitations/new/",
        {"email": "cy@example.org", "role": "contributor", "organisation": organisation.pk},
    )
    second = Invitation.objects.get(email="cy@example.org")
    other = Client()
    other.post(f"/portal/invitations/{second.token}/", {"username": "cy", "password": PASSWORD})
    assert other.get("/admin/").status_code == 302
    assert User.objects.get(username="cy").membership.organisation == organisation
