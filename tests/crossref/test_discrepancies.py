"""Discrepancies between outlets: each kind on synthetic rows, re-runs, curated rows, and the seeds."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.conf import settings

from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EvidenceFactory,
    StoryFactory,
)
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies, events
from tracker.crossref.models import Claim, DateMention, Discrepancy
from tracker.sources.models import Article, ArticleVersion

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 4, 30, 12, tzinfo=UTC)


@pytest.fixture
def story():
    return StoryFactory(
        title="Musk testifies", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")]
    )


@pytest.fixture
def musk():
    return Entity.objects.get(name="Elon Musk")


def article(story, outlet: str, text: str, *, title: str = "A story", hours: int = 0, published=None):
    return ArticleFactory(
        story=story,
        outlet__name=outlet,
        title=title,
        text=text,
        first_seen_at=T0 + timedelta(hours=hours),
        published_at=published,
    )


def claim(story, speaker, text: str, *, kind: str = "testimony") -> Claim:
    return ClaimFactory(story=story, speaker=speaker, kind=kind, text=text, first_seen_at=T0)


def evidence(claim_row, article_row, sentence: str, *, quotes=(), hedges=(), on=None, precision="day"):
    article_row.text.index(sentence)  # the sentence is the article's
    found = [
        {"text": q, "start": article_row.text.index(q), "end": article_row.text.index(q) + len(q)}
        for q in quotes
    ]
    return EvidenceFactory(
        claim=claim_row, article=article_row, sentence=sentence, attribution="direct" if quotes else "indirect",
        quotes=found, hedges=list(hedges), date=on, date_precision=precision if on else "",
    )  # fmt: skip


def of_kind(kind: str) -> list[Discrepancy]:
    return list(Discrepancy.objects.filter(kind=kind).order_by("pk"))


def words(row: Discrepancy) -> list[str]:
    return [v["words"] for v in row.variants]


def test_quote_wording_lists_each_outlets_words_once_and_ignores_sub_quotes(story, musk):
    s1 = 'Musk said it was a "general practice" among AI companies, adding "yes".'
    s2 = 'His defense: that this is "standard practice" across the AI industry.'
    s3 = 'Musk described the practice as "standard industry procedure".'
    s4 = 'Musk called it "General practice!" in court.'
    a1, a2, a3, a4 = (
        article(story, o, s, hours=i) for i, (o, s) in enumerate(zip("ABCD", [s1, s2, s3, s4], strict=True))
    )
    practice = claim(story, musk, "it was a general practice among AI companies")
    evidence(practice, a1, s1, quotes=["general practice", "yes"])
    evidence(practice, a2, s2, quotes=["standard practice"])
    evidence(claim(story, musk, "describing the practice"), a3, s3, quotes=["standard industry procedure"])
    evidence(practice, a4, s4, quotes=["General practice!"])

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.QUOTE_WORDING)
    assert row.claim == practice and row.status == Discrepancy.State.OPEN
    assert words(row) == [
        "general practice",
        "standard practice",
        "standard industry procedure",
        "General practice!",
    ]
    first = row.variants[0]
    assert (first["outlet"], first["article"], a1.text[first["start"] : first["end"]]) == (
        "A",
        a1.pk,
        "general practice",
    )


def test_the_same_quote_everywhere_is_no_discrepancy(story, musk):
    texts = ['Musk said "we did it partly".', 'Musk: "We did it, partly."']
    statement = claim(story, musk, "we did it partly")
    for i, text in enumerate(texts):
        evidence(statement, article(story, f"O{i}", text), text, quotes=[text.split('"')[1]])
    assert discrepancies.detect(story) == []


def test_a_headline_that_drops_the_speakers_hedge(story, musk):
    said = 'Musk said xAI "partly" used OpenAI models to train Grok.'
    hedged = article(story, "Careful", said, title="Musk on distillation")
    bare = article(
        story, "Loud", "Some text.", title="Musk Says xAI Used OpenAI Models to Train Grok", hours=1
    )
    kept = article(story, "Fair", "More text.", title="xAI Partly Used OpenAI Models to Train Grok", hours=2)
    used = claim(story, musk, "xAI partly used OpenAI models to train Grok")
    evidence(used, hedged, said, quotes=["partly"], hedges=["partly"])

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    assert row.claim == used
    assert [(v["article"], v["field"], v["words"]) for v in row.variants] == [
        (hedged.pk, "text", "partly"),
        (bare.pk, "title", bare.title),
    ]
    assert kept.pk not in {v["article"] for v in row.variants}


def test_different_numbers_for_the_same_thing_across_outlets(story):
    article(
        story,
        "First",
        "The verdict was reached by a jury of nine after a week. Musk seeks $134 billion in damages.",
    )
    article(
        story,
        "Second",
        "A jury of twelve reached the verdict. He is seeking damages of $150bn from OpenAI.",
        hours=1,
    )
    article(story, "Third", "Musk seeks $134 billion in damages from OpenAI and Microsoft.", hours=2)

    discrepancies.detect(story)

    rows = {row.key.split(":")[3:5][1]: row for row in of_kind(Discrepancy.Kind.NUMBER)}
    assert set(rows) == {"juri", "damag"}  # stems of the nouns
    assert words(rows["juri"]) == ["jury of nine", "jury of twelve"]
    assert [(v["outlet"], v["value"]) for v in rows["damag"].variants] == [
        ("First", 134e9),
        ("Second", 150e9),
        ("Third", 134e9),
    ]


def test_counts_in_millions_and_a_sum_worded_as_spending_across_outlets(story):
    """Invented: "2 million queries" is a count of queries (it was read as none), and "spending ... at
    $58 million" a cost, not the damages named in the next sentence."""
    article(story, "First", "Roe said the firm sent 2 million queries. Doe said it spent $85 million.")
    spent = "Roe put the spending at about $58 million. The damages expert disagreed."
    article(story, "Second", f"Roe said the firm sent 3 million queries to the rival. {spent}", hours=1)

    discrepancies.detect(story)

    rows = {row.key.split(":")[3:5][1]: row for row in of_kind(Discrepancy.Kind.NUMBER)}
    assert [(v["outlet"], v["value"]) for v in rows["queri"].variants] == [("First", 2e6), ("Second", 3e6)]
    assert [(v["outlet"], v["value"]) for v in rows["cost"].variants] == [("First", 85e6), ("Second", 58e6)]


