"""The discrepancy rules' readings of a claim's evidence are a linking batch's (issue 17, goal 3): a batch
touches stories that report the same claims, and each story's rules read them from the batch's
`StoryReads` instead of going over every claim's evidence again. A claim-keyed row is only its claim's
own story's to find (`Scope.owns`), so the claims here that more than one story reads have no story."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import T0, ArticleFactory, ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import claim_reads, story_reads
from tracker.crossref.discrepancies import figures, statements, testimony_settings, wording
from tracker.crossref.discrepancies.scope import Scope
from tracker.crossref.models import ClaimCandidate
from tracker.crossref.story_reads import StoryReads

pytestmark = pytest.mark.django_db

AWARD = "The jury in Lakeview awarded {} in damages to the farmers."


def article(story, text: str, hours: int, outlet: str):
    return ArticleFactory(
        story=story,
        outlet__name=outlet,
        title=f"Barn sale {hours}",
        text=text,
        first_seen_at=T0 + timedelta(hours=hours),
    )


def scopes(stories):
    batch = story_reads.batch_reads([s.pk for s in stories])
    return batch, [Scope.of(s, StoryReads.of(s, batch)) for s in stories]


def fresh_and_from_the_batch(rule, stories):
    """`rule` on the second story read alone (fresh), then on both stories as one batch, the second's
    evidence forgotten once the first has run: (the first's findings, fresh, the second's, its scope)."""
    fresh = rule(Scope.of(stories[1]))
    _, (first, second) = scopes(stories)
    before = rule(first)
    forget_evidence(second.claims)
    return before, fresh, rule(second), second


def forget_evidence(claims) -> None:
    """The claims as if their evidence were gone: what a story's rules still find is the batch's."""
    for claim in claims:
        claim_reads.prefetched(claim, [])


def test_a_claims_dates_are_worked_out_once_a_batch():
    """Two stories report a claim its outlets date differently: the second finds the disagreement
    the first worked out. Seen failing with the claims' dates read per story (none found once the
    claim's evidence is gone)."""
    stories = [StoryFactory(title=f"Barn {n}") for n in range(2)]
    claim = ClaimFactory(story=None, text="the barn was sold")  # no story: every story's (`Scope.owns`)
    for n, story in enumerate(stories):
        sentence = f"Vell said the barn was sold on March {3 + n}, 2026."
        row = article(story, f"Farmers gathered. {sentence}", n, f"Outlet {n}")
        EvidenceFactory(
            claim=claim, article=row, sentence=sentence, date=date(2026, 3, 3 + n), date_precision="day"
        )
    fresh = figures.dates_differ(Scope.of(stories[1]))
    batch, (first, second) = scopes(stories)
    assert [f.key for f in figures.dates_differ(first)] == [f"date:claim:{claim.pk}:day"]
    forget_evidence(second.claims)
    found = figures.dates_differ(second)
    assert [(f.key, f.variants, f.claim.pk) for f in found] == [
        (f.key, f.variants, f.claim.pk) for f in fresh
    ]
    assert found[0].variants == second.sort(found[0].variants) and len(found[0].variants) == 2


def test_the_claim_holding_a_figure_is_found_from_the_batchs_evidence_index():
    """A figure two outlets give differently sits on the claim whose evidence sentence holds it; the
    evidence of the batch's claims is indexed by article once. Seen failing with the index built
    from every claim's evidence for each story (no claim found once the evidence is gone)."""
    stories = [StoryFactory(title=f"Jury {n}") for n in range(2)]
    claims = [ClaimFactory(story=stories[0], text=f"the jury awarded damages {n}") for n in range(2)]
    rows = []
    for n, figure in enumerate(("$5 million", "$6 million")):
        text = "Farmers gathered. " + AWARD.format(figure)
        rows.append(row := article(stories[1], text, n, f"Outlet {n}"))
        EvidenceFactory(claim=claims[1], article=row, sentence=AWARD.format(figure))
    EvidenceFactory(claim=claims[0], article=article(stories[0], "Farmers gathered.", 3, "Outlet 3"))
    fresh = figures.numbers_differ(Scope.of(stories[1]))
    batch, (first, second) = scopes(stories)
    assert [pk for pk, _, _ in first.reads.citing(rows[0])] == [claims[1].pk]  # the batch's index
    assert batch.indexed == len(batch.claims) == 2
    forget_evidence(second.claims)
    found = figures.numbers_differ(second)
    assert [(f.key, f.claim.pk) for f in found] == [(f.key, f.claim.pk) for f in fresh]
    assert [f.claim for f in found] == [claims[1]]


