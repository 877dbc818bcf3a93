"""Ctrl-C stops `make run` without error lines: the Procfile's processes under honcho, given SIGINT as a
terminal gives it, all stop with status 0 and print no error; honcho's 130 is not an error to make.

Starts the real processes (gunicorn, two celery workers, beat, the mail sink) on free ports against a
database migrated in a temporary directory: about half a minute."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.smtp import free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def _health(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_ctrl_c_stops_every_process_quietly(tmp_path):
    honcho = ROOT / ".venv" / "bin" / "honcho"
    if not honcho.exists():
        pytest.skip("honcho is not installed in .venv (make venv)")
    port, mail_port = free_port(), free_port()
    env = os.environ | {
        "DEBUG": "1",
        "TRACKER_VAR_DIR": str(tmp_path),
        "PORT": str(port),
        "MAIL_PORT": str(mail_port),
        "EMAIL_URL": f"smtp://127.0.0.1:{mail_port}",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)  # its own SQLite under tmp_path, whatever the tests use
    env.pop("CELERY_BROKER_URL", None)
    migrate = [sys.executable, "manage.py", "migrate", "--noinput"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True, capture_output=True, timeout=180)
    log = tmp_path / "honcho.log"
    with log.open("wb") as out:
        # A session of its own, like a terminal's foreground job: SIGINT goes to the whole group.
        run = subprocess.Popen(
            [str(honcho), "start", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            text = lambda: log.read_text(errors="replace")  # noqa: E731
            workers = (ROOT / "Procfile").read_text().count("celery -A tracker worker")
            started = _wait_for(
                lambda: _health(port) and text().count(" ready.") >= workers and "Mail sink on" in text(), 120
            )
            assert started, text()[-3000:]
            os.killpg(run.pid, signal.SIGINT)
            returncode = run.wait(timeout=60)
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
    output = log.read_text(errors="replace")
    stopping = output[output.index("SIGINT received") :]
    assert returncode == 130, output[-3000:]
    names = re.findall(r"(?m)^([a-z]+):", (ROOT / "Procfile").read_text())
    assert "web" in names and "mail" in names
    for name in names:
        assert re.search(rf"\| {name}\.1 +stopped \(rc=0\)", stopping), (name, stopping)
    for bad in ("ERROR", "Error", "Traceback", "SIGKILL", "CRITICAL", "Cold shutdown"):
        assert bad not in stopping, (bad, stopping)
    makefile = (ROOT / "Makefile").read_text()
    assert "honcho start --port $(PORT) || [ $$? -eq 130 ]" in makefile  # 130 ends `make run` quietly
