"""``rightstrack manage ...`` runs Django's management commands with the CLI's settings (no manage.py)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rightstrack.cli.main import app

runner = CliRunner()


@pytest.mark.django_db(transaction=True)
def test_manage_createsuperuser_makes_an_administrator_who_can_sign_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.contrib.auth import authenticate, get_user_model

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "first-Password-2026")
    made = runner.invoke(
        app, ["manage", "createsuperuser", "--noinput", "--username", "admin", "--email", "admin@example.org"]
    )
    assert made.exit_code == 0, made.output
    administrator = get_user_model().objects.get(username="admin")
    assert administrator.is_superuser
    assert authenticate(username="admin", password="first-Password-2026") is not None


@pytest.mark.django_db
def test_manage_passes_options_through_to_the_django_command() -> None:
    listed = runner.invoke(app, ["manage", "help"])
    assert listed.exit_code == 0
    for command in ("createsuperuser", "changepassword", "collectstatic", "check"):
        assert command in listed.output
    helped = runner.invoke(app, ["manage", "changepassword", "--help"])
    assert helped.exit_code == 0
    assert "usage: rightstrack manage changepassword" in helped.output


@pytest.mark.django_db
def test_manage_check_deploy_reports_what_a_development_setup_lacks() -> None:
    checked = runner.invoke(app, ["manage", "check", "--deploy"])
    assert "security.W" in checked.output  # the development key, insecure cookies...
