"""The browser fixtures of tests/browser (Debian's Chromium through Playwright), for the installed site."""

from tests.browser.conftest import browser, page

__all__ = ["browser", "page"]
