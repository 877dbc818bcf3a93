"""The `.env` make writes carries what `make run` uses, so commands from a second terminal
(`manage.py send_digests --now`) send to the same mail sink and link to the same site (issue 13)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def write_env(tmp_path: Path, *variables: str) -> dict[str, str]:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    env = {"PATH": "/usr/bin:/bin"}  # not the test run's own EMAIL_URL or SITE_URL
    subprocess.run(["make", "-s", ".env", *variables], cwd=tmp_path, env=env, check=True)
    values: dict[str, str] = {}
    for line in (tmp_path / ".env").read_text().splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = value
    return values


def test_env_follows_the_ports_of_make_run(tmp_path):
    assert write_env(tmp_path) == {
        "DEBUG": "1",
        "EMAIL_URL": "smtp://127.0.0.1:1025",
        "SITE_URL": "http://127.0.0.1:8000",
    }
    values = write_env(tmp_path, "PORT=8100", "MAIL_PORT=2525")
    assert values["EMAIL_URL"] == "smtp://127.0.0.1:2525"  # the sink's port moves the sending side too
    assert values["SITE_URL"] == "http://127.0.0.1:8100"
