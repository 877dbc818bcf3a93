"""One statement quoted in two wordings is one Discrepancy row, whatever story sees it and in whatever
order (tracker/crossref/discrepancies/wording.py `_compare`): a claim reported by articles in two stories
is compared by each story, which orders the quotes by its own positions, and a key taken from the first
quote in that order made one row per story. Invented quotes; no database."""

from __future__ import annotations

from types import SimpleNamespace

from tracker.crossref.discrepancies import wording
from tracker.crossref.words import content_words, normalise_quote


def quote(article_pk: int, outlet: int, text: str, claim) -> wording._Quote:
    article = SimpleNamespace(
        pk=article_pk, id=article_pk, outlet_id=outlet, outlet=SimpleNamespace(name=f"o{outlet}")
    )
    found = {"text": text, "start": 10, "end": 10 + len(text)}
    return wording._Quote(claim, article, found, normalise_quote(text), content_words(text))


def test_the_row_is_keyed_by_the_first_stored_article_in_any_order():
    claim = SimpleNamespace(pk=41)
    quotes = [
        quote(7, 1, "We never leased the harbour cranes to anyone", claim),
        quote(9, 2, "We never rented the harbour cranes to anyone", claim),
        quote(12, 3, "We never leased the harbour cranes to anyone", claim),
    ]
    scope = SimpleNamespace(sort=lambda variants: variants, owns=lambda claim: True)
    keys = {
        found.key
        for order in (quotes, quotes[::-1], quotes[1:] + quotes[:1])
        for found in wording._compare(scope, order)
    }
    assert keys == {wording._compare(scope, quotes)[0].key}
    assert wording._compare(scope, quotes[::-1])[0].claim is claim
