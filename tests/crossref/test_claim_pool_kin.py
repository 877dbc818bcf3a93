"""A batch's claim pool reads whole only the claims of no entity its reports may join or be kin of
(`kin_reads`, issue 17, goal 1): not every claim of no entity of its stories, which grew with them
(at 600 articles ~430 of a late batch's ~690 claims, read only for `speaker_kin`'s index)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crossref.test_claim_linking import T0, article, say
from tests.crossref.test_speaker_kin import SAID, SAID_AGAIN
from tests.factories import ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import claim_evidence, claim_linking

pytestmark = pytest.mark.django_db


def witnesses(story, origin, first: int, last: int) -> None:
    """Claims of other speakers of no entity, none of them kin of the batch's (another surname each)."""
    for n in range(first, last):
        claim = ClaimFactory(
            story=story, speaker_text=f"Witness Number{n}", text=f"the harbour{n} ferries{n} stop"
        )
        EvidenceFactory(claim=claim, article=origin, start=n, text=claim.text)


def test_the_pool_reads_the_kin_of_its_speakers_not_every_claim_of_no_entity():
    """A story with claims of unrelated speakers of no entity (5, then 60), a claim of "Vice Chancellor
    Agnes Whitcombe" (a batch report by "Agnes Whitcombe" is hers: the claim's name ends with the
    report's), one of "Conrad Lisle" (a report by "Judge Conrad Lisle" is his: the report's ends with the
    claim's) and one of "Court Clerk" that a batch article already reports (its re-link): the pool reads
    those three whole, in as many queries with 60 others as with 5, and each report joins its kin's claim.
    Seen failing with every claim read (`wanted` keeping all: the pool grows), with either ending left
    out (a claim of its own for that report) and with the batch's reported claims left out."""
    story = StoryFactory(title="Trial", first_seen_at=T0)
    origin = article("Origin", story, text="The hearing went on.")
    witnesses(story, origin, 0, 5)
    titled = ClaimFactory(
        story=story, speaker_text="Vice Chancellor Agnes Whitcombe", text="the licence was breached"
    )
    plain = ClaimFactory(
        story=story, speaker_text="Conrad Lisle", text="the audit found the ledgers incomplete"
    )
    for n, claim in enumerate((titled, plain)):
        EvidenceFactory(claim=claim, article=origin, start=100 + n, text=claim.text)
    agnes, conrad = article("Beta", story, hours=1), article("Gamma", story, hours=2)
    say(agnes, "the licence was breached by the nightly job", speaker="Agnes Whitcombe")
    say(conrad, "the audit found the ledgers incomplete again", speaker="Judge Conrad Lisle")
    clerk = ClaimFactory(story=story, speaker_text="Court Clerk", text="the session was adjourned")
    EvidenceFactory(claim=clerk, article=conrad, start=0, text=clerk.text)  # a re-link removes it
    rows = [agnes, conrad]

    def read():
        given, kept = claim_evidence.Articles.of(rows), claim_evidence.Kept()
        with CaptureQueriesContext(connection) as queries:
            pool = claim_linking.pool_of(given, [story.pk], kept)
        return given, kept, pool, len(queries)

    *_, few, queries_few = read()
    witnesses(story, origin, 5, 60)
    given, kept, pool, queries_many = read()
    assert set(pool.claims) == set(few.claims) == {titled.pk, plain.pk, clerk.pk}
    assert queries_many == queries_few

    linked = [
        claim_linking.link_claims(row, answers=False, kept=kept, batch=given, story=story, pool=pool)
        for row in rows
    ]
    pool.record()
    assert [[claim.pk for claim in claims] for claims in linked] == [[titled.pk], [plain.pk]]
    titled.refresh_from_db()
    assert titled.speaker_text == "Agnes Whitcombe"  # the claim takes the name (`take_full_name`)


def test_a_batch_whose_report_quotes_its_statement_reads_every_claim_of_no_entity():
    """A report by "he" quoting its statement may be kin of any person in full its article names (here
    Jonah Castellanos, whose key neither ends with "he" nor is its ending): the batch reads every claim of
    no entity, and the report joins his claim. Seen failing with such a batch read as the others (a
    claim of its own for "he")."""
    story = StoryFactory(title="Trial", first_seen_at=T0)
    named = article("Pine Wire", story)
    say(named, SAID, speaker="Jonah Castellanos")
    (jonah,) = claim_linking.link_claims(named)
    told = article("Bench Ledger", story, hours=1, text="Jonah Castellanos was on the stand for two days.")
    say(told, SAID_AGAIN, speaker="he")
    given, kept = claim_evidence.Articles.of([told]), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    assert set(pool.claims) == {jonah.pk}

    linked = claim_linking.link_claims(told, answers=False, kept=kept, batch=given, story=story, pool=pool)
    pool.record()
    assert [claim.pk for claim in linked] == [jonah.pk]


def test_a_surname_alone_reads_the_full_names_claim_it_restates():
    """A report by "Fenwycke" restating (not quoting word for word) the claim of "Idris Fenwycke", whom
    its article names in full, is his (speaker_kin `_surnamed`): a one-word key is an ending too, and the
    pool reads his claim among unrelated speakers'. Seen failing with endings of two words or more only
    (a claim of its own for "Fenwycke", the pool without his)."""
    story = StoryFactory(title="Trial", first_seen_at=T0)
    full = article("Pine Wire", story)
    say(full, '"Kitewing was partly distilled from Orrery, and I approved it,"', speaker="Idris Fenwycke")
    (idris,) = claim_linking.link_claims(full)
    witnesses(story, full, 0, 5)
    short = article("Bench Ledger", story, hours=1, text="Idris Fenwycke, the founder, took the stand.")
    # the quote is not the whole report (`statement_runs` empty), so the batch is not read whole for it
    say(
        short,
        'the Kitewing assistant he built last spring was "largely distilled from Orrery,"',
        speaker="Fenwycke",
    )
    given, kept = claim_evidence.Articles.of([short]), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    assert idris.pk in pool.claims

    linked = claim_linking.link_claims(short, answers=False, kept=kept, batch=given, story=story, pool=pool)
    pool.record()
    assert [claim.pk for claim in linked] == [idris.pk]
