"""A web worker freezes what its start-up made (tracker/wsgi.py): its full garbage collections then walk
only the objects requests made, not the ~150,000 the app's start-up left, which cost 170-210 ms of CPU a
collection on a loaded machine and fell on whichever request was running (docs/performance.md, session 9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = "import gc, tracker.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()))"


def test_the_wsgi_application_starts_with_its_start_up_frozen(tmp_path):
    env = os.environ | {"DEBUG": "1", "TRACKER_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)  # importing the app opens no connection; no database is needed
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    frozen, tracked = map(int, done.stdout.split())
    assert frozen > 10_000  # the app's modules, models, settings
    assert tracked < frozen // 10  # what the collector still walks
