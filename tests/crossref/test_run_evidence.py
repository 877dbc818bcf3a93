"""A bulk run keeps its claims' evidence from batch to batch (crossref.run_evidence): what a batch reads
is what a plain read of the rows gives, after rows are inserted, deleted or moved between claims, and
whatever an earlier batch did to the objects it was handed."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory
from tracker.crossref import claim_linking, run_evidence
from tracker.crossref.claim_evidence import Kept
from tracker.crossref.models import Evidence

pytestmark = pytest.mark.django_db

words = claim_linking._words


def report(claim, text: str, quote: str | None = None) -> Evidence:
    quotes = [{"text": quote, "start": 0, "end": len(quote)}] if quote else []
    return EvidenceFactory(claim=claim, article=ArticleFactory(), text=text, quotes=quotes)


def compared(kept: Kept, pk: int) -> tuple:
    """A claim's entry, order aside (a claim's rows come in the database's order)."""
    sets, quotes, articles = kept[pk]
    return sorted(sorted(s) for s in sets), sorted(quotes), sorted(articles)


def plain(claim_ids: list[int]) -> dict[int, tuple]:
    kept = Kept()
    kept.read(claim_ids, words)
    return {pk: compared(kept, pk) for pk in claim_ids}


def in_run(claim_ids: list[int]) -> dict[int, tuple]:
    kept = Kept()
    with CaptureQueriesContext(connection) as queries:
        run_evidence.read(kept, claim_ids, words)
    assert len(queries) <= 3
    return {pk: compared(kept, pk) for pk in claim_ids}


def test_a_batch_reads_what_the_rows_hold_after_inserts_deletes_and_moves():
    a, b, c = ClaimFactory(), ClaimFactory(), ClaimFactory()
    report(a, "Musk sued OpenAI over its charter", "charter")
    gone = report(b, "OpenAI denied every allegation in court")
    moved = report(b, "The company called the lawsuit baseless", "baseless")
    ids = [a.pk, b.pk, c.pk]
    with run_evidence.for_run():
        assert in_run(ids) == plain(ids)
        earlier = Kept()
        run_evidence.read(earlier, ids, words)
        report(a, "Musk asked the court for damages", "damages")  # inserted: read above `upto`
        assert in_run(ids) == plain(ids)
        assert len(earlier[a.pk][0]) == 1  # what an earlier batch was handed is not grown in place
        gone.delete()  # deleted, and another row of the claim inserted: the count alone stays
        report(b, "OpenAI answered the complaint today")
        assert in_run(ids) == plain(ids)
        Evidence.objects.filter(pk=moved.pk).update(claim=c)  # moved (a merge): an old id elsewhere
        assert in_run(ids) == plain(ids)
        Evidence.objects.filter(pk=moved.pk).update(claim=a)  # and again, into a claim that grew too
        report(a, "Musk repeated the charge on Friday")
        assert in_run(ids) == plain(ids)


def test_what_a_batch_changes_stays_the_batch_s():
    a = ClaimFactory()
    report(a, "Musk sued OpenAI over its charter", "charter")
    with run_evidence.for_run():
        first = Kept()
        run_evidence.read(first, [a.pk], words)
        before = compared(first, a.pk)
        unsaved = Evidence(claim=a, article=ArticleFactory(), text="Musk wants the deal undone", quotes=[])
        first.add(unsaved, words)  # attached by a batch that is then rolled back: never stored
        first.own(a.pk)[1].add("undone")
        assert compared(first, a.pk) != before
        assert in_run([a.pk]) == {a.pk: before} == plain([a.pk])


def test_outside_a_run_nothing_is_kept():
    a = ClaimFactory()
    report(a, "Musk sued OpenAI over its charter", "charter")
    kept = Kept()
    run_evidence.read(kept, [a.pk], words)
    assert not kept.shared and run_evidence._run.get() is None
    assert compared(kept, a.pk) == plain([a.pk])[a.pk]
