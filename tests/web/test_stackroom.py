"""stackroom: a call made through `in_one_chunk` never maps and unmaps frame-stack chunks over and over,
whatever depth it is called from; the middleware wraps every request.

The thrashing is counted, not timed: each chunk CPython maps for frames costs a minor page fault per
4 KB touched (resource.getrusage), so a call that crosses a chunk's end a few hundred times shows
hundreds of faults, and one kept in a chunk shows none."""

from __future__ import annotations

import resource
import sys

import pytest
from django.conf import settings

from tracker.web.stackroom import in_one_chunk

CPYTHON_CHUNKS = sys.implementation.name == "cpython" and sys.version_info >= (3, 11)


def _down(n: int) -> int:
    """n frames deeper, and back."""
    return _down(n - 1) + 1 if n else 0


def _oscillate(times: int = 200, depth: int = 40) -> int:
    """A render's pattern: down `depth` frames and back up, `times` times (a row, a claim, an option)."""
    return sum(_down(depth) for _ in range(times))


def _at(base: int, call):
    """`call()` made `base` frames deeper than here."""
    return _at(base - 1, call) if base else call()


def _faults(base: int, call) -> int:
    """The minor page faults of `call()` made `base` frames deeper than here."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    _at(base, call)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def _worst(call) -> int:
    """The most page faults `call` made from any depth across two chunks' worth of frames."""
    return max(_faults(base, call) for base in range(0, 280, 2))


def test_in_one_chunk_passes_arguments_and_result_and_errors():
    assert in_one_chunk(divmod, 7, 2) == (3, 1)
    assert in_one_chunk(dict, a=1) == {"a": 1}
    with pytest.raises(ZeroDivisionError):
        in_one_chunk(divmod, 1, 0)


@pytest.mark.skipif(not CPYTHON_CHUNKS, reason="CPython >= 3.11 keeps frames in chunks")
def test_a_deep_call_thrashes_at_some_depth_but_not_in_one_chunk():
    _oscillate()  # warm: the interpreter's own first allocations are not the call's
    bare = _worst(_oscillate)
    kept = _worst(lambda: in_one_chunk(_oscillate))
    assert bare >= 200  # at some depth each of the 200 descents maps and unmaps a chunk
    assert kept < 20  # one chunk a call: a few pages for the frames, whatever the depth


def test_every_request_goes_through_it_first():
    assert settings.MIDDLEWARE[0] == "tracker.web.stackroom.OneStackChunk"


@pytest.mark.django_db
def test_a_page_is_served_through_it(client):
    assert client.get("/health").status_code == 200
