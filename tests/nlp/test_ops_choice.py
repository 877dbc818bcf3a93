"""Which thinc ops run the model (tracker/nlp/ops_choice.py): the setting's three values, a calibration
that keeps the faster ops, and OpenBLAS kept to one thread unless the environment says otherwise.
(That both ops give the same annotations is tested in test_pipeline.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from thinc.api import NumpyOps

from tracker.nlp import ops_choice
from tracker.nlp.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("auto", "auto"),
        (" AUTO ", "auto"),
        ("", "auto"),
        ("1", True),
        ("true", True),
        ("on", True),
        ("0", False),
        ("False", False),
        ("no", False),
        (True, True),
        (False, False),
    ],
)
def test_the_setting_reads_auto_true_and_false(value, expected):
    assert ops_choice.parse_setting(value) == expected


@pytest.mark.parametrize("value", ["maybe", "2", "numpy", "auto!"])
def test_any_other_setting_is_refused(value):
    with pytest.raises(ValueError, match="TRACKER_SPACY_NUMPY_OPS must be auto, 1 .true. or 0 .false."):
        ops_choice.parse_setting(value)


def settings_value(value: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_SPACY_NUMPY_OPS"}
    env |= {"DEBUG": "1", "DJANGO_SETTINGS_MODULE": "tracker.settings"}
    if value is not None:
        env["TRACKER_SPACY_NUMPY_OPS"] = value
    code = "from django.conf import settings; print(repr(settings.TRACKER_SPACY_NUMPY_OPS))"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)


def test_settings_default_to_auto_and_refuse_a_hostile_value_clearly():
    assert settings_value(None).stdout.strip() == "'auto'"
    assert settings_value("true").stdout.strip() == "True"
    assert settings_value("0").stdout.strip() == "False"
    refused = settings_value("fast please")
    assert refused.returncode != 0
    last = refused.stderr.strip().splitlines()[-1]
    assert last == (
        "django.core.exceptions.ImproperlyConfigured: TRACKER_SPACY_NUMPY_OPS must be auto, 1 (true)"
        " or 0 (false), not 'fast please'"
    )


class SlowOps(NumpyOps):
    """NumpyOps whose products spin for a while: CPU time the calibration must see (a sleep it would not)."""

    def gemm(self, *args, **kwargs):
        until = time.process_time() + 0.003
        while time.process_time() < until:
            pass
        return super().gemm(*args, **kwargs)


def test_auto_keeps_the_faster_ops(monkeypatch):
    nlp = build_pipeline()
    choice = ops_choice.apply(nlp, "auto")
    assert choice.setting == "auto" and choice.seconds > 0
    assert ops_choice.choice_of(nlp) is choice
    assert ops_choice.uses_numpy_ops(nlp) is choice.numpy_ops
    assert (choice.numpy_ms < choice.default_ms) is choice.numpy_ops

    monkeypatch.setattr("thinc.api.NumpyOps", SlowOps)  # NumpyOps(use_blis=False) made slow
    slowed = ops_choice.apply(build_pipeline(), "auto")
    assert not slowed.numpy_ops and slowed.numpy_ms > slowed.default_ms
    monkeypatch.undo()

    loaded_slow = build_pipeline()  # the loaded (default) ops made slow: NumpyOps wins
    for node in ops_choice._model_nodes(loaded_slow):
        node.ops = SlowOps(use_blis=True)
    chosen = ops_choice.apply(loaded_slow, "auto")
    assert chosen.numpy_ops and ops_choice.uses_numpy_ops(loaded_slow)
    assert "auto: default" in chosen.describe()


def test_true_and_false_are_obeyed_without_calibrating():
    assert not ops_choice.apply(build_pipeline(), False).numpy_ops
    forced = build_pipeline(numpy_ops=True)
    assert ops_choice.uses_numpy_ops(forced) and ops_choice.choice_of(forced).default_ms is None
    with pytest.raises(ValueError, match="numpy_ops must be True, False or 'auto'"):
        ops_choice.apply(forced, "yes")


BLAS_THREADS = """
import os, sys
import numpy
from tracker.nlp import ops_choice
[(setter, getter)] = list(ops_choice._openblas_functions())[:1]
before = getter()
if len(sys.argv) > 1:  # set after numpy loaded: OpenBLAS itself never reads it
    os.environ["OPENBLAS_NUM_THREADS"] = sys.argv[1]
print(before, ops_choice.limit_blas_threads())
"""


def blas_threads(*late: str, **variables: str) -> tuple[int, int]:
    env = {k: v for k, v in os.environ.items() if k not in ops_choice.THREAD_VARIABLES} | variables
    done = subprocess.run(
        [sys.executable, "-c", BLAS_THREADS, *late],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    before, after = done.stdout.split()
    return int(before), int(after)


def test_openblas_is_kept_to_one_thread_unless_the_environment_sets_it():
    before, after = blas_threads()
    assert after == 1  # numpy was loaded first, with its own count
    early = blas_threads(OPENBLAS_NUM_THREADS="2")  # read by OpenBLAS itself as numpy loads
    assert early[1] == early[0] and (early[1] == 2 or os.cpu_count() == 1)  # the environment's count stands
    assert blas_threads(OMP_NUM_THREADS="2,1") == early
    assert blas_threads("1")[1] == 1  # set after numpy had loaded: applied all the same
    assert blas_threads("2")[1] == early[1]
