"""One statement reported with another figure or date, or one phrase of its quote replaced, is one claim
(tracker/crossref/claim_slots.py, claim_restating `_rephrased`): the figure or the words are the
disagreement a row shows. And what must stay apart: figures of different things ("3 counts", "5
witnesses"), a figure at the edge of the words shared, a negation put in, a phrase replaced with too
little kept. Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.crossref.test_claim_linking import article, say
from tests.crossref.test_speaker_kin import every_order, story  # noqa: F401 - the fixture
from tracker.crossref.claim_restating import quoted, said_keys
from tracker.crossref.claim_slots import keys, slotted
from tracker.crossref.words import MIN_SIMILARITY, content_words, similarity

DB = pytest.mark.django_db
OPENED = "Brantor opened 41,000 accounts with made-up names and prepaid cards to evade the usage limits"
OPENED_AGAIN = (
    "Brantor opened 14,000 accounts under false names over five months to harvest the chatbot's answers "
    "for a rival model"
)


def _said(*quotes: str, text: str = "") -> set[str]:
    return said_keys([{"text": q} for q in quotes], text)


def test_the_same_words_around_another_figure_or_date_are_one_statement():
    """Seen failing with no slot keys (`said_keys` without `claim_slots.keys`)."""
    assert quoted(_said(text=OPENED_AGAIN), _said(text=OPENED), False)
    assert quoted(
        _said("matched 87 percent of the canary prompts"), _said("matched 78 percent of them"), False
    )
    stopped = "Brantor stopped training on February 3, 2026, weeks before launch"
    assert quoted(_said(text=stopped.replace("February 3", "April 30")), _said(text=stopped), False)


def test_figures_of_different_things_or_a_figure_at_the_edge_are_not():
    """ "3 counts" is not "5 witnesses"; the words shared must be on both sides of the figure. Seen
    failing with the slot allowed at a run's last word."""
    assert not keys("the jury weighed 3 counts of fraud") & keys("the jury weighed 5 witnesses of fraud")
    assert not keys("Brantor's engineers deleted 3 training logs") & keys(
        "Brantor's engineers deleted 5 users"
    )
    assert not keys("the start-up to pay $48.5 million")  # "pay", "million": one distinctive word


def test_a_quote_with_one_phrase_replaced_is_the_same_statement():
    """ "dressed up" for "disguised", either way round. Seen failing without `_rephrased`."""
    dressed, disguised = (
        "a contract case dressed up as a copyright case",
        "a contract case disguised as a copyright case",
    )
    assert quoted(_said(dressed), _said(disguised), False) and quoted(_said(disguised), _said(dressed), False)


def test_a_negation_put_in_or_too_little_kept_is_not():
    """Seen failing with `_found`'s test of negations and shared words off ("appeal" / "not appeal"),
    and with the words kept not counted (MIN_CONTENT 0)."""
    assert not quoted(
        _said("Brantor will appeal every ruling"), _said("Brantor will not appeal every ruling"), False
    )
    assert not quoted(_said("just make more accounts"), _said("just spin up more accounts"), False)


@DB
def test_two_outlets_reporting_one_statement_with_other_figures_make_one_claim(story):  # noqa: F811
    """Their content words alone are under joining's threshold. Seen failing with no slot keys (two
    claims), in both orders."""
    assert similarity(content_words(OPENED), content_words(OPENED_AGAIN)) < MIN_SIMILARITY
    first = article("Pine Wire", story, hours=0)
    say(first, OPENED, speaker="Lena Marsh")
    second = article("Bench Ledger", story, hours=1)
    say(second, OPENED_AGAIN, speaker="Lena Marsh")
    for groups, _ in every_order([first, second]):
        assert groups == {frozenset({first.pk, second.pk})}


@DB
def test_two_statements_with_figures_of_different_things_stay_apart(story):  # noqa: F811
    """Seen failing with the slot allowed at a run's last word (one claim: "engineers deleted #")."""
    first = article("Pine Wire", story, hours=0)
    say(
        first,
        "Brantor's engineers deleted 3 training logs last spring before the regulators asked",
        speaker="Lena Marsh",
    )
    second = article("Bench Ledger", story, hours=1)
    say(
        second,
        "Brantor's engineers deleted 5 customer accounts in the week the auditors came",
        speaker="Lena Marsh",
    )
    for groups, _ in every_order([first, second]):
        assert groups == {frozenset({first.pk}), frozenset({second.pk})}


def test_the_same_words_before_another_date_that_ends_them_are_one_statement():
    """A date closes what is said about it: nothing follows "by March 4". Seen failing with the date's
    key off (`keys` without its loop over dates)."""
    asked = "Brantor asked the appeals court to rule by March 4"
    assert quoted(_said(text=asked.replace("March 4", "March 14")), _said(text=asked), False)
    assert quoted(_said(text=asked + ", or it would close"), _said(text=asked.replace("4", "24")), False)


def test_a_figure_or_a_short_frame_before_a_date_is_not():
    """A figure ending the words is no date (the noun it counts is after it); the five words before a
    date hold two distinctive words ("the court to rule by": "rule" is three letters stemmed). Seen
    failing with a number's slot taken for a date, and with one distinctive word enough."""
    assert not keys("Brantor asked the appeals court to rule by 4") & keys(
        "Brantor asked the appeals court to rule by 14"
    )
    assert not keys("she asked the court to rule by March 4") & keys(
        "she asked the court to rule by March 14"
    )


def test_the_words_that_begin_the_text_and_run_to_a_date_are_one_statement():
    """ "he resigned on June 5" / "June 15": the whole clause before the date, one distinctive word.
    Seen failing with the start keys off (`START_WORDS <= i` -> `START_WORDS < 0`)."""
    assert quoted(
        _said(text="he resigned on June 5, 2026, and that he wiped the drive"),
        _said(text="he resigned on June 15, 2026, and that the files were his notes"),
        False,
    )
    assert not keys("it was on June 5, 2026") & keys("it was on June 15, 2026")  # no distinctive word
    assert not keys("Brantor said he resigned on June 5") & keys("he resigned on June 15")  # not its start


def test_may_before_a_year_or_a_day_is_a_month_and_the_modal_is_not():
    """Seen failing with "may" never a month (the slot keys of "stopped in May 2025" none)."""
    assert slotted("the program stopped in May 2025") == ["the", "program", "stopped", "in", "#"]
    assert keys("the program stopped in May 2025") & keys("the program stopped in June 2025")
    assert slotted("the court may rule on it") == "the court may rule on it".split()
