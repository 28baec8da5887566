"""Browser tests: the fixtures (``browser``, ``page``) come from ``tests/browser_fixtures.py``."""

from tests.browser_fixtures import SCREENSHOTS

__all__ = ["SCREENSHOTS"]
