"""Each request handled in one chunk of CPython's frame stack, so a deep render never thrashes it.

Why: CPython 3.11 (this project's interpreter) keeps Python frames in 16 KB chunks that it maps when a
call needs room past the current chunk and unmaps as soon as the call that began the chunk returns.
Rendering a template recurses deeply and comes back up thousands of times a page (a `{% for %}` over
rows, an `{% include %}` per claim, a widget per option); when a chunk's end falls inside that range of
depths, every crossing maps a new chunk and unmaps it again (a system call each way and a page fault per
4 KB touched). Whether it falls there depends only on how deep the caller already was: the same render
of the timeline from the same context cost 1 page fault or 2,600, and 25 ms or 50 ms of CPU, as a dozen
frames were added below it, in steps of about 130 frames (a chunk). Staff's uncached timeline met it
inside its view (889 faults and 5 ms of system time a render in bench/web.py's process, none for the
same render outside the request), and a gunicorn worker meets it or not by the depth it calls the app
at: one sync worker over bench/web.py's quick corpus made 496 faults a staff timeline, 6 with this.

`in_one_chunk(call, ...)` calls through a function whose frame claims a large evaluation stack it never
uses (its code object's co_stacksize raised, CodeType.replace): pushing that frame takes a chunk of its
own, 512 KB, mapped but touched only where frames are written, and every frame the call makes after it
fits in the room left in that chunk (about 256 KB, well over a thousand frames), so no crossing happens
inside it; the chunk is unmapped once, when the call returns. Its cost is one map and unmap and a fault
per page the request's frames touch (a few) a request. `OneStackChunk` is the outermost middleware that
does this for every request; on an interpreter without chunked frame stacks it is a plain call.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

ROOM = 32_768  # evaluation-stack slots claimed (8 bytes each): the frame takes 256 KB of a 512 KB chunk


def _call(call, args, kwargs):
    return call(*args, **kwargs)


_code = _call.__code__
_roomy = types.FunctionType(
    _code.replace(co_stacksize=_code.co_stacksize + ROOM), _call.__globals__, "_call_in_one_chunk"
)


def in_one_chunk(call: Callable[..., Any], /, *args, **kwargs) -> Any:
    """`call(*args, **kwargs)`, its frames in one chunk of the frame stack whatever the caller's depth."""
    return _roomy(call, args, kwargs)


class OneStackChunk:
    """Middleware (the outermost): the rest of the chain, the view and its render in one chunk."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return _roomy(self.get_response, (request,), {})
