"""What claim linking compares a stored claim's evidence on (content words, quote keys), read once per
placing of a batch rather than once per article of the batch that may join the claim (`Kept`). The
placing (`linking._place`, inside its transaction, so a placing run again after a lost deadlock starts
afresh) makes one and hands it to each `claim_linking.link_claims` of the batch: that reads the claims
it has not seen, adds the evidence it attaches to those it has, and forgets a claim whose evidence it
removes. A `link_claims` given none keeps nothing past its own call."""

from __future__ import annotations

from collections.abc import Iterable

Compared = tuple[list[frozenset[str]], set[str]]  # each evidence row's content words; the quote keys


class Kept(dict[int, Compared]):
    """A batch's, by claim id."""

    def forget(self, claim_ids: Iterable[int]) -> None:
        for pk in claim_ids:
            self.pop(pk, None)
