"""A hedge one outlet quotes and another outlet's quote of the same words leaves out
(discrepancies/quoted_hedges.py), on invented rows: found where no headline or lead says the claim."""

import pytest

from tests.crossref.test_discrepancies import article, claim, evidence, of_kind
from tests.factories import EvidenceFactory, StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies
from tracker.crossref.discrepancies.quoted_hedges import _dropped
from tracker.crossref.models import Discrepancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(title="Musk on the motion", cases=[Case.objects.get(slug="musk-v-openai")])


@pytest.fixture
def musk():
    return Entity.objects.get(name="Elon Musk")


HEDGED = '"We will probably refile the motion," Musk told reporters on Friday.'


def turn(claim_row, article_row, words: str):
    """A Q&A turn: the speaker's words, direct, with no quotation marks."""
    start = article_row.text.index(words)
    return EvidenceFactory(
        claim=claim_row, article=article_row, sentence=words, text=words, start=start,
        end=start + len(words), attribution="direct",
    )  # fmt: skip


def test_a_quoted_hedge_against_a_qa_answer_without_it(story, musk):
    said = article(story, "Careful", HEDGED, title="Musk on the motion")
    answer = "Musk: We will refile the motion. Nobody reads the rule that way."
    qa = article(story, "Talk", f"Q: Will you refile?\n{answer}", title="An interview", hours=1)
    refile = claim(story, musk, "We will probably refile the motion")
    evidence(refile, said, HEDGED, quotes=["We will probably refile the motion,"], hedges=["probably"])
    turn(refile, qa, answer[len("Musk: ") :])

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    assert row.claim == refile and row.key == f"hedge_dropped:claim:{refile.pk}"
    assert [(v["outlet"], v["field"], v["words"]) for v in row.variants] == [
        ("Careful", "text", "probably"),
        ("Talk", "text", "We will refile the motion"),
    ]
    v = row.variants[1]
    assert qa.text[v["start"] : v["end"]] == "We will refile the motion"


def test_other_words_one_outlet_or_a_paraphrased_hedge_show_nothing(story, musk):
    said = article(story, "Careful", HEDGED)
    other = article(story, "Other", 'Musk said: "We will refile a new motion."', hours=1)
    same = article(story, "Careful", '"We will refile the motion," Musk said.', hours=2)
    # the hedge outside the marks: the outlet's words, not the quote's
    outside = article(story, "Loose", 'Musk said he would probably say "we will refile the motion".', hours=3)
    refile = claim(story, musk, "We will probably refile the motion")
    evidence(refile, said, HEDGED, quotes=["We will probably refile the motion,"], hedges=["probably"])
    evidence(refile, other, other.text, quotes=["We will refile a new motion."])
    evidence(refile, same, same.text, quotes=["We will refile the motion,"])
    evidence(refile, outside, outside.text, quotes=["we will refile the motion"], hedges=["probably"])

    discrepancies.detect(story)

    assert of_kind(Discrepancy.Kind.HEDGE_DROPPED) == []


@pytest.mark.parametrize(
    ("hedged", "bare", "dropped"),
    [
        ("We will almost certainly appeal,", "We will appeal. The judge erred.", "We will appeal"),
        ("I may have seen the logs in March", "seen the logs", None),  # a shorter quote after the hedge
        ("we will probably appeal the ruling soon", "will appeal the", "will appeal the"),
        ("Probably we will appeal", "We will appeal", None),  # at the edge: it may sit outside the marks
        ("will probably appeal", "we will appeal the fine", None),  # fewer than three words around it
        ("We will probably appeal", "We will not appeal", None),
    ],
)
def test_the_same_words_around_the_hedge(hedged, bare, dropped):
    found = _dropped(hedged, bare)
    assert [bare[a:b] for _, _, (a, b) in found] == ([dropped] if dropped else [])


def test_a_headline_and_a_quote_dropping_one_hedge_make_one_row(story, musk):
    said = article(story, "Careful", HEDGED, title="Musk on the motion")
    bare = '"We will refile the motion," Musk said.'
    loud = article(story, "Loud", bare, title="Musk Will Refile Motion Against OpenAI", hours=1)
    refile = claim(story, musk, "Musk will probably refile the motion against OpenAI")
    evidence(refile, said, HEDGED, quotes=["We will probably refile the motion,"], hedges=["probably"])
    evidence(refile, loud, bare, quotes=["We will refile the motion,"])

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    assert [(v["outlet"], v["field"], v["words"]) for v in row.variants] == [
        ("Careful", "text", "probably"),
        ("Loud", "text", "We will refile the motion"),
        ("Loud", "title", loud.title),
    ]


def test_the_same_quotes_of_many_outlets_are_compared_once(story, musk):
    """A much-reported claim pairs each hedged quote with each other quote (the pairs grow with the
    square of its reports), most of them the same words: each pair of wordings is compared once a
    process. Seen failing without `_dropped`'s cache (tried: a plain function)."""
    said = article(story, "Careful", HEDGED, title="Musk on the motion")
    refile = claim(story, musk, "We will probably refile the motion")
    evidence(refile, said, HEDGED, quotes=["We will probably refile the motion,"], hedges=["probably"])
    for n in range(4):
        bare = article(story, f"Plain {n}", '"We will refile the motion," Musk said.', hours=n + 1)
        evidence(refile, bare, bare.text, quotes=["We will refile the motion,"])
    _dropped.cache_clear()

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    assert len(row.variants) == 5 and _dropped.cache_info().misses == 1


def test_a_quote_whose_article_prints_no_break_spaces_is_still_found(story, musk):
    """The extraction gives a quote's words plain spaces (nlp/odd_spaces.py) where the stored text prints
    no-break ones ("refile\xa0the\xa0motion"): `_locate` still finds the words at their start, and the
    dropped hedge shows. Seen failing with `_locate` comparing the words as stored only."""
    said = article(story, "Careful", HEDGED, title="Musk on the motion")
    loud = article(story, "Loud", '"We will refile\xa0the\xa0motion," Musk said.', hours=1)
    refile = claim(story, musk, "We will probably refile the motion")
    evidence(refile, said, HEDGED, quotes=["We will probably refile the motion,"], hedges=["probably"])
    words = "We will refile the motion,"
    EvidenceFactory(
        claim=refile, article=loud, sentence=loud.text.replace("\xa0", " "), attribution="direct",
        quotes=[{"text": words, "start": 1, "end": 1 + len(words)}],
    )  # fmt: skip

    discrepancies.detect(story)

    (row,) = of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    assert [(v["outlet"], v["words"]) for v in row.variants] == [
        ("Careful", "probably"),
        ("Loud", "We will refile the motion"),
    ]
