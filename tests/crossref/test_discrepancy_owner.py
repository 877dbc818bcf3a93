"""A claim-keyed discrepancy has one owner, the claim's own story (issue 17, goal 1): every story that
reports the claim sees it, each from its own articles (headlines, order), and when each wrote the row
the last story of a linking batch won, so the row followed the batch's order. Only the owner finds it
now, whatever the order."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories import T0, ArticleFactory, ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import discrepancies, story_reads
from tracker.crossref.discrepancies.scope import Found, Scope
from tracker.crossref.models import Discrepancy
from tracker.crossref.story_reads import StoryReads

pytestmark = pytest.mark.django_db

SENTENCE = 'Ostrander said Pellworth "possibly" leased the quarry to the growers.'


def article(story, title: str, text: str, hours: int, outlet: str):
    return ArticleFactory(
        story=story, outlet__name=outlet, title=title, text=text, first_seen_at=T0 + timedelta(hours=hours)
    )


def hedged(claim, row) -> None:
    at = row.text.index("possibly")
    quote = [{"text": "possibly", "start": at, "end": at + len("possibly")}]
    EvidenceFactory(claim=claim, article=row, sentence=SENTENCE, quotes=quote, hedges=["possibly"])


def quarry_claim(story):
    """Ostrander's hedged claim of `story`, the one every test here reports."""
    return ClaimFactory(
        story=story, text="Pellworth possibly leased the quarry to the growers", speaker_text="Ostrander"
    )


def steps(stories) -> None:
    """The discrepancy step of a linking batch's stories, in this order (as `linking._story_steps`)."""
    pending = discrepancies.Pending()
    batch = story_reads.batch_reads([s.pk for s in stories])
    reads = {s.pk: StoryReads.of(s, batch) for s in stories}
    discrepancies.prepare([(s, reads[s.pk]) for s in stories], pending)
    for story in stories:
        discrepancies.detect(story, reads[story.pk], pending=pending)
    pending.write()


@pytest.fixture
def reported_twice():
    """A hedged claim of the first story, reported in the second too, each story's headline dropping
    the hedge in its own words."""
    own, other = StoryFactory(title="Quarry"), StoryFactory(title="Quarry lease")
    claim = quarry_claim(own)
    hedged(claim, article(own, "Growers gathered", f"Growers gathered. {SENTENCE}", 0, "Outlet 0"))
    article(own, "Ostrander: Pellworth Leased The Quarry To Growers", "More.", 1, "Outlet 1")
    hedged(claim, article(other, "Growers met", f"Growers met. {SENTENCE}", 2, "Outlet 2"))
    article(other, "Ostrander: Growers Say Pellworth Leased Their Quarry", "Later.", 3, "Outlet 3")
    return claim, own, other


def test_a_claims_row_is_its_own_storys_in_any_order(reported_twice):
    """Seen failing without the owner (`Scope.owns`): run second, the other story's headline and the
    other story's id were the row's."""
    claim, own, other = reported_twice
    rows = []
    for order in ([own, other], [other, own]):
        Discrepancy.objects.all().delete()
        steps(order)
        row = Discrepancy.objects.get(key=f"hedge_dropped:claim:{claim.pk}")
        rows.append((row.story_id, row.variants))
    assert rows[0] == rows[1]
    assert rows[0][0] == own.pk
    headlines = [v["words"] for v in rows[0][1] if v.get("field") == "title"]
    assert headlines == ["Ostrander: Pellworth Leased The Quarry To Growers"]  # the own story's headline


def test_a_story_reporting_anothers_claim_finds_no_row_of_it(reported_twice):
    claim, _, other = reported_twice
    steps([other])
    assert not Discrepancy.objects.filter(claim=claim).exists()


def quoting(claim, row, words: str) -> None:
    at = row.text.index(words)
    sentence = row.text[row.text.index("Ostrander") :]
    EvidenceFactory(
        claim=claim,
        article=row,
        sentence=sentence,
        quotes=[{"text": words, "start": at, "end": at + len(words)}],
    )


def rows() -> dict:
    return {d.key: (d.story_id, d.claim_id, d.variants) for d in Discrepancy.objects.order_by("key")}


def test_a_story_reached_only_through_a_changed_claim_finds_what_it_changes():
    """A story that owns none of a batch's claims and had no article placed (`linking._placed`'s
    `narrow`) runs only the rules such a claim can change there: the wording of its speaker's
    statement, which the story's own claim keys, ends as a full run ends. Seen failing with the quote
    wording left out of `discrepancies.NARROW` (the row kept its two old variants)."""
    own, other = StoryFactory(title="Quarry"), StoryFactory(title="Quarry lease")
    said = 'Growers met. Ostrander called the lease "{}" on Monday.'
    mine = ClaimFactory(story=own, text="the lease was usual", speaker_text="Ostrander")
    theirs = ClaimFactory(story=other, text="the lease was quite usual", speaker_text="Ostrander")
    quoting(mine, article(own, "Lease", said.format("general practice"), 0, "Outlet 0"), "general practice")
    quoting(
        theirs, article(own, "Lease", said.format("standard practice"), 1, "Outlet 1"), "standard practice"
    )
    steps([other, own])
    before = rows()
    later = article(other, "Lease", said.format("standard industry practice"), 2, "Outlet 2")
    quoting(theirs, later, "standard industry practice")  # the batch's new evidence, in the other story
    narrowed = discrepancies.Pending()
    batch = story_reads.batch_reads([other.pk, own.pk])
    reads = {s.pk: StoryReads.of(s, batch) for s in (other, own)}
    discrepancies.prepare(
        [(s, reads[s.pk]) for s in (other, own)], narrowed, narrow={own.pk: frozenset([theirs.pk])}
    )
    for story in (other, own):
        discrepancies.detect(story, reads[story.pk], pending=narrowed)
    narrowed.write()
    after = rows()
    Discrepancy.objects.all().delete()
    steps([other, own])
    assert after == rows() != before
    key = next(k for k in after if k.startswith(f"quote_wording:claim:{mine.pk}:"))
    assert after[key][0] == own.pk and len(after[key][2]) == 3


def test_a_found_row_says_whether_its_claim_keys_it():
    """`Scope.mine` reads a row's kind from `Found.claim_keyed`, not from its key: a claim-keyed row
    stays only in its claim's own story, a story-keyed row of the same claim in the story that found it."""
    own, other = StoryFactory(), StoryFactory()
    claim = ClaimFactory(story=own, text="Pellworth leased the quarry")
    keyed = Found(
        Discrepancy.Kind.HEDGE_DROPPED, f"hedge_dropped:claim:{claim.pk}", [], claim, claim_keyed=True
    )
    setting = Found(Discrepancy.Kind.SETTING, f"setting:story:{other.pk}:pellworth", [], claim)
    assert Scope(own).mine(keyed) and not Scope(other).mine(keyed)
    assert Scope(other).mine(setting)
