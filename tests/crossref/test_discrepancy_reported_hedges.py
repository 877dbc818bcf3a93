"""A hedge in what one outlet reports a speaker said, left out of another outlet's report of the same
words (discrepancies/quoted_hedges.py, session 31), on invented rows: reported speech, no quotation
marks and no headline saying the claim. The hedge must be in the reported content; the reporter's own
hedge around it (the frame) and an outlet's own characterisation show nothing."""

import pytest

from tests.crossref.test_discrepancies import article, claim, of_kind
from tests.factories import EvidenceFactory, StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies
from tracker.crossref.discrepancies.quoted_hedges import _dropped
from tracker.crossref.models import Discrepancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(title="The transfer trial", cases=[Case.objects.get(slug="musk-v-openai")])


@pytest.fixture
def musk():
    return Entity.objects.get(name="Elon Musk")


LEAD = "The trial went into its third week on Monday, with two witnesses called before lunch.\n\n"


def report(story, outlet: str, sentence: str, hours: int = 0):
    """An article whose lead is another sentence (no headline or lead states the claim: the
    headlines' rule, statements.hedges_dropped, finds nothing here)."""
    return article(story, outlet, LEAD + sentence, hours=hours)


def reported(claim_row, article_row, sentence: str, content: str, *, attribution="indirect", hedges=()):
    """An evidence whose content (what the reporting verb governs) is `content`, inside `sentence`."""
    start = article_row.text.index(sentence) + sentence.index(content)
    return EvidenceFactory(
        claim=claim_row, article=article_row, sentence=sentence, text=content, start=start,
        end=start + len(content), attribution=attribution, quotes=[], hedges=list(hedges),
    )  # fmt: skip


def shown() -> list[tuple[str, str]]:
    return [
        (v["outlet"], v["words"]) for row in of_kind(Discrepancy.Kind.HEDGE_DROPPED) for v in row.variants
    ]


def test_a_hedge_in_reported_words_against_a_report_going_on_to_the_same_words(story, musk):
    """The hedge is in the content the reporting verb governs; the other outlet's sentence reports the
    same words after a second verb of the same speaker, past the content its extraction read."""
    careful = "Asked how sure he was, Musk said the ledger showed the transfers were likely sent from the Reno office."
    wire = (
        "Musk told the court that his team traced the transfers through shared bank codes, and concluded "
        "the transfers were sent from the Reno office in March."
    )
    a, b = report(story, "Careful", careful), report(story, "Wire", wire, 1)
    sent = claim(story, musk, "the transfers were likely sent from the Reno office")
    reported(
        sent,
        a,
        careful,
        "the ledger showed the transfers were likely sent from the Reno office",
        hedges=["likely"],
    )
    reported(sent, b, wire, "the court that his team traced the transfers through shared bank codes")

    discrepancies.detect(story)

    assert shown() == [("Careful", "likely"), ("Wire", "the transfers were sent from the Reno office")]


def test_a_run_of_the_words_either_side_of_the_hedge_is_enough(story, musk):
    careful = "Musk testified that Farnsby probably knew about the transfers because the memo went to her."
    wire = "Musk testified that chief executive Ida Farnsby knew about the transfers, pointing to a memo."
    a, b = report(story, "Careful", careful), report(story, "Wire", wire, 1)
    knew = claim(story, musk, "Farnsby knew about the transfers")
    reported(
        knew,
        a,
        careful,
        "Farnsby probably knew about the transfers because the memo went to her",
        hedges=["probably"],
    )
    reported(knew, b, wire, "chief executive Ida Farnsby knew about the transfers")

    discrepancies.detect(story)

    assert shown() == [("Careful", "probably"), ("Wire", "Farnsby knew about the transfers")]


def test_a_word_of_certainty_in_the_hedges_place(story, musk):
    careful = "Musk said the company might ask the court to freeze the accounts, and a lawyer agreed."
    wire = "Musk said the company will ask the court to freeze the accounts at a later hearing."
    a, b = report(story, "Careful", careful), report(story, "Wire", wire, 1)
    ask = claim(story, musk, "the company will ask the court to freeze the accounts")
    reported(ask, a, careful, "the company might ask the court to freeze the accounts, and", hedges=["might"])
    reported(ask, b, wire, "the company will ask the court to freeze the accounts at a later hearing")

    discrepancies.detect(story)

    assert shown() == [
        ("Careful", "might"),
        ("Wire", "the company will ask the court to freeze the accounts"),
    ]


def test_the_reporters_own_hedge_around_the_words_shows_nothing(story, musk):
    """ "reportedly told" is the outlet's hedge, not the speaker's: outside the content it reports; an
    outlet's own characterisation is no report of what the speaker said."""
    frame = "Musk reportedly told investors the company would refile the motion next week."
    opinion = "The company would probably refile the motion next week, the column argued."
    plain = "Musk told investors the company would refile the motion next week, after the hearing."
    a, b = report(story, "Rumour", frame), report(story, "Column", opinion, 1)
    c = report(story, "Wire", plain, 2)
    refile = claim(story, musk, "the company would refile the motion next week")
    reported(refile, a, frame, "the company would refile the motion next week", hedges=["reportedly"])
    reported(
        refile, b, opinion, "The company would probably refile the motion next week",
        attribution="characterisation", hedges=["probably"],
    )  # fmt: skip
    reported(refile, c, plain, "the company would refile the motion next week, after the hearing")

    discrepancies.detect(story)

    assert shown() == []


@pytest.mark.parametrize(
    ("hedged", "bare", "dropped"),
    [
        (
            "Farnsby probably knew about the transfers because",
            "Ida Farnsby knew about the transfers, so",
            "Farnsby knew about the transfers",
        ),
        ("the firm might ask the court", "the firm will ask the court", "the firm will ask the court"),
        ("the firm might ask the court", "the firm cannot ask the court", None),  # no word of certainty
        ("so he probably knew about it", "and he knew about that", None),  # three words around it, not four
        ("Farnsby probably knew about the transfers", "Farnsby then knew about the transfers", None),
    ],
)
def test_the_words_either_side_of_the_hedge(hedged, bare, dropped):
    found = _dropped(hedged, bare)
    assert [bare[a:b] for _, _, (a, b) in found] == ([dropped] if dropped else [])
