"""A per-process memo for what the cross-referencing steps work out again at each batch of a story.

One kind for all of them (`Kept`): least recently used first out past its size. What is kept is keyed
by everything it was worked out from (row ids and what of the rows it read), so a miss, a stale key or
a restarted worker only costs working it out again, never a different answer."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class Kept(OrderedDict):
    """Values by key, at most `size` of them: a `get` or `put` makes its key the most recently used,
    and a `put` past `size` drops the least recently used."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get(self, key: Hashable, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def put(self, key: Hashable, value) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


@contextmanager
def scoped(var: ContextVar, make: Callable[[], object]) -> Iterator[None]:
    """`var` holds `make()` inside the block and nothing after it; a block inside one joins the outer
    block's value (a bulk run's batches share what the run keeps)."""
    if var.get() is not None:
        yield
        return
    token = var.set(make())
    try:
        yield
    finally:
        var.reset(token)