def test_a_testimonys_evidence_is_read_once_a_batch():
    """Where a speaker testified, as two outlets set it: the second story reads the testimony's evidence
    the first read. Seen failing with it read per story (no setting found once the evidence is gone)."""
    stories = [StoryFactory(title=f"Trial {n}") for n in range(2)]
    claim = ClaimFactory(
        story=stories[0], text="the barn was sold", kind=ClaimCandidate.Kind.TESTIMONY, speaker_text="Vell"
    )
    for n, cue in enumerate(("on the stand", "in a deposition")):
        sentence = f"Vell testified {cue} that the barn was sold."
        row = article(stories[1], f"Farmers gathered. {sentence}", n, f"Outlet {n}")
        EvidenceFactory(claim=claim, article=row, sentence=sentence)
    _, fresh, found, _ = fresh_and_from_the_batch(testimony_settings.settings_differ, stories)
    assert [(f.key, f.variants) for f in found] == [(f.key, f.variants) for f in fresh] and len(found) == 1


def quoted(claim, row, sentence: str, quote: str, **extra):
    at = row.text.index(quote)
    found = [{"text": quote, "start": at, "end": at + len(quote)}]
    return EvidenceFactory(claim=claim, article=row, sentence=sentence, quotes=found, **extra)


def test_a_claims_quotes_are_read_once_a_batch():
    """Two outlets quote one answer of a speaker in two wordings: the second story reads the claim's
    quotes the first read. Seen failing with them read per story (none found once the evidence is gone)."""
    stories = [StoryFactory(title=f"Barn {n}") for n in range(2)]
    claim = ClaimFactory(story=None, text="the sale was usual", speaker_text="Vell")  # every story's
    for n, words in enumerate(("general practice", "standard practice")):
        sentence = f'Vell called the sale "{words}."'
        quoted(claim, article(stories[1], f"Farmers gathered. {sentence}", n, f"Outlet {n}"), sentence, words)
    EvidenceFactory(
        claim=claim, article=article(stories[0], "Farmers gathered.", 5, "Outlet 5")
    )  # seen there too
    _, fresh, found, _ = fresh_and_from_the_batch(wording.quote_wording, stories)
    assert [(f.key, f.variants) for f in found] == [(f.key, f.variants) for f in fresh] and len(found) == 1


def test_a_claims_hedges_are_read_once_a_batch():
    """A headline naming the speaker drops the hedge the speaker's evidence carries: the second story
    reads the claim's hedges the first read, each story with variants of its own. Seen failing with them
    read per story (none found once the evidence is gone)."""
    stories = [StoryFactory(title=f"Barn {n}") for n in range(2)]
    claim = ClaimFactory(  # no story: every story's (`Scope.owns`), so both stories read its hedges
        story=None, text="Lakeview partly sold the barn to farmers", speaker_text="Vell"
    )
    sentence = 'Vell said Lakeview "partly" sold the barn to farmers.'
    quoted(
        claim,
        article(stories[1], f"Farmers gathered. {sentence}", 0, "Outlet 0"),
        sentence,
        "partly",
        hedges=["partly"],
    )
    ArticleFactory(
        story=stories[1],
        outlet__name="Outlet 1",
        title="Vell: Lakeview Sold The Barn To Farmers",
        text="More.",
    )
    EvidenceFactory(
        claim=claim, article=article(stories[0], "Farmers gathered.", 5, "Outlet 5")
    )  # seen there too
    before, fresh, found, second = fresh_and_from_the_batch(statements.hedges_dropped, stories)
    assert [(f.key, f.variants) for f in found] == [(f.key, f.variants) for f in fresh] and len(found) == 1
    again = statements.hedges_dropped(second)  # the batch's variants are copied, not handed out
    assert not before and again[0].variants == found[0].variants
    assert all(a is not b for a in again[0].variants for b in found[0].variants)
