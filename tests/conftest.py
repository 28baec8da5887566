"""Shared fixtures: paths to real documents, and a database loaded with the Kazakhstan MIA."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE_MIA = ROOT / "examples" / "kazakhstan" / "upr-info-mia-2012.txt"
TAXONOMIES = SHARED / "data" / "taxonomies"
#: The browser fixtures, one Playwright session for tests/browser and tests/packaging.
pytest_plugins = ["tests.browser_fixtures"]


def shared_path(*parts: str) -> Path:
    """A file of ../shared, or a skip with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared data set (../shared beside the project)")
    return path


@pytest.fixture
def vocabularies(db: None) -> None:
    """The UPR Info issue vocabularies, loaded from ../shared/data/taxonomies."""
    from rightstrack.recommendations.vocabularies import import_vocabulary

    for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt"):
        import_vocabulary(shared_path("data", "taxonomies", name))


@pytest.fixture
def kazakhstan_mia(vocabularies: None) -> Iterator[Path]:
    """The database after importing the Kazakhstan MIA (seed 000) shipped in examples/."""
    from rightstrack.documents.importing import import_files

    import_files([EXAMPLE_MIA])
    yield EXAMPLE_MIA


def database_snapshot() -> dict[str, int]:
    """Row counts of every RightsTrack table: equal before and after a failed import."""
    from django.apps import apps

    counts: dict[str, int] = {}
    for label in ("documents", "recommendations", "assessments"):
        for model in apps.get_app_config(label).get_models():
            counts[model._meta.label] = model._base_manager.count()
    return counts


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Each test starts with an empty cache (sign-in lockouts, cached facets) in the site's language."""
    from django.conf import settings

    if not settings.configured:  # core tests run without Django (-p no:django)
        yield
        return
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
    # a page asked for in Russian leaves Russian active in this thread (LocaleMiddleware activates
    # the request's language and nothing deactivates it): the next test starts in the default
    from django.utils import translation

    translation.deactivate()
