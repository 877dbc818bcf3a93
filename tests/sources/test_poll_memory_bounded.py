"""Memory of one process polling the robustness corpus's attack and huge files (issue 15, item 12).

As the issue measured it: ../shared/feeds/edge's xml-attacks/* and huge__* files served locally, one
feed each, `manage.py poll_feeds --sync` in one process (polls, page fetches and the eager analysis of
what was stored). The process runs in a fresh parent whose only child it is, so the parent's
RUSAGE_CHILDREN peak is that process's peak RSS. A memory bound, not a time bound.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.support.corpus import CORPUS, corpus_files

pytestmark = pytest.mark.slow

PEAK_RSS_LIMIT_MB = 1024
# The hosts the huge podcast feeds link to, answered by the local server (no DNS, no internet).
LINKED_HOSTS = ("www.giantbomb.com", "cre.fm", "feedproxy.google.com", "de.wikipedia.org")
PEAK_OF_CHILD = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]);"
    " print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)"
)


def attack_and_huge_files() -> list[Path]:
    edge = CORPUS / "edge"
    files = [p for p in corpus_files() if p.is_relative_to(edge)]
    return [p for p in files if p.name.startswith("huge__") or p.parent.name == "xml-attacks"]


def manage(env: dict, *args: str, peak: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]
    if peak:
        command = [sys.executable, "-c", PEAK_OF_CHILD, *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True, timeout=1800)


def test_polling_the_attack_and_huge_files_stays_under_a_gigabyte(httpserver, tmp_path):
    files = attack_and_huge_files()
    assert len(files) >= 11 and any(p.stat().st_size > 1_000_000 for p in files)
    for n, path in enumerate(files):
        httpserver.route(f"/edge/{n}", body=path.read_bytes(), headers={"Content-Type": "application/xml"})
    resolve = dict.fromkeys(LINKED_HOSTS, f"127.0.0.1:{httpserver.port}")
    (tmp_path / "memory_settings.py").write_text(
        f"from tracker.settings import *  # noqa: F403\n\nTRACKER_FETCH_RESOLVE = {resolve!r}\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in ("DATABASE_URL", "CELERY_BROKER_URL", "TRACKER_REQUIRE_SERVICES", "DJANGO_SETTINGS_MODULE")
    }
    env |= {
        "DEBUG": "1",
        "TRACKER_VAR_DIR": str(tmp_path / "var"),  # its own SQLite database and broker folder
        "TRACKER_ALLOW_PRIVATE_URLS": "1",
        "DJANGO_SETTINGS_MODULE": "memory_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(settings.BASE_DIR)]),
    }
    manage(env, "migrate", "-v0")
    urls = [httpserver.url(f"/edge/{n}") for n in range(len(files))]
    manage(
        env,
        "shell",
        "-c",
        f"from tracker.sources.models import Feed\nfor url in {urls!r}: Feed.objects.create(url=url)",
    )
    done = manage(env, "poll_feeds", "--sync", peak=True)
    assert f"polled {len(files)} feeds" in done.stdout
    assert "ok HTTP 200: 730 new" in done.stdout  # the 1.6 MB feed was read whole
    peak_mb = int(done.stdout.split("PEAK_KB")[1].split()[0]) / 1024
    assert peak_mb < PEAK_RSS_LIMIT_MB, f"poll_feeds --sync peaked at {peak_mb:.0f} MB"
