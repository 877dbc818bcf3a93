"""What a story's quote-wording rule reads when the speakers' claims are other stories' (issue 17, goal 1):
at 600 articles a batch's stories report the much-quoted speakers' claims, most of them owned by another
story (`Scope.owns`), and the rule gathered and compared all their quotes in every story, then dropped
the rows keyed by claims not its own. Invented names and sentences throughout."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories import T0, ArticleFactory, ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import discrepancies, story_reads
from tracker.crossref.discrepancies import wording
from tracker.crossref.story_reads import StoryReads

pytestmark = pytest.mark.django_db


def quoted(story, claim, n: int, words: str):
    sentence = f'{claim.speaker_text} called the sale "{words}."'
    row = ArticleFactory(
        story=story,
        outlet__name=f"Outlet {n}",
        text=f"Farmers gathered. {sentence}",
        first_seen_at=T0 + timedelta(hours=n),
    )
    at = row.text.index(words)
    EvidenceFactory(
        claim=claim,
        article=row,
        sentence=sentence,
        quotes=[{"text": words, "start": at, "end": at + len(words)}],
    )


def counted(monkeypatch, name: str) -> list:
    """The calls of `wording.<name>` (its first argument after the scope, when it has one)."""
    calls, real = [], getattr(wording, name)

    def counting(*args, **kwargs):
        calls.append(args[1] if len(args) > 1 else args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(wording, name, counting)
    return calls


def found_in(story) -> dict:
    batch = story_reads.batch_reads([story.pk])
    pending = discrepancies.Pending()
    discrepancies.prepare([(story, StoryReads.of(story, batch))], pending)
    return pending.ready[story.pk][0]


def test_a_story_gathers_only_the_quotes_of_speakers_with_a_claim_of_its_own(monkeypatch):
    """A story reports three claims of a speaker another story owns, quoted in two wordings, and owns a
    claim of another speaker: its rule reads that one claim's quotes alone, and finds what it found
    before. Seen failing with every reported claim's quotes gathered (4 claims read)."""
    other, story = StoryFactory(title="Barn"), StoryFactory(title="Sale")
    theirs = [
        ClaimFactory(story=other, speaker_text="Vell", text=f"the sale was usual {n}") for n in range(3)
    ]
    for n, claim in enumerate(theirs):
        quoted(other, claim, 20 + n, "general practice")  # the other story reports them too: theirs
        quoted(story, claim, 2 * n, "general practice")
        quoted(story, claim, 2 * n + 1, "standard practice")
    mine = ClaimFactory(story=story, speaker_text="Ross", text="the barn leaked")
    quoted(story, mine, 10, "leaked twice")
    quoted(story, mine, 11, "leaked every winter")
    read = counted(monkeypatch, "_claim_quotes")
    found = found_in(story)
    assert read == [mine]
    assert list(found) == [key for key in found if key.startswith(f"quote_wording:claim:{mine.pk}:")]


def test_a_statement_keyed_by_another_storys_claim_makes_no_variants(monkeypatch):
    """A speaker's statement first quoted on a claim another story owns is that story's row: a story
    owning a later claim of the statement compares the quotes but makes no variants for it. Seen
    failing with the variants made, then dropped (`Scope.mine`)."""
    other, story = StoryFactory(title="Barn"), StoryFactory(title="Sale")
    first = ClaimFactory(story=other, speaker_text="Vell", text="the sale was usual")
    later = ClaimFactory(story=story, speaker_text="Vell", text="the sale was normal")
    quoted(other, first, 0, "general practice")
    quoted(story, later, 1, "standard practice")
    quoted(story, first, 2, "general practice")  # the first claim reported in this story too
    made = counted(monkeypatch, "variant")
    compared = counted(monkeypatch, "_statements")
    assert found_in(story) == {}
    assert compared and not made
