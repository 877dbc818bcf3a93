"""Claims across outlets: one claim per statement and speaker, every outlet's wording kept as evidence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ArticleFactory,
    ClaimCandidateFactory,
    EntityFactory,
    StoryFactory,
)
from tracker.cases.models import Alias, Case, Entity
from tracker.crossref import claim_evidence, claim_linking, corroboration
from tracker.crossref.analysis import analyze_articles, pending_article_ids
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Story
from tracker.sources.models import Article
from tracker.sources.sample import load_sample

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)


@pytest.fixture
def musk():
    """The seeded curated entity (created here when the migrations did not), named "Musk" too."""
    entity = EntityFactory(name="Elon Musk")
    Alias.objects.get_or_create(entity=entity, text="Musk")
    return entity


@pytest.fixture
def openai():
    return EntityFactory(name="OpenAI", kind=Entity.Kind.ORG)


@pytest.fixture
def story():
    return StoryFactory(title="Musk testifies", first_seen_at=T0)


def article(name: str, story: Story | None, *, hours: float = 0, text: str = "") -> Article:
    """An article of outlet `name`, first seen `hours` after T0, in `story`."""
    return ArticleFactory(
        story=story,
        outlet__name=name,
        title=f"{name} on the trial",
        text=text,
        first_seen_at=T0 + timedelta(hours=hours),
    )


def say(row: Article, content: str, *, speaker: str = "Musk", entity: Entity | None = None, **fields):
    """A claim candidate whose content is appended to the article's text (offsets point at it), with
    every double-quoted span of the content as a verbatim quote."""
    sentence = f"{speaker} {fields.pop('verb', 'said')} that {content}."
    start = len(row.text) + 1 + sentence.index(content)
    row.text = f"{row.text} {sentence}"
    row.save(update_fields=["text"])
    quotes, offset = [], 0
    while (opening := content.find('"', offset)) >= 0:
        closing = content.index('"', opening + 1)
        quotes.append({"text": content[opening + 1 : closing], "start": start + opening + 1,
                       "end": start + closing, "prefix": "", "suffix": ""})  # fmt: skip
        offset = closing + 1
    return ClaimCandidateFactory(
        article=row,
        speaker=speaker,
        speaker_entity=entity,
        verb=fields.pop("verb_lemma", "say"),
        text=content,
        sentence=sentence,
        start=start,
        quotes=quotes,
        **fields,
    )


def snapshot() -> tuple:
    claims = tuple(
        Claim.objects.order_by("pk").values_list("pk", "text", "kind", "responds_to", "updated_at")
    )
    evidence = tuple(
        Evidence.objects.order_by("claim", "article", "start").values_list("claim", "article", "start")
    )
    return claims, evidence


def test_the_same_quote_from_three_outlets_is_one_claim_with_three_reports(story, musk):
    rows = [article(name, story, hours=i) for i, name in enumerate(["Alpha", "Beta", "Gamma"])]
    say(rows[0], 'xAI had been "partly distilling OpenAI" for a year', entity=musk)
    say(rows[1], 'the company was "partly distilling OpenAI"', entity=musk)
    say(rows[2], 'his engineers were "partly distilling OpenAI", he conceded', entity=musk)
    claims = [claim_linking.link_claims(row) for row in rows]

    claim = Claim.objects.get()
    assert [c.pk for found in claims for c in found] == [claim.pk] * 3
    assert claim.evidence.count() == 3
    assert (claim.speaker, claim.story, claim.first_seen_at) == (musk, story, T0)


def test_a_batch_reads_a_claims_evidence_once_and_keeps_what_it_attaches(story, musk):
    """Within one placing (one `claim_evidence.Kept` handed to each call) a stored claim's evidence is read once, then
    kept as the batch attaches to it: the third report joins the claim by a quote only the second
    brought. Seen failing with the attached evidence left out of what is kept (a second claim) and
    with nothing kept (two reads)."""
    rows = [article(name, story, hours=i) for i, name in enumerate(["Alpha", "Beta", "Gamma"])]
    say(rows[0], 'xAI had been "partly distilling OpenAI" for a year', entity=musk)
    say(rows[1], 'the company was "partly distilling OpenAI", taking "a few shortcuts"', entity=musk)
    say(rows[2], 'his team merely took "a few shortcuts" on safety testing', entity=musk)
    kept = claim_evidence.Kept()
    with CaptureQueriesContext(connection) as queries:
        for row in rows:
            claim_linking.link_claims(row, kept=kept)
    claim = Claim.objects.get()
    assert claim.evidence.count() == 3
    reads = [q for q in queries if '"crossref_evidence"."claim_id" IN (' in q["sql"]]
    assert len(reads) <= 1  # none since `claim_pool`: a claim the batch made is followed from its start


def test_three_wordings_of_one_statement_are_one_claim_with_every_wording_kept(story, musk):
    rows = [article(name, story, hours=i) for i, name in enumerate(["Alpha", "Beta", "Gamma"])]
    say(rows[0], 'distillation was a "general practice" among AI companies', entity=musk)
    say(rows[1], 'distillation is "standard practice" across the AI industry', entity=musk)
    say(rows[2], 'he described distillation as "standard industry procedure"', entity=musk)
    for row in rows:
        claim_linking.link_claims(row)

    claim = Claim.objects.get()
    assert claim.text == 'distillation was a "general practice" among AI companies'
    wordings = [[q["text"] for q in e.quotes] for e in claim.evidence.order_by("first_seen_at")]
    assert wordings == [["general practice"], ["standard practice"], ["standard industry procedure"]]


def test_unrelated_statements_and_other_speakers_stay_apart(story, musk, openai):
    row = article("Alpha", story)
    say(row, "distillation is standard practice across the AI industry", entity=musk)
    say(row, "xAI employs only a few hundred people", entity=musk)
    say(row, "distillation is standard practice across the AI industry", speaker="", entity=None)
    say(row, "distillation is standard practice across the AI industry", speaker="OpenAI", entity=openai)
    claim_linking.link_claims(row)
    assert Claim.objects.count() == 4


def test_speakers_without_an_entity_match_by_their_normalised_name(story):
    first, second = article("Alpha", story), article("Beta", story, hours=1)
    say(first, "the trial will last three weeks", speaker="Court officials")
    say(second, "the trial would last three weeks", speaker="court officials'")
    claim_linking.link_claims(first)
    claim_linking.link_claims(second)
    assert Claim.objects.get().evidence.count() == 2


def test_an_answer_by_another_party_is_a_second_claim_linked_to_the_first(story, musk, openai):
    first, second = article("Alpha", story), article("Beta", story, hours=2)
    say(first, "OpenAI abandoned its nonprofit mission", entity=musk, kind=ClaimCandidate.Kind.ALLEGATION)
    say(first, "xAI used OpenAI models to train Grok", entity=musk)
    say(
        second,
        "Musk's lawsuit is a bid to slow down a competitor after he failed to control the nonprofit",
        speaker="OpenAI",
        entity=openai,
        verb="countered",
        verb_lemma="counter",
        kind=ClaimCandidate.Kind.DEFENSE,
    )
    claim_linking.link_claims(first)
    [answer] = claim_linking.link_claims(second)

    allegation = Claim.objects.get(kind=ClaimCandidate.Kind.ALLEGATION)
    assert answer.speaker == openai and answer.responds_to == allegation
    assert Claim.objects.get(pk=answer.pk).responds_to == allegation
    assert Claim.objects.filter(responds_to__isnull=False).count() == 1


def test_a_claim_of_another_story_joins_when_it_is_the_same_event(story, musk):
    """Another story's claim joins only a report of the same statement at the same event (issue 16
    point 4): the speaker entity, stated days within two, verbatim words in common, alike. First seen
    together (an archive taken in at once) is not the same event. Seen failing at 3f4a297, where the
    first sightings an hour apart decided: the report stated ten days later joined too (one claim)."""
    other, third = (Story.objects.create(title=t, first_seen_at=T0, last_changed_at=T0) for t in "bc")
    first = article("Alpha", story)
    near, late = article("Beta", other, hours=1), article("Gamma", third, hours=2)
    for row, days in ((first, 0), (near, 2), (late, 10)):
        row.published_at = T0 + timedelta(days=days)
        row.save(update_fields=["published_at"])
    for row in (first, near, late):
        say(row, 'distillation is "standard practice across the industry" now', entity=musk)
        claim_linking.link_claims(row)
    assert Claim.objects.count() == 2
    assert Claim.objects.get(evidence__article=near) == Claim.objects.get(evidence__article=first)
    assert Claim.objects.get(evidence__article=late).story == third


def test_relinking_changes_nothing(story, musk, openai):
    rows = [article(name, story, hours=i) for i, name in enumerate(["Alpha", "Beta", "Gamma"])]
    say(rows[0], 'distillation was a "general practice" among AI companies', entity=musk)
    say(rows[0], "OpenAI abandoned its nonprofit mission", entity=musk, kind=ClaimCandidate.Kind.ALLEGATION)
    say(rows[1], 'distillation is "standard practice" across the AI industry', entity=musk)
    say(rows[2], "Musk's charges are baseless", speaker="OpenAI", entity=openai, kind="defense")
    for row in rows:
        claim_linking.link_claims(row)
    before = snapshot()
    for row in reversed(rows):
        claim_linking.link_claims(row)
    for row in rows:
        claim_linking.link_claims(row)
    assert snapshot() == before
    assert Claim.objects.exclude(responds_to=None).count() == 1


def test_a_claim_no_longer_extracted_is_deleted_and_one_still_reported_elsewhere_is_kept(story, musk):
    first, second = article("Alpha", story), article("Beta", story, hours=1)
    say(first, "xAI employs only a few hundred people", entity=musk)
    say(first, 'distillation is "standard practice" across the AI industry', entity=musk)
    say(second, 'distillation is "standard practice" everywhere', entity=musk)
    claim_linking.link_claims(first)
    claim_linking.link_claims(second)
    shared = Claim.objects.get(evidence__article=second)
    corroboration.refresh_claim(shared)
    assert shared.outlets_count == 2

    ClaimCandidate.objects.filter(article=first).delete()  # re-extraction found nothing this time
    assert claim_linking.link_claims(first) == []
    assert list(Claim.objects.all()) == [shared]
    shared.refresh_from_db()
    assert shared.outlets_count == 1


def test_a_locked_claim_keeps_its_curated_text_and_gains_new_evidence(story, musk):
    first, second = article("Alpha", story), article("Beta", story, hours=1)
    say(first, 'distillation is "standard practice" across the AI industry', entity=musk)
    [claim] = claim_linking.link_claims(first)
    Claim.objects.filter(pk=claim.pk).update(
        text="Musk: distillation is common practice", kind=ClaimCandidate.Kind.STATEMENT, locked=True
    )
    say(second, 'it is "standard practice" for everyone', entity=musk)
    assert [c.pk for c in claim_linking.link_claims(second)] == [claim.pk]

    ClaimCandidate.objects.filter(article=first).delete()
    claim_linking.link_claims(first)  # a locked claim keeps its evidence, even when no longer extracted
    claim.refresh_from_db()
    assert (claim.text, claim.kind) == ("Musk: distillation is common practice", "statement")
    assert set(claim.evidence.values_list("article", flat=True)) == {first.pk, second.pk}


def test_a_new_claim_takes_its_case_from_the_article_or_else_the_story(story, musk):
    case = Case.objects.create(name="Musk v. OpenAI (test)", slug="mvo-test")
    story.cases.add(case)
    row = article("Alpha", story)
    say(row, "xAI used OpenAI models to train Grok", entity=musk)
    [claim] = claim_linking.link_claims(row)
    assert claim.case == case


def test_linking_reads_a_bounded_number_of_queries(story, musk, django_assert_max_num_queries):
    rows = [article(f"Outlet {i}", story, hours=i) for i in range(8)]
    for row in rows:
        say(row, 'distillation is "standard practice" across the AI industry', entity=musk)
        say(row, "xAI employs only a few hundred people", entity=musk)
        claim_linking.link_claims(row)
    late = article("Late", story, hours=9)
    say(late, 'it is "standard practice"', entity=musk)
    say(late, "xAI has only a few hundred employees", entity=musk)
    with django_assert_max_num_queries(25):
        claim_linking.link_claims(late)


def test_the_seeds_give_one_claim_per_statement_of_musk():
    load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")
    assert len(analyze_articles(pending_article_ids()).analyzed) == 5  # extraction, then linking
    rows = list(Article.objects.select_related("outlet").order_by("first_seen_at", "pk"))
    assert Story.objects.get().memberships.count() == 5
    for row in rows:
        claim_linking.link_claims(row)
    before = snapshot()

    def outlets(claim: Claim) -> set[str]:
        return set(claim.evidence.values_list("article__outlet__name", flat=True))

    musks = Claim.objects.filter(speaker__name="Elon Musk")
    [c2] = [c for c in musks if "general practice" in c.text or "standard practice" in c.text]
    assert outlets(c2) == {"Aivizor", "Related Tools", "FrontierNews.ai"}
    quotes = " | ".join(q["text"] for e in c2.evidence.all() for q in e.quotes)
    for wording in ("general practice", "standard practice", "standard industry procedure"):
        assert wording in quotes
    others = Evidence.objects.filter(claim__in=musks.exclude(pk=c2.pk)).values_list("quotes", flat=True)
    assert not [q for quotes in others for q in quotes if "practice" in q["text"]]

    [c1] = [c for c in musks if "train" in c.text and "Grok" in c.text]
    assert len(outlets(c1)) >= 3
    for row in rows:
        claim_linking.link_claims(row)
    assert snapshot() == before


def test_a_batch_reads_its_articles_once_and_saves_each_articles_new_claims_together(story, musk, openai):
    """Claim linking of a batch (`claim_evidence.Articles` and the claims it may join, `claim_pool`, read
    once for it, the story handed in) reads no candidate, evidence, case, membership or claim of an
    article on its own, and an article's new claims go in one insert, in the order they were made, their
    history rows in one for the batch (`Pool.record`). Seen failing with the batch's reads left out
    (three candidate reads), with each claim created on its own (five inserts) and with one history
    insert an article (three)."""
    rows = [article(name, story, hours=i) for i, name in enumerate(["Alpha", "Beta", "Gamma"])]
    say(rows[0], 'the board "approved the merger" in March', entity=musk)
    say(rows[0], 'regulators "never saw the filings" at all', entity=openai)
    say(rows[0], 'the auditors "signed off early" without a review', speaker="Quorvane")
    say(rows[1], 'the factory "will close in June" this year', entity=musk)
    say(rows[2], 'the lawyers "will appeal the ruling" next week', entity=openai)
    given, kept = claim_evidence.Articles.of(rows), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    with CaptureQueriesContext(connection) as queries:
        linked = [
            claim_linking.link_claims(r, answers=False, kept=kept, batch=given, story=story, pool=pool)
            for r in rows
        ]
        pool.record()
    sql = [q["sql"] for q in queries]
    assert not [q for q in sql if q.startswith("SELECT") and 'FROM "crossref_claim" ' in q]
    assert not [
        q for q in sql if 'FROM "crossref_claimcandidate"' in q or 'FROM "sources_article_cases"' in q
    ]
    assert not [q for q in sql if q.startswith("SELECT") and 'FROM "crossref_storyarticle"' in q]
    assert len([q for q in sql if q.startswith('INSERT INTO "crossref_claim"')]) == 3
    history = ('INSERT INTO "crossref_historicalclaim"', 'COPY "crossref_historicalclaim"')
    history = [q for q in sql if q.split(" times: ")[-1].startswith(history)]
    assert len(history) == 1  # one statement: an `executemany` or a COPY, logged as "N times: ..."
    made = [c.pk for c in linked[0]]
    assert made == sorted(made) and Claim.objects.count() == 5 == Claim.history.count()
    assert [c.text for c in Claim.objects.filter(pk__in=made).order_by("pk")] == [
        'the board "approved the merger" in March',
        'regulators "never saw the filings" at all',
        'the auditors "signed off early" without a review',
    ]
    # a second run over the same batch, its evidence read with it, ends as it was
    before = snapshot()
    given = claim_evidence.Articles.of(rows)
    for row in rows:
        claim_linking.link_claims(row, kept=claim_evidence.Kept(), batch=given, story=story)
    assert snapshot() == before


def test_a_claim_that_loses_and_gains_an_outlet_in_one_batch_keeps_true_counts(story, musk):
    """A batch's claims are read once (`claim_pool`) and their objects kept for the batch: a claim that
    loses an article's report (re-extracted as another statement) and then gains another outlet's has
    its counts refreshed on the object the batch goes on with. Seen failing with the claims that lost
    a report refreshed on objects read apart (2 outlets kept in memory, 1 stored, 2 true)."""
    alpha, beta, gamma = (article(name, story, hours=i) for i, name in enumerate(["Alpha", "Beta", "Gamma"]))
    for row in (alpha, beta):
        say(row, 'xAI "never distilled OpenAI models" at all', entity=musk)
        corroboration.refresh_claims(claim_linking.link_claims(row))
    claim = Claim.objects.get()
    assert claim.outlets_count == 2
    ClaimCandidate.objects.filter(article=beta).delete()
    say(beta, 'the factory "will close in June" this year', entity=musk)
    say(gamma, 'xAI "never distilled OpenAI models" at all', entity=musk)
    given, kept = claim_evidence.Articles.of([beta, gamma]), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    linked = {}
    for row in (beta, gamma):
        for found in claim_linking.link_claims(
            row, answers=False, kept=kept, batch=given, story=story, pool=pool
        ):
            linked[found.pk] = found
    pool.record()  # the batch's evidence, as the placing writes it once the batch is linked
    corroboration.refresh_claims(linked.values())
    claim.refresh_from_db()
    assert claim.outlets_count == 2 and set(claim.evidence.values_list("article", flat=True)) == {
        alpha.pk,
        gamma.pk,
    }
