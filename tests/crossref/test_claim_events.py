"""Claims across stories of one event (issue 16 point 4, `claim_events`): the same speaker's statement
reported by two outlets whose articles ended up in two stories is one claim when the reports are of one
event (the speaker's entity or proper name, stated days within two, a run of three quoted words in common, alike), in
any order; nothing else reaches across stories. Invented sentences and names."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crossref.test_claim_linking import T0, article, say
from tests.factories import EntityFactory, StoryFactory
from tests.support import claim_orders
from tracker.crossref import claim_events, claim_evidence, claim_linking
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Status, StoryArticle

pytestmark = pytest.mark.django_db

PLEDGE = 'the levy is "a tax on every fisherman in the bay" and will go'
ECHO = 'she called the levy "a tax on every fisherman in the bay", vowing a fight'
OTHER = "the harbour lights will be replaced by the spring"


@pytest.fixture
def reeve():
    return EntityFactory(name="Maelis Tornquist")


def dated(name: str, days: float, *, hours: float = 0):
    """An article in a story of its own, published `days` after T0 (first seen `hours` after T0)."""
    row = article(name, StoryFactory(title=f"{name}'s story", first_seen_at=T0), hours=hours)
    row.published_at = T0 + timedelta(days=days)
    row.save(update_fields=["published_at"])
    return row


@pytest.mark.parametrize("by_name", [False, True])
def test_one_statement_in_two_stories_of_one_event_is_one_claim_in_every_order(reeve, by_name):
    """By the speaker's entity, or by a proper name no entity holds. Seen failing with the reach across
    stories left out (two claims in every order), and by name with entities only."""
    speaker = {"speaker": "Maelis Tornquist"} if by_name else {"entity": reeve}
    rows = [dated("Alpha", 0), dated("Beta", 1), dated("Gamma", 1)]
    say(rows[0], PLEDGE, **speaker)
    say(rows[1], ECHO, **speaker)
    say(rows[2], OTHER, **speaker)
    found = claim_orders.groupings(rows)
    assert len(found) == 1
    groups = sorted(sorted(a for a, _ in group) for group in next(iter(found)))
    assert groups == sorted([sorted([rows[0].pk, rows[1].pk]), [rows[2].pk]])


def test_a_report_stating_the_day_counts_that_day(reeve):
    """Published five days later, the report states the day of the statement: the same event."""
    first, later = dated("Alpha", 0), dated("Beta", 5)
    say(first, PLEDGE, entity=reeve)
    say(later, ECHO, entity=reeve, date=T0.date(), date_precision="day")
    for row in (first, later):
        claim_linking.link_claims(row)
    assert Claim.objects.count() == 1


CASES = {  # what each says first and later, and who says it
    "days apart": (PLEDGE, ECHO, 3, {}),
    "two quoted words": (
        'the levy is a "tax grab" on every fisherman in the bay',
        'she called the levy a "tax grab" on every fisherman, vowing a fight',
        1,
        {},
    ),
    "unknown speaker": (PLEDGE, ECHO, 1, {"speaker": "the reeve's aide"}),
    "unlike": (
        'the levy will close four boatyards by winter, "keep the bay free"',
        'the ferry timetable must change before the summer regatta crowds arrive, "keep the bay free"',
        1,
        {},
    ),
    "curated": (PLEDGE, ECHO, 1, {}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_what_is_not_the_same_event_stays_two_claims(reeve, case):
    """Each misses one part of the same-event test (the stated days, a run of three quoted words, a
    speaker entity, content alike, a claim no curator touched). Seen failing at 3f4a297, where the
    articles, first seen an hour apart, were in one window: one claim each time."""
    said, echoed, days, speaker = CASES[case]
    speaker = speaker or {"entity": reeve}
    first, later = dated("Alpha", 0), dated("Beta", days, hours=1)
    say(first, said, **speaker)
    say(later, echoed, **speaker)
    [claim] = claim_linking.link_claims(first)
    if case == "curated":
        Claim.objects.filter(pk=claim.pk).update(locked=True, status=Status.APPROVED)
    claim_linking.link_claims(later)
    assert Claim.objects.count() == 2


@pytest.fixture
def runs_unkept():
    """The runs of stored quotes are kept per process (`stored_runs`): none of a patched `runs` kept
    after the test."""
    yield
    claim_events.stored_runs.cache_clear()


def test_reports_without_a_quote_are_not_read(reeve, monkeypatch, runs_unkept):
    """They can never be of the same event (no run of quoted words): the lookup leaves them in the
    database. Seen failing with the filter left out (three reports read)."""
    rows = [dated("Alpha", 0), dated("Beta", 1), dated("Gamma", 1)]
    say(rows[0], PLEDGE, entity=reeve)
    say(rows[1], OTHER, entity=reeve)
    say(rows[2], "the reeve will speak at the harbour on Friday", entity=reeve)
    for row in rows:
        claim_linking.link_claims(row)
    read = []
    claim_events.stored_runs.cache_clear()  # the linking's reads kept them
    monkeypatch.setattr(claim_events, "runs", lambda quotes: read.append(quotes) or frozenset({("a",) * 3}))
    found = claim_events.reports_near(dated("Delta", 1), [reeve.pk], [], frozenset)
    assert len(read) == 1 and read[0][0]["text"] == "a tax on every fisherman in the bay"
    assert list(found) == [Claim.objects.get(evidence__article=rows[0]).pk]


def test_the_runs_of_a_stored_quote_are_worked_out_once_a_process(reeve, monkeypatch, runs_unkept):
    """Each batch reads again the reports of the days around it: the runs of a quote as stored are
    worked out at the first read only, and are those of its quotes. Seen failing with `stored_runs`
    not kept (two workings)."""
    alpha, beta = dated("Alpha", 0), dated("Beta", 1)
    say(alpha, PLEDGE, entity=reeve)
    claim_linking.link_claims(alpha)
    claim_events.stored_runs.cache_clear()
    worked, real = [], claim_events.runs
    monkeypatch.setattr(claim_events, "runs", lambda quotes: worked.append(quotes) or real(quotes))
    first = claim_events.reports_near(beta, [reeve.pk], [], frozenset)
    assert claim_events.reports_near(beta, [reeve.pk], [], frozenset) == first and len(worked) == 1
    assert [r.runs for r in first[Claim.objects.get().pk]] == [real(Evidence.objects.get().quotes)]


def test_a_claim_a_batch_article_took_from_another_story_is_near_for_the_rest_of_the_batch(reeve):
    """Beta reports Alpha's claim of another story (the same event); Gamma, of Beta's story but weeks
    later (no longer the same event), quotes it too: the claim is its story's now (Beta reports it), as
    it would be read from the database, so Gamma joins it though the batch read its claims once
    (`claim_pool`). Seen failing with the batch's articles left out of the pool's homes (two claims)."""
    story = StoryFactory(title="The levy", first_seen_at=T0)
    alpha, beta, gamma = dated("Alpha", 0), article("Beta", story, hours=1), article("Gamma", story, hours=2)
    for row, days in ((beta, 1), (gamma, 20)):
        row.published_at = T0 + timedelta(days=days)
        row.save(update_fields=["published_at"])
    say(alpha, PLEDGE, entity=reeve)
    claim_linking.link_claims(alpha)
    say(beta, ECHO, entity=reeve)
    say(gamma, 'the reeve repeated it was "a tax on every fisherman in the bay"', entity=reeve)
    given, kept = claim_evidence.Articles.of([beta, gamma]), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    for row in (beta, gamma):
        claim_linking.link_claims(row, kept=kept, batch=given, story=story, pool=pool)
    assert Claim.objects.count() == 1


def published(row, days: float):
    row.published_at = T0 + timedelta(days=days)
    row.save(update_fields=["published_at"])
    return row


def link_batch(rows, stories) -> None:
    """`rows` linked as one placing links its batch: their reports and claims read once for all."""
    given, kept = claim_evidence.Articles.of(rows), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk for story in stories], kept)
    for row in rows:
        claim_linking.link_claims(row, kept=kept, batch=given, pool=pool)
    pool.record()  # its evidence and history rows, as the placing writes them once the batch is linked


def test_a_batch_reads_the_reports_of_another_story_once(reeve):
    """Three articles of one event in three stories, linked as one batch: the reports of other stories
    are read in one query for all three (not one an article), and the three join one claim, the later
    ones through what the first attached in the batch. Seen failing with the batch's new evidence left
    out of what it read (three claims), and with a read an article (three reads)."""
    rows = [dated("Alpha", 0), dated("Beta", 1, hours=1), dated("Gamma", 1, hours=2)]
    for row, said in zip(
        rows, (PLEDGE, ECHO, 'she repeated "a tax on every fisherman in the bay"'), strict=True
    ):
        say(row, said, entity=reeve)
    with CaptureQueriesContext(connection) as queries:
        link_batch(rows, [StoryArticle.objects.get(article=row).story for row in rows])
    reads = [q for q in queries if '"crossref_evidence"."date_precision"' in q["sql"].split("FROM")[0]]
    assert len(reads) == 1
    assert Claim.objects.count() == 1


def test_a_report_a_batch_article_took_back_is_gone_for_the_rest_of_the_batch(reeve):
    """Alpha's report of the pledge (Gamma, weeks later in its story, repeats it) is re-extracted into
    another statement; Beta, of another story, echoes the pledge the day after Alpha: linked after Alpha
    in one batch, it no longer reaches the claim through Alpha's report (Gamma's is weeks away), so it
    is a claim of its own, as it would be read from the database. Seen failing with Alpha's removed
    report kept (Beta joined the pledge)."""
    story = StoryFactory(title="The levy", first_seen_at=T0)
    alpha, gamma = published(article("Alpha", story), 0), published(article("Gamma", story, hours=2), 20)
    say(alpha, PLEDGE, entity=reeve)
    say(gamma, 'the reeve repeated it was "a tax on every fisherman in the bay"', entity=reeve)
    for row in (alpha, gamma):
        claim_linking.link_claims(row)
    [pledge] = Claim.objects.all()
    ClaimCandidate.objects.filter(article=alpha).delete()
    say(alpha, OTHER, entity=reeve)
    beta = dated("Beta", 1, hours=1)
    say(beta, ECHO, entity=reeve)
    link_batch([alpha, beta], [story, StoryArticle.objects.get(article=beta).story])
    assert Claim.objects.get(evidence__article=beta) != pledge
    assert Claim.objects.count() == 3


def test_a_claim_merged_in_a_batch_hands_its_reports_to_the_claim_that_took_it(reeve):
    """The levy and the harbour were two claims of the reeve until Mu reports both in one statement
    (the levy's quote, the harbour's words): the harbour's claim is merged into the levy's. Beta, of
    another story, echoes the harbour's quote the next day: linked after Mu in the batch, it joins the
    merged claim through the harbour's report, as it would be read from the database. Seen failing
    with the merged claim's reports left on it (Beta a claim of its own)."""
    story = StoryFactory(title="The levy", first_seen_at=T0)
    levy, harbour = published(article("Alpha", story), 0), published(article("Delta", story, hours=1), 0)
    say(levy, PLEDGE, entity=reeve)
    say(harbour, 'the harbour "must stay open to every boat" through the winter storms', entity=reeve)
    for row in (levy, harbour):
        claim_linking.link_claims(row)
    assert Claim.objects.count() == 2
    mu = published(article("Mu", story, hours=2), 0)
    say(mu, PLEDGE + " and the harbour must stay open to every boat through the winter storms", entity=reeve)
    beta = dated("Beta", 1, hours=3)
    say(beta, 'the harbour "must stay open to every boat" in every season, she vowed', entity=reeve)
    link_batch([mu, beta], [story, StoryArticle.objects.get(article=beta).story])
    assert Claim.objects.count() == 1


