"""Settings come from the environment, fail loudly on bad values, and are all documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rightstrack.config.env import SettingError, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


def test_booleans_accept_the_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    for raw, expected in [("1", True), ("yes", True), ("ON", True), ("0", False), ("off", False)]:
        monkeypatch.setenv("RT_FLAG", raw)
        assert env_bool("RT_FLAG", not expected) is expected


def test_a_malformed_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RT_FLAG", "maybe")
    with pytest.raises(SettingError, match="RT_FLAG='maybe'"):
        env_bool("RT_FLAG", False)
    monkeypatch.setenv("RT_NUMBER", "ten")
    with pytest.raises(SettingError, match="RT_NUMBER='ten': expected a whole number"):
        env_int("RT_NUMBER", 1)


def test_lists_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RT_HOSTS", "a.org, b.org,,")
    assert env_list("RT_HOSTS", []) == ["a.org", "b.org"]


def test_every_environment_variable_the_settings_read_is_documented() -> None:
    sources = "".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "src" / "rightstrack").rglob("*.py")
    )
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', sources))
    documented = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert read, "no setting found: the pattern no longer matches settings.py"
    missing = sorted(name for name in read if f"`{name}`" not in documented)
    assert not missing, f"undocumented settings: {missing}"
