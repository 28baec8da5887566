"""The installed-package tests use the browser fixtures of ``tests/browser_fixtures.py`` (the root
conftest's plugin), the same Playwright session as tests/browser."""
