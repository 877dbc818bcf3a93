"""Playwright driving Debian's Chromium (/usr/bin/chromium), never a downloaded browser.

Browser tests use the `page` fixture of tests/conftest.py against pytest-django's `live_server`; they
skip with the reason where Chromium or Playwright is absent (and fail in CI, TRACKER_REQUIRE_SERVICES).
Playwright's sync API runs an event loop in the test thread, which Django's async-safety check would
refuse, hence DJANGO_ALLOW_ASYNC_UNSAFE for those tests only.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.support.services import missing

CHROMIUM = os.environ.get("TRACKER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Where browser tests save their screenshots (phone and desktop width of each page).
SCREENSHOTS = Path(os.environ.get("TRACKER_SCREENSHOTS", "var/screenshots"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        missing(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("the playwright package is not installed (make venv)")
    return CHROMIUM


def screenshot(page, name: str) -> list[Path]:
    """Save the page at phone and at desktop width; returns the two paths."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    paths = []
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        path = SCREENSHOTS / f"{name}-{label}.png"
        # caret="initial": Playwright would otherwise inject a <style> to hide the caret, which our
        # Content-Security-Policy refuses (a console error in the page).
        page.screenshot(path=str(path), full_page=True, caret="initial")
        paths.append(path)
    return paths
