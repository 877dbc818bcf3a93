"""What readers see of the claims a moved article left (`claim_leaving`, issue 16 part 4): a claim-keyed
row never shows a variant of an article that no longer reports its claim, and a claim whose only report
moved is listed under the story holding that report, and is on no event of the story it left (a batch's
settle, or the re-clustering's hand-off). Checked on the claim and story pages (the Django test client),
after real linking batches; curated rows and locked claims stay as curators left them.
The misplacing is made by hand as in `test_claim_moves` (its set-up and invented texts)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.crossref import test_claim_moves as moves
from tracker.crossref import clustering, discrepancies, events, linking
from tracker.crossref.models import Claim, Discrepancy, Event

pytestmark = pytest.mark.django_db

WORDED = {  # the late hearing report and the vote's report word one quote apart: a quote-wording row
    "Quay Weekly": 'the harbour engineers "never once warned the council" about the failing tunnel pumps',
    "Ferry Gazette": 'the harbour engineers "never warned the council" about the failing tunnel pumps '
    "before the levy vote",
}


@pytest.fixture(autouse=True)
def public(settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # every claim public: their pages answer


def page(name: str, pk: int, client) -> str:
    response = client.get(reverse(f"web:{name}", args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def worded(monkeypatch):
    """Misplaced in the vote's story, the late report joined the vote's claim, and that story's run found
    the two wordings (a row citing both); the late report then moved back by a real batch."""
    for outlet, said in WORDED.items():
        monkeypatch.setitem(moves.SAID, outlet, said)
    mayor, hearing, vote, (late,) = moves.build(misplaced=True, repeated=True)
    discrepancies.detect(moves.story_of(vote[0]))
    claim = Claim.objects.get(evidence__article=vote[0])
    row = Discrepancy.objects.get(claim=claim)
    assert row.key.startswith("quote_wording:claim:") and {v["outlet"] for v in row.variants} == set(WORDED)
    return hearing, vote, late, claim, row


def test_a_row_on_a_claim_the_moved_article_left_shows_none_of_its_words(monkeypatch, client):
    """The vote's claim keeps the vote's report only: its row compared nothing more and is retired; its
    claim page and its story's page show no variant of the report that moved. Seen failing with
    `claim_leaving._rows` doing nothing (the row stays, the pages quoting the hearing report's words)."""
    hearing, vote, late, claim, row = worded(monkeypatch)
    moves.moving_batch(hearing)
    assert moves.story_of(late) == moves.story_of(hearing[0])
    assert set(claim.evidence.values_list("article__outlet__name", flat=True)) == {"Ferry Gazette"}
    for shown in (page("claim", claim.pk, client), page("story", moves.story_of(vote[0]).pk, client)):
        assert "never once warned" not in shown
    assert not Discrepancy.objects.filter(pk=row.pk).exists()
    assert Discrepancy.history.filter(id=row.pk, history_type="-").count() == 1


def test_a_curated_row_stays_as_the_curator_left_it(monkeypatch, client):
    """Explained by a curator, the row keeps both variants and its story (seen failing with `_rows`
    skipping the `is_curated` test: the row retired)."""
    hearing, vote, late, claim, row = worded(monkeypatch)
    Discrepancy.objects.filter(pk=row.pk).update(status=Discrepancy.State.EXPLAINED, note="both heard")
    moves.moving_batch(hearing)
    kept = Discrepancy.objects.get(pk=row.pk)
    assert (kept.variants, kept.story_id, kept.key) == (row.variants, row.story_id, row.key)


def alone(monkeypatch):
    """The hearing's first reports say nothing of the mayor's; the late report, misplaced in the vote's
    story, started a claim there (`Claim.story` the vote's) that only it reports."""
    monkeypatch.delitem(moves.SAID, "Harbour Ledger")
    mayor, hearing, vote, (late,) = moves.build(misplaced=True, repeated=False)
    claim = Claim.objects.get(evidence__article=late)
    assert claim.story == moves.story_of(vote[0])
    return hearing, vote, late, claim


def test_a_claim_whose_only_report_moved_follows_it_to_its_story(monkeypatch, client):
    """After the batch that moves the report back, the claim is the hearing story's: listed on that
    story's page, not on the vote's. Seen failing with `claim_leaving.follow` keeping every story (the
    claim listed under the vote, and not the hearing)."""
    hearing, vote, late, claim = alone(monkeypatch)
    moves.moving_batch(hearing)
    claim.refresh_from_db()
    assert moves.story_of(late) == moves.story_of(hearing[0]) == claim.story
    link = reverse("web:claim", args=[claim.pk])
    assert link in page("story", claim.story_id, client)
    assert link not in page("story", moves.story_of(vote[0]).pk, client)


def test_a_locked_claim_keeps_its_story(monkeypatch):
    """Seen failing with the `locked` test out of `follow` (the claim moved to the hearing's story)."""
    hearing, vote, late, claim = alone(monkeypatch)
    Claim.objects.filter(pk=claim.pk).update(locked=True)
    moves.moving_batch(hearing)
    claim.refresh_from_db()
    assert claim.story == moves.story_of(vote[0]) != moves.story_of(hearing[0])


QUERIES = 66  # the moving batch of `test_claim_moves`'s left-apart set-up, its claim following (PostgreSQL)


def test_queries_of_following_the_left_claims(monkeypatch):
    """What following the claim the moved report kept costs: its evidence and its claim-keyed rows read
    (2 queries; the claim is the batch's already: not read again), its story and history row written (2).
    Seen failing with `follow` keeping every story (2 queries fewer, the claim under the vote)."""
    hearing, vote, late, claim = alone(monkeypatch)
    row = moves.outlet_article("Tidewater Review", moves.HEARING["Tidewater Review"], 0, 4, None)
    with CaptureQueriesContext(connection) as queries:
        moves.link([row], hours=81)
    claim.refresh_from_db()
    assert claim.story == moves.story_of(hearing[0])
    assert len(queries) == QUERIES


def test_a_claim_whose_only_report_moved_leaves_the_events_of_the_story_it_left(monkeypatch):
    """Stepped while misplaced, the vote's story put the late report's claim on an event of its own (the
    claim dated by hand there; its report gives it no date, so linking it again drops the date). The
    batch that moves the report back leaves the claim on no event, as the stories' steps from nothing
    leave it, and no event is kept by the claim alone, held by no story (the order tests' fault: a claim
    whose story moved with its report, on the old story's event that story's step could not unhook).
    Seen failing with `claim_leaving.follow` keeping the claims' events (the claim on the vote's event)."""
    hearing, vote, late, claim = alone(monkeypatch)
    Claim.objects.filter(pk=claim.pk).update(date=moves.T0.date(), precision="day")
    events.update_events(moves.story_of(vote[0]))
    claim.refresh_from_db()
    assert claim.event is not None and set(claim.event.stories.all()) == {moves.story_of(vote[0])}
    moves.moving_batch(hearing)
    claim.refresh_from_db()
    assert claim.story == moves.story_of(hearing[0]) and claim.date is None
    assert claim.event is None
    assert not Event.objects.filter(stories__isnull=True).exists()


def test_a_claim_whose_only_report_the_reclustering_moved_follows_it(monkeypatch, client):
    """The periodic re-clustering's hand-off (`linking.relink`, the late report moved back to the hearing's
    story as `clustering._move` moves it) makes the claim the hearing story's too. Seen failing with
    `Movers.read` leaving out a relink's own articles (the claim kept under the vote)."""
    hearing, vote, late, claim = alone(monkeypatch)
    left = moves.story_of(vote[0])
    clustering._move({moves.story_of(hearing[0]).pk: [late]}, {late.pk: left.pk})
    linking.relink([late], left=[left.pk])
    claim.refresh_from_db()
    assert moves.story_of(late) == moves.story_of(hearing[0]) == claim.story
    link = reverse("web:claim", args=[claim.pk])
    assert link in page("story", claim.story_id, client)
    assert link not in page("story", left.pk, client)
