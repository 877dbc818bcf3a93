"""Which thinc ops run the model's layers: thinc's default (NumpyOps with blis) or NumpyOps without
blis (numpy's BLAS), as TRACKER_SPACY_NUMPY_OPS says, or with "auto" whichever is faster here.

Which is faster depends on the CPU and on the builds of blis and of numpy's BLAS, not on a flag one can
read: on an AMD EPYC with AVX2 and AVX-512 NumpyOps ran the extraction 1.4x faster (bench/extract.py),
where it had been thought to help only without AVX2. Both give the same annotations
(tests/nlp/test_ops_choice.py; bench/extract.py compares the whole output).

Calibration ("auto"): eight short paragraphs of invented prose (ops_calibration.txt, 262 words) parsed
as one batch, once to warm up, then ROUNDS times under each ops, alternating; the smaller median
wins (a tie keeps the default). Timed in this process's CPU seconds, not wall seconds: another process
taking the core does not count against whichever ops ran then, and a BLAS that spreads a product over
several threads pays for all of them (on a busy 2-core machine a 2-thread OpenBLAS made NumpyOps 5-8x
slower in CPU and 3-5x in wall time, and the calibration kept the default ops). It costs about 0.4 s of
CPU, once, when a process builds its pipeline (its wall time grows on a busy machine: 3 s at a load of
14 on 2 cores); the choice is logged (INFO) and kept (`choice_of`).

Threads: numpy's OpenBLAS starts a thread per core unless told otherwise, and a worker per core would
then oversubscribe the machine. Before NumpyOps is tried or used, `limit_blas_threads` sets OpenBLAS to
one thread in this process through its C API (numpy is usually loaded long before the pipeline is
built, too late for the environment variable), or to the count OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS
or OMP_NUM_THREADS gives (through the same API: a variable set after numpy loaded is not read). Only a
process that may use NumpyOps does this; it limits every numpy product of that process, as
OPENBLAS_NUM_THREADS=1 does.
"""

from __future__ import annotations

import ctypes
import logging
import os
import statistics
import time
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # spaCy and thinc load only when a pipeline is built: settings.py imports this module
    from spacy.language import Language

AUTO = "auto"
NumpyOpsSetting = bool | Literal["auto"]
ROUNDS = 3
CALIBRATION_TEXT = Path(__file__).with_name("ops_calibration.txt")
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")
# (prefix, suffix) of OpenBLAS's C API: the system's library, and numpy's bundled scipy-openblas builds.
OPENBLAS_NAMES = (("openblas", ""), ("scipy_openblas", "64_"), ("scipy_openblas", ""), ("openblas", "64_"))

logger = logging.getLogger(__name__)
_choices: weakref.WeakKeyDictionary[Language, Choice] = weakref.WeakKeyDictionary()
_loaded_ops: weakref.WeakKeyDictionary[Language, list] = weakref.WeakKeyDictionary()  # to switch back


@dataclass(frozen=True)
class Choice:
    """The ops a pipeline's model runs on, what was asked, and for "auto" what the calibration saw."""

    numpy_ops: bool  # True: NumpyOps(use_blis=False); False: thinc's default ops
    setting: NumpyOpsSetting
    default_ms: float | None = None  # calibration: median CPU milliseconds per batch under each
    numpy_ms: float | None = None
    seconds: float = 0.0  # wall seconds the calibration took
    cpu_seconds: float = 0.0  # and CPU seconds of this process (wall grows when the machine is busy)
    blas_threads: int | None = None  # OpenBLAS's thread count after limiting it (None: none loaded)

    @property
    def name(self) -> str:
        return "NumpyOps(use_blis=False)" if self.numpy_ops else "thinc's default ops"

    def describe(self) -> str:
        threads = "" if self.blas_threads is None else f", OpenBLAS threads {self.blas_threads}"
        if self.setting != AUTO:
            return f"{self.name} (TRACKER_SPACY_NUMPY_OPS={self.setting}{threads})"
        return (
            f"{self.name} (auto: default {self.default_ms:.1f} ms, NumpyOps {self.numpy_ms:.1f} ms CPU per"
            f" calibration batch, calibrated in {self.seconds:.2f} s, {self.cpu_seconds:.2f} s CPU{threads})"
        )


def parse_setting(value: str | bool) -> NumpyOpsSetting:
    """TRACKER_SPACY_NUMPY_OPS's value: "auto" (or empty), 1/true/yes/on, 0/false/no/off."""
    if isinstance(value, bool):
        return value
    word = value.strip().lower()
    if word in ("", AUTO):
        return AUTO
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"TRACKER_SPACY_NUMPY_OPS must be auto, 1 (true) or 0 (false), not {value!r}")