def test_a_sum_awarded_is_not_the_sum_sought(story):
    """Invented: what a court awards and what a party sought or asked it to award are two sums, not two
    outlets disagreeing about one; outlets that differ on the award still disagree."""
    article(story, "First", "The judge awarded Roe $212 million in damages. Roe had sought $480 million.")
    article(story, "Second", "Roe asked the court to award it $480 million in damages.", hours=1)
    article(story, "Third", "The court awarded Roe $221 million in damages.", hours=2)

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert [(v["outlet"], v["value"]) for v in row.variants] == [("First", 212e6), ("Third", 221e6)]


def test_each_sides_ask_is_not_a_disagreement_between_outlets(story):
    """Invented: at the closings one outlet reports the plaintiff's ask, another the defendant's lawyer's
    (a pronoun, named in the sentence before): two parties' positions, not two outlets disagreeing
    (`askers`); outlets that differ on one party's ask still disagree."""
    article(story, "First", "Roe asked the judge to award it $480 million in damages.")
    ask = "Jo Doe argued for the firm. She urged the court to award no more than $2.4 million in damages."
    article(story, "Second", ask, hours=1)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.NUMBER)
    article(story, "Third", "Roe had sought $450 million in damages.", hours=2)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert [(v["outlet"], v["value"]) for v in row.variants] == [
        ("First", 480e6),
        ("Second", 2.4e6),
        ("Third", 450e6),
    ]


def test_every_row_keeps_the_story_it_was_found_in(story):
    article(story, "First", "The verdict was reached by a jury of nine after a week.")
    article(story, "Second", "A jury of twelve reached the verdict.", hours=1)

    discrepancies.detect(story)

    row = only(of_kind(Discrepancy.Kind.NUMBER))
    assert (row.story_id, row.claim_id, row.event_id) == (story.pk, None, None)


