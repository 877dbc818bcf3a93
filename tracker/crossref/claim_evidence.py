"""What claim linking compares a stored claim's evidence on (content words, quote keys), read once per
placing of a batch (`remembered`, entered by `linking._place` inside its transaction, so a placing run
again after a lost deadlock starts afresh) rather than once per article of the batch that may join the
claim: `claim_linking` reads the claims it has not seen (`kept`), adds the evidence it attaches to those
it has, and forgets a claim whose evidence it removes. Outside `remembered` nothing is kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Compared = tuple[list[frozenset[str]], set[str]]  # each evidence row's content words; the quote keys

_kept: ContextVar[dict[int, Compared] | None] = ContextVar("crossref_claim_evidence", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def kept() -> dict[int, Compared]:
    """The batch's, by claim id (a new empty dict outside `remembered`: nothing is kept)."""
    found = _kept.get()
    return {} if found is None else found


def forget(claim_ids: Iterable[int]) -> None:
    found = kept()
    for pk in claim_ids:
        found.pop(pk, None)