def apply(nlp: Language, setting: NumpyOpsSetting) -> Choice:
    """Put the model of `nlp` on the ops `setting` asks for, calibrating when it is "auto"; log the
    choice and keep it for `choice_of`."""
    if setting is False:
        choice = Choice(numpy_ops=False, setting=False)
    elif setting is True:
        threads = limit_blas_threads()
        _set_ops(nlp, numpy_ops=True)
        choice = Choice(numpy_ops=True, setting=True, blas_threads=threads)
    elif setting == AUTO:
        choice = calibrate(nlp)
    else:
        raise ValueError(f"numpy_ops must be True, False or {AUTO!r}, not {setting!r}")
    _choices[nlp] = choice
    logger.info("spaCy's model runs on %s", choice.describe())
    return choice


def choice_of(nlp: Language) -> Choice | None:
    """The choice `apply` made for this pipeline (None: built without it)."""
    return _choices.get(nlp)


def calibrate(nlp: Language) -> Choice:
    """Time the calibration text under both ops (module docstring) and leave `nlp` on the faster."""
    started, began = time.perf_counter(), time.process_time()
    threads = limit_blas_threads()
    text = CALIBRATION_TEXT.read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

    def cpu_seconds(numpy_ops: bool) -> float:
        _set_ops(nlp, numpy_ops=numpy_ops)
        began = time.process_time()
        with nlp.memory_zone():
            for _ in nlp.pipe(paragraphs, batch_size=len(paragraphs)):
                pass
        return time.process_time() - began

    cpu_seconds(False)  # warm-up: the process's first batch allocates (NumpyOps' first is not slower)
    spent: dict[bool, list[float]] = {False: [], True: []}
    for round_ in range(ROUNDS):
        for numpy_ops in (False, True) if round_ % 2 == 0 else (True, False):
            spent[numpy_ops].append(cpu_seconds(numpy_ops))
    default, numpy = statistics.median(spent[False]), statistics.median(spent[True])
    chosen = numpy < default
    _set_ops(nlp, numpy_ops=chosen)
    return Choice(
        numpy_ops=chosen,
        setting=AUTO,
        default_ms=default * 1000,
        numpy_ms=numpy * 1000,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - began,
        blas_threads=threads,
    )


def uses_numpy_ops(nlp: Language) -> bool:
    """Whether every model node of the pipeline runs on NumpyOps without blis."""
    from thinc.api import NumpyOps

    return all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in _model_nodes(nlp))


def _set_ops(nlp: Language, *, numpy_ops: bool) -> None:
    """Every model node on NumpyOps(use_blis=False), or back on the ops it was loaded with."""
    from thinc.api import NumpyOps

    if nlp not in _loaded_ops:
        _loaded_ops[nlp] = [(node, node.ops) for node in _model_nodes(nlp)]
    fast = NumpyOps(use_blis=False)
    for node, ops in _loaded_ops[nlp]:
        node.ops = fast if numpy_ops else ops


def _model_nodes(nlp: Language) -> Iterator:
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()


def limit_blas_threads(threads: int = 1) -> int | None:
    """OpenBLAS's thread count in this process after setting it to `threads`, or to the count the
    environment gives (THREAD_VARIABLES, in OpenBLAS's order: also when it was set after numpy had
    loaded, too late for OpenBLAS to read it); None when no OpenBLAS is loaded or its C API is not found."""
    import numpy  # noqa: F401 - loads numpy's BLAS if nothing has yet

    wanted = next(filter(None, map(_environment_threads, THREAD_VARIABLES)), threads)
    for setter, getter in _openblas_functions():
        setter(wanted)
        return getter()
    return None


def _environment_threads(name: str) -> int | None:
    value = os.environ.get(name, "").split(",")[0].strip()  # OMP_NUM_THREADS may be a list: "4,2"
    return int(value) if value.isdigit() and int(value) > 0 else None


def _openblas_functions() -> Iterator[tuple]:
    """(set_num_threads, get_num_threads) of each OpenBLAS library this process has loaded (Linux)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return
    fields = (line.split(maxsplit=5) for line in maps.splitlines())
    paths = sorted({f[5] for f in fields if len(f) == 6 and "openblas" in Path(f[5]).name.lower()})
    for path in paths:
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in OPENBLAS_NAMES:
            setter = getattr(library, f"{prefix}_set_num_threads{suffix}", None)
            getter = getattr(library, f"{prefix}_get_num_threads{suffix}", None)
            if setter is not None and getter is not None:
                setter.argtypes, setter.restype = [ctypes.c_int], None
                getter.argtypes, getter.restype = [], ctypes.c_int
                yield setter, getter
                break