def test_an_explained_number_discrepancy_outlives_its_story(story):
    article(story, "First", "The verdict was reached by a jury of nine after a week.")
    article(story, "Second", "A jury of twelve reached the verdict.", hours=1)
    discrepancies.detect(story)
    Discrepancy.objects.update(status=Discrepancy.State.EXPLAINED, note="Two alternates sat with the jury.")

    story.delete()

    row = only(of_kind(Discrepancy.Kind.NUMBER))
    assert (row.story_id, row.note) == (None, "Two alternates sat with the jury.")


def only(rows: list):
    assert len(rows) == 1, rows
    return rows[0]


def test_one_outlets_own_numbers_are_not_a_discrepancy(story):
    article(story, "Same", "A jury of nine was seated. Later a jury of twelve was seated for the verdict.")
    article(story, "Same", "A jury of twelve reached the verdict.", hours=1)
    assert discrepancies.detect(story) == []


def test_outlets_dating_one_claim_differently(story, musk):
    s1, s2 = (
        "On Thursday, Musk testified that xAI used OpenAI models.",
        "On Wednesday Musk testified that xAI used them.",
    )
    a1, a2 = article(story, "A", s1), article(story, "B", s2, hours=1)
    DateMention.objects.create(
        article=a1, text="Thursday", start=3, end=11, value=date(2026, 4, 30), precision="day"
    )
    testimony = claim(story, musk, "xAI used OpenAI models")
    evidence(testimony, a1, s1, on=date(2026, 4, 30))
    evidence(testimony, a2, s2, on=date(2026, 4, 29))

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert row.claim == testimony
    assert [(v["words"], v["value"]) for v in row.variants] == [
        ("Thursday", "2026-04-30"),
        ("2026-04-29", "2026-04-29"),
    ]


def test_outlets_dating_an_opening_differently_point_at_its_event(story):
    texts = ["The trial, which opened in Oakland on April 27, 2026, centers on the charter.",
             "The trial opened on April 28, 2026 in Oakland."]  # fmt: skip
    for i, text in enumerate(texts):
        row = article(story, f"O{i}", text, hours=i)
        start = text.index("April")
        DateMention.objects.create(
            article=row, text=text[start : start + 14], start=start, end=start + 14,
            value=date(2026, 4, 27 + i), precision="day",
        )  # fmt: skip

    discrepancies.detect(story)
    events.update_events(story)

    (row,) = of_kind(Discrepancy.Kind.DATE)
    assert words(row) == ["April 27, 2026", "April 28, 2026"]
    assert row.event.date == date(2026, 4, 27) and row.event.title == "The trial opened in Oakland"


def test_trial_testimony_against_a_deposition(story, musk):
    t1 = "Musk said xAI used OpenAI models. He made the admission while on the stand in Oakland."
    t2 = "Under oath, Musk acknowledged that xAI used OpenAI models. The deposition is part of the case."
    a1, a2 = article(story, "Stand", t1), article(story, "Depo", t2, hours=1)
    used = claim(story, musk, "xAI used OpenAI models")
    evidence(used, a1, "Musk said xAI used OpenAI models.")
    evidence(used, a2, "Under oath, Musk acknowledged that xAI used OpenAI models.")

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.SETTING)
    assert row.claim == used
    assert [(v["outlet"], v["words"], v["value"]) for v in row.variants] == [
        ("Stand", "on the stand", "trial"),
        ("Depo", "deposition", "deposition"),
    ]


def test_partly_against_systematically_for_the_same_act(story, musk):
    t1 = "Asked whether xAI used OpenAI models to train Grok, Musk said: 'Partly'."
    t2 = "Musk testified that xAI systematically utilized models developed by OpenAI to train Grok."
    t3 = "Elsewhere, Meta trained models partly on ChatGPT conversations."
    a1, a2, _ = article(story, "A", t1), article(story, "B", t2, hours=1), article(story, "C", t3, hours=2)
    used = claim(story, musk, "xAI used OpenAI models to train Grok")
    evidence(used, a1, t1)
    evidence(used, a2, t2)

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.EXTENT)
    assert [(v["outlet"], v["words"], v["value"]) for v in row.variants] == [
        ("A", "Partly", "partial"),
        ("B", "systematically utilized", "full"),
    ]


