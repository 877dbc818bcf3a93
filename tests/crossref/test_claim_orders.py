"""The grouping of reports into claims in every order of the articles (issue 16, point 4): a report that
resembles two claims makes them one whatever came first, unless one article reports the two apart
(test_claim_merging: unless the report is a sentence of two statements). Invented sentences and names; the seeds' replay reads them
from ../shared like test_seeds_crossref's chain (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from tests.crossref.test_claim_linking import T0, article, say
from tests.factories import EntityFactory, StoryFactory
from tests.support import claim_orders
from tests.support.chain import eager_chain
from tracker.crossref import claim_linking
from tracker.crossref.models import Claim, ClaimCandidate
from tracker.sources.sample import load_sample

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


@pytest.fixture
def warden():
    return EntityFactory(name="Idris Pellamount")


@pytest.fixture
def story():
    return StoryFactory(title="The harbour dredging", first_seen_at=T0)


def reports(story, warden, *articles: tuple[str, ...]) -> list:
    """One article per tuple of contents, by one outlet each, an hour apart, each content a report of
    the warden (in the article's order)."""
    rows = []
    for i, contents in enumerate(articles):
        row = article(f"Outlet {i}", story, hours=i)
        for content in contents:
            say(row, content, entity=warden)
        rows.append(row)
    return rows


def claims_of(groups) -> list[list[str]]:
    """Each claim as the sorted texts of its reports, sorted."""
    text = {(c.article_id, c.start): c.text for c in ClaimCandidate.objects.all()}
    return sorted(sorted(text[report] for report in group) for group in groups)


# X and Y share one word; B resembles X (0.55) and Y (0.47), and the words it shares with Y are all but
# one of them shared with X too: one statement in three wordings (as the seeds' "general practice").
X = 'dredging the channel is "standard harbour procedure"'
B = 'dredging is "standard practice" across the harbour trade'
Y = "it was a 'general practice' in the harbour"


def test_a_report_that_resembles_two_claims_merges_them_in_every_order(story, warden):
    """Seen failing before (merging only at 0.6): X, Y then B left two claims in two orders of six."""
    rows = reports(story, warden, (X,), (Y,), (B,))
    found = claim_orders.groupings(rows)
    assert len(found) == 1
    assert claims_of(next(iter(found))) == [sorted([X, Y, B])]


@pytest.mark.parametrize("tolls_first", [True, False])
def test_one_article_stating_two_things_keeps_them_apart_in_every_order(story, warden, tolls_first):
    """The first article reports two statements in two sentences; the second's report shares a quote with
    each. They stay two claims in both orders, the report on the one it resembles more, whichever of the
    two sentences comes first. Seen failing without the rule (one claim in both orders: merged by the
    quotes, or joined by both sentences), and, moorings first, with the article's sentences tried in
    their order (the report went with the moorings when it came first)."""
    tolls = 'the tolls were "never put to the council" last year'
    moorings = 'the moorings are "a quiet giveaway" to the yacht club'
    both = 'tolls were "never put to the council", "a quiet giveaway" of the harbour'
    rows = reports(story, warden, (tolls, moorings) if tolls_first else (moorings, tolls), (both,))
    found = claim_orders.groupings(rows)
    assert len(found) == 1
    assert claims_of(next(iter(found))) == sorted([sorted([tolls, both]), [moorings]])


def test_an_article_that_repeats_a_statement_keeps_it_one_claim(story, warden):
    """A headline and its body say one thing in two wordings that resemble each other; another outlet's
    report resembles only the body. One claim in every order."""
    head = "dredging the channel will resume in June"
    body = "dredging of the outer channel will resume in June after the storm repairs"
    other = "work on the outer channel resumes after the storm repairs"
    rows = reports(story, warden, (head, body), (other,))
    found = claim_orders.groupings(rows)
    assert len(found) == 1
    assert claims_of(next(iter(found))) == [sorted([head, body, other])]


def test_one_articles_reports_that_went_apart_are_not_merged_by_a_weak_third(story, warden):
    """One article: two remarks about a rival that do not resemble each other (0.33), and a third that
    resembles each only weakly (0.47, the names): the remarks stay two claims. Seen failing with weak
    matches merging claims that both hold the article's reports (one claim)."""
    wrong = "Mr. Voss was wrong to say the harbour budget was cut"
    father = "Mr. Voss's late father as a war hero"
    unfair = "Mr. Voss had been unfair to him"
    [row] = reports(story, warden, (wrong, father, unfair))
    claim_linking.link_claims(row)
    groups = claims_of(claim_orders.grouping())
    assert len(groups) == 2 and not any(wrong in g and father in g for g in groups)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds (../shared/seeds) are absent")
def test_the_seeds_claims_are_the_same_in_every_order():
    """Twelve orders of the five seed articles (of 120; drawn with a fixed seed) give one grouping: Musk's answer ("general practice",
    "standard practice", "standard industry procedure") is one claim. Seen failing before: 2 groupings
    (the answer split in 40 orders of 120; two groupings in these 12)."""
    with eager_chain():
        load_sample(root=SEEDS)
    found = claim_orders.groupings(claim_orders.linked_articles(), sample=12)
    assert len(found) == 1
    [groups] = found
    text = {(c.article_id, c.start): c.text for c in ClaimCandidate.objects.all()}
    answer = [g for g in groups if any("general practice" in text[r] for r in g)]
    assert len(answer) == 1 and len(answer[0]) == 4
    assert len(groups) == Claim.objects.count()
