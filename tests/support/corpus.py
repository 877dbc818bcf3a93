"""The robustness corpus of ../shared/feeds: where it is, which files it has, what headers they need."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "feeds"
NOT_FEEDS = {"README.md", "MANIFEST.jsonl", "LICENSE"}
ABSENT = "the robustness corpus ../shared/feeds is absent (it lives beside the repository in CI)"
# "Header: Content-type: text/xml; charset=..." lines in the opening comment of feedparser's tests.
HEADER = re.compile(r"^\s*Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.M)


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(ABSENT)
    return sorted(path for path in CORPUS.rglob("*") if path.is_file() and path.name not in NOT_FEEDS)


def opening_comment(data: bytes) -> str:
    """The test description at the top of a feedparser test, readable whatever the file's encoding."""
    text = data[:4096].replace(b"\x00", b"").decode("latin-1")
    return text.split("-->", 1)[0] if "<!--" in text else ""


def headers_for(data: bytes) -> dict[str, str]:
    """The HTTP headers a feedparser test file says its server must send (lower-case names)."""
    return {key.lower(): value for key, value in HEADER.findall(opening_comment(data))}