def test_a_quote_changed_by_an_edit(story, musk):
    now = 'Musk said it was "standard practice" among labs.'
    edited = article(story, "Editor", now)
    ArticleVersion.objects.create(
        article=edited, title=edited.title, text='Musk said it was "a general practice, partly" among labs.',
        seen_at=T0 - timedelta(hours=2), replaced_at=T0,
    )  # fmt: skip
    practice = claim(story, musk, "it was standard practice")
    evidence(practice, edited, now, quotes=["standard practice"])

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.SILENT_EDIT)
    assert row.claim == practice
    assert [(v["field"], v["words"]) for v in row.variants] == [
        ("version", "a general practice, partly"),
        ("text", "standard practice"),
    ]


def test_reruns_update_open_rows_and_leave_curated_ones_alone(story, musk):
    s1, s2 = 'Musk called it a "general practice".', 'Musk called it "standard practice".'
    a1, a2 = article(story, "A", s1), article(story, "B", s2, hours=1)
    practice = claim(story, musk, "it was a general practice")
    evidence(practice, a1, s1, quotes=["general practice"])
    evidence(practice, a2, s2, quotes=["standard practice"])
    first = discrepancies.detect(story)
    assert [d.pk for d in discrepancies.detect(story)] == [d.pk for d in first]
    assert Discrepancy.objects.count() == 1

    s3 = 'Musk called it "standard industry procedure".'
    evidence(practice, article(story, "C", s3, hours=2), s3, quotes=["standard industry procedure"])
    discrepancies.detect(story)
    (row,) = Discrepancy.objects.all()
    assert len(row.variants) == 3

    row.status, row.note = Discrepancy.State.EXPLAINED, "All three are paraphrases of one answer."
    row.save()
    stamp = Discrepancy.objects.get().updated_at
    s4 = 'Musk called it "common practice".'
    evidence(practice, article(story, "D", s4, hours=3), s4, quotes=["common practice"])
    discrepancies.detect(story)
    kept = Discrepancy.objects.get()
    assert (len(kept.variants), kept.status, kept.updated_at) == (3, Discrepancy.State.EXPLAINED, stamp)


def test_a_disagreement_that_disappears_leaves_its_row(story, musk):
    s1, s2 = 'Musk called it a "general practice".', 'Musk called it "standard practice".'
    a1, a2 = article(story, "A", s1), article(story, "B", s2, hours=1)
    practice = claim(story, musk, "it was a general practice")
    evidence(practice, a1, s1, quotes=["general practice"])
    gone = evidence(practice, a2, s2, quotes=["standard practice"])
    (row,) = discrepancies.detect(story)
    gone.delete()
    assert discrepancies.detect(story) == []
    assert Discrepancy.objects.get().variants == row.variants


@pytest.fixture
def linked_seeds():
    """The five seeds ingested, analysed and linked one by one, in the order they were first seen."""
    from tracker.crossref.analysis import analyze_articles, pending_article_ids
    from tracker.crossref.linking import link_article
    from tracker.sources.sample import load_sample

    load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")
    analyze_articles(pending_article_ids())
    for row in Article.objects.order_by("first_seen_at", "pk"):
        link_article(row)
    return {a.outlet.name: a for a in Article.objects.select_related("outlet")}