def test_a_batch_looks_up_an_articles_reports_by_its_speakers():
    """The batch's reports are held by claim and the claims by speaker (`Reports.claims_of`): an article
    is given its speakers' reports and no other's, and a claim of no entity whose name a re-link changed
    is found under its new name only. In memory (no rows). Seen failing with the old name left in the
    index (the claim found under both)."""
    from tracker.crossref.models import Evidence
    from tracker.sources.models import Article

    reports = claim_events.Reports([7], ["Orla Vane", "Ida Quell"], claim_events._spans([T0]))
    quote = [{"text": "a tax on every fisherman in the bay"}]
    claims = [
        Claim(pk=1, speaker_id=7, speaker_text="Reeve", status=Status.MACHINE),
        Claim(pk=2, speaker_text="Orla Vane", status=Status.MACHINE),
        Claim(pk=3, speaker_id=8, speaker_text="Harbour Board", status=Status.MACHINE),
    ]
    given = Article(pk=10, first_seen_at=T0, published_at=T0)
    rows = [
        Evidence(claim=c, start=i, quotes=quote, text="a tax on every fisherman")
        for i, c in enumerate(claims)
    ]
    reports.attach(given, rows, claim_linking._words)
    asking = Article(pk=11, first_seen_at=T0 + timedelta(hours=1), published_at=T0 + timedelta(hours=1))
    assert set(reports.near(asking, [7], ["Orla Vane"])) == {1, 2}
    assert set(reports.near(asking, [8], [])) == {3}
    assert reports.near(given, [7, 8], ["Orla Vane"]) == {}  # its own reports are not compared with it
    renamed = Claim(pk=2, speaker_text="Ida Quell", status=Status.MACHINE)
    reports.attach(
        given, [Evidence(claim=renamed, start=9, quotes=quote, text="a tax")], claim_linking._words
    )
    assert set(reports.near(asking, [], ["Ida Quell"])) == {2}
    assert reports.near(asking, [], ["Orla Vane"]) == {}
