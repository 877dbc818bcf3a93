"""Replay claim linking over a database's articles in many orders (issue 16, point 4): the grouping of
reports into claims must not depend on the order the articles came in.

Each order runs inside a transaction that is rolled back: every claim is deleted (their evidence,
discrepancies and redirects with them), then `claim_linking.link_claims` links the articles one by one
in that order. The grouping is the set of claims, each the frozenset of the (article id, span start)
reports it holds. Used by `bench/claim_orders.py` and tests/crossref/test_claim_orders.py."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Iterable, Sequence

from django.db import transaction

Grouping = frozenset[frozenset[tuple[int, int]]]


def linked_articles() -> list:
    """The articles that have claim candidates, first seen first."""
    from tracker.crossref.models import ClaimCandidate
    from tracker.sources.models import Article

    ids = ClaimCandidate.objects.values("article_id")
    return list(Article.objects.filter(pk__in=ids).order_by("first_seen_at", "pk"))


def grouping() -> Grouping:
    """The stored evidence grouped by claim, as (article, start) pairs."""
    from tracker.crossref.models import Evidence

    groups: dict[int, set[tuple[int, int]]] = {}
    for claim_id, article_id, start in Evidence.objects.values_list("claim", "article", "start"):
        groups.setdefault(claim_id, set()).add((article_id, start))
    return frozenset(frozenset(group) for group in groups.values())


def replay(order: Sequence, *, batch: bool = False) -> Grouping:
    """Delete every claim and link `order`'s articles one by one, then roll it all back; `batch`: one
    `claim_evidence.Kept` for the whole order, as a placing of a batch shares."""
    from tracker.crossref import claim_evidence, claim_linking
    from tracker.crossref.models import Claim

    with transaction.atomic():
        Claim.objects.all().delete()
        kept = claim_evidence.Kept() if batch else None
        for article in order:
            claim_linking.link_claims(article, kept=kept)
        found = grouping()
        transaction.set_rollback(True)
    return found


def orders(articles: Sequence, *, sample: int = 0, seed: int = 16) -> Iterable[tuple]:
    """Every permutation of `articles`, or `sample` of them drawn at random (the given order first)."""
    if not sample:
        yield from itertools.permutations(articles)
        return
    rng = random.Random(seed)
    yield tuple(articles)
    for _ in range(sample - 1):
        yield tuple(rng.sample(list(articles), len(articles)))


def groupings(articles: Sequence, **kwargs) -> Counter[Grouping]:
    """How many of the orders (`orders`' kwargs; `batch` for `replay`) end in each grouping."""
    batch = kwargs.pop("batch", False)
    return Counter(replay(order, batch=batch) for order in orders(articles, **kwargs))