def test_seeds_musks_answer_is_worded_three_ways_and_set_in_a_deposition_by_one_outlet(linked_seeds):
    wordings = [
        d
        for d in of_kind(Discrepancy.Kind.QUOTE_WORDING)
        if d.claim.speaker and d.claim.speaker.name == "Elon Musk"
    ]
    assert any(
        {"general practice", "standard practice", "standard industry procedure"}
        <= {w.strip("'\" ") for w in words(d)}
        for d in wordings
    )
    (setting,) = of_kind(Discrepancy.Kind.SETTING)
    by_outlet = {v["outlet"]: v for v in setting.variants}
    assert by_outlet["Related Tools"]["words"] == "deposition"
    assert by_outlet["Aivizor"]["words"] == "on the stand"
    extent = {(v["outlet"], v["value"]) for d in of_kind(Discrepancy.Kind.EXTENT) for v in d.variants}
    assert {("Aivizor", "partial"), ("Ichiban Tools", "full")} <= extent
    before = {d.pk: d.variants for d in Discrepancy.objects.all()}
    from tracker.crossref.linking import link_article

    link_article(linked_seeds["FrontierNews.ai"])
    assert {d.pk: d.variants for d in Discrepancy.objects.all()} == before


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Musk seeks $134 billion in damages.", [("money", 134e9, "damages")]),
        ("It is valued at approximately $850 billion.", [("money", 850e9, "value")]),
        (
            "A jury of nine reached the verdict with 12 alternates.",
            [("count", 9, "jury"), ("count", 12, "alternates")],
        ),
        (
            "He was sentenced to five years; a two-year sentence.",
            [("duration", 1825, "sentenced"), ("duration", 730, "sentence")],
        ),
        ("Only a few hundred employees, GPT-4, case 4:24-cv-04722, in 2026, three years ago.", []),
        (
            "It sent 2 million queries, 1.5 billion tokens; 2 million to Roe.",
            [("count", 2e6, "queries"), ("count", 1.5e9, "tokens")],
        ),
        (
            "It put the spending at about $58 million. Its damages expert disagreed.",
            [("money", 58e6, "cost")],
        ),
    ],
)
def test_amounts_with_the_noun_they_quantify(text, found):
    from tracker.nlp.amounts import find_amounts

    assert [(a.kind, a.value, a.noun) for a in find_amounts(text)] == found


def _pairs(a, b, alone: dict) -> bool:
    """The plain definition of two quotes of one statement (`wording._same` and the caller's check): one
    content word shared pairs only quotes worded alike but in one place (`quote_versions.one_place`)."""
    from tracker.crossref.discrepancies.quote_versions import one_place

    shared = len(a.words & b.words)
    only = alone[(a.claim.pk, a.article.pk)] == 1 == alone[(b.claim.pk, b.article.pk)]
    return a.article.pk != b.article.pk and (
        a.norm in b.norm
        or b.norm in a.norm
        or (shared > 1 and shared >= 0.5 * min(len(a.words), len(b.words)))
        or (shared == 1 and min(len(a.words), len(b.words)) <= 2 and one_place(a.norm, b.norm))
        or (a.claim.pk == b.claim.pk and only)
    )


def test_quotes_group_into_the_connected_statements_of_every_pair():
    """`wording._statements` against the plain definition: a quote pairs with one of another article
    when one wording holds the other, when they share half the content words of the shorter (one word:
    worded alike but in one place), or when both are their article's only quote of one claim;
    statements are the pairs' connected groups, in
    the quotes' order (invented wordings, drawn at random)."""
    import random

    from tracker.crossref.discrepancies import wording
    from tracker.crossref.words import content_words, normalise_quote

    vocabulary = "the harvest came early barn roof leaked twice every winter goats refused hay".split()
    draw = random.Random(7)
    for _ in range(40):
        quotes = []
        for _ in range(draw.randint(2, 14)):
            text = " ".join(draw.sample(vocabulary, draw.randint(1, 5)))
            quotes.append(
                wording._Quote(
                    Claim(pk=draw.randint(1, 3)), Article(pk=draw.randint(1, 4)), {"text": text},
                    normalise_quote(text), content_words(text),
                )
            )  # fmt: skip
        alone: dict = {}
        for q in quotes:
            alone[(q.claim.pk, q.article.pk)] = alone.get((q.claim.pk, q.article.pk), 0) + 1
        group = [{i} for i in range(len(quotes))]
        for i in range(len(quotes)):
            for j in range(len(quotes)):
                if _pairs(quotes[i], quotes[j], alone) and group[i] is not group[j]:
                    merged = group[i] | group[j]
                    for k in merged:
                        group[k] = merged
        expected = [
            [quotes[k] for k in sorted(group[i])]
            for i in range(len(quotes))
            if len(group[i]) > 1 and min(group[i]) == i
        ]
        assert wording._statements(quotes) == expected
