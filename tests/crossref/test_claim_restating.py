"""One statement quoted in other words is one claim (tracker/crossref/claim_restating.py): a word replaced,
a hedge put in, a shared distinctive run; and a surname alone is the full name its article names when
the report quotes the claim (speaker_kin `_surnamed`). In every order of the articles. And what must stay
apart: another subject, an idiom of short words, a quote with a stopword changed, a surname whose report
only resembles the claim, a surname two people of the article share. Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.crossref.test_claim_linking import article, say
from tests.crossref.test_speaker_kin import every_order, story  # noqa: F401 - the fixture
from tracker.crossref.claim_restating import keys, quoted, said_keys, stance

DB = pytest.mark.django_db


def _said(*quotes: str) -> set[str]:
    return said_keys([{"text": q} for q in quotes])


def test_a_hedge_put_in_is_the_same_statement():
    """Seen failing with `quoted` comparing verbatim keys only."""
    will = _said("We will appeal. The jury never saw the logs.")
    assert quoted(_said("We are likely to appeal,"), will, False)
    assert quoted(_said("We are considering an appeal,"), will, False)
    assert quoted(will, _said("We are likely to appeal,"), False)  # either way round


def test_a_hedged_sentence_of_another_subject_or_without_a_stance_is_not():
    assert not quoted(_said("They will appeal."), _said("We are likely to appeal,"), False)
    assert keys([{"text": "We appeal the ruling."}]) == {"~=we:appeal rul"}  # no stance: a plain key
    assert not quoted(_said("We appeal the ruling."), _said("We appeal the rulings!"), False)  # plain both
    assert not keys([{"text": "Likely."}])  # under three words


def test_a_hedge_put_in_a_plain_statement_is_the_same_statement():
    """A hedge inside the quote ("I don't believe I ever ...") against the plain statement, either way
    round, the negation's "ever" aside; the future against the present. Seen failing without the plain
    keys (`_plain` empty). Short quotes: no shared run nor a word replaced meets them."""
    plain, hedged = _said("I never deleted logs,"), _said("I don't believe I ever deleted logs,")
    assert quoted(plain, hedged, False) and quoted(hedged, plain, False)
    assert quoted(_said("We will sue Brantor."), _said("We sue Brantor"), False)
    assert not quoted(_said("They never deleted logs,"), hedged, False)  # another subject


def test_a_negation_on_one_side_only_is_another_statement():
    """ "I deleted" is not "I don't believe I ever deleted", nor "We will not appeal" "We are likely to
    appeal". Seen failing with DENIED left out of the keys."""
    assert not quoted(_said("I deleted logs,"), _said("I don't believe I ever deleted logs,"), False)
    assert not quoted(_said("We will not appeal."), _said("We are likely to appeal,"), False)
    assert quoted(_said("We will not appeal."), _said("We are not likely to appeal,"), False)


def test_the_stance_phrases_are_the_hedge_lexicons_and_the_stance_datas():
    """`stance` reads both files: a hedge phrase of several words is taken out whole."""
    assert {("almost", "certainly"), ("i", "don", "t", "recall"), ("will",), ("considering",)} <= set(
        stance()
    )
    assert keys([{"text": "The logs almost certainly came from Brantor."}]) == {"~:brantor cam log"}


def test_a_weak_stance_key_needs_resembling_contents():
    """A fragment with no subject and one content word ("may well succeed"): only with contents that
    share words. Seen failing with every stance key counting alike."""
    likely, may = _said("is likely to succeed"), _said("may well succeed")
    assert not quoted(likely, may, False)
    assert quoted(likely, may, True)


def test_a_shared_run_of_distinctive_words_is_the_same_statement():
    """Seen failing without `_runs` (the shared run), and (the idiom) with DISTINCTIVE at 0."""
    context = _said("Her remarks were taken out of context from a long deposition,")
    assert quoted(_said("appear to have been taken out of context"), context, False)
    idiom = _said("At the end of the day the jury will see it")
    assert not quoted(_said("at the end of the day we won"), idiom, False)  # "end", "day": short


def test_a_quote_with_one_content_word_replaced_is_the_same_statement():
    """Seen failing without `_replaced`; a stopword replaced or too little kept is not."""
    long = _said("The chief executive went on the news and poisoned the jury pool with one word,")
    assert quoted(_said("tainted the jury pool"), long, False)
    assert quoted(long, _said("tainted the jury pool"), False)
    assert not quoted(_said("a lawsuit about jealousy"), _said("This is a lawsuit about envy,"), False)
    assert not quoted(_said("the jury pool was"), _said("a jury pool was chosen"), False)


@DB
@pytest.mark.parametrize("short_first", [True, False])
def test_two_outlets_quoting_one_statement_in_other_words_make_one_claim(story, short_first):  # noqa: F811
    """Seen failing with `claim_linking._match` matching by verbatim quotes only (two claims)."""
    will = article("Pine Wire", story, hours=0)
    say(will, '"We will appeal. The jury never saw a line of the training data."', speaker="Lena Marsh")
    likely = article("Bench Ledger", story, hours=1)
    say(likely, '"We are likely to appeal,"', speaker="Lena Marsh")
    for groups, _ in every_order([likely, will] if short_first else [will, likely]):
        assert groups == {frozenset({will.pk, likely.pk})}


@DB
def test_two_statements_of_one_speaker_sharing_an_idiom_stay_apart(story):  # noqa: F811
    """Seen failing with DISTINCTIVE at 0 (one claim: "end of the day" a shared run)."""
    first = article("Pine Wire", story, hours=0)
    say(
        first,
        '"At the end of the day the licence was breached by the nightly training job"',
        speaker="Lena Marsh",
    )
    second = article("Bench Ledger", story, hours=1)
    say(second, '"At the end of the day nobody was hurt by it"', speaker="Lena Marsh")
    for groups, _ in every_order([first, second]):
        assert groups == {frozenset({first.pk}), frozenset({second.pk})}


NAMED = "Idris Fenwycke, the founder of the start-up, took the stand."


@DB
def test_a_surname_quoting_the_full_names_claim_joins_it_and_the_claim_takes_the_name(story):  # noqa: F811
    """Seen failing without `_surnamed` (two claims: two speaker keys), in both orders."""
    full = article("Pine Wire", story, hours=0)
    say(full, '"Kitewing was partly distilled from Orrery, and I approved it,"', speaker="Idris Fenwycke")
    short = article("Bench Ledger", story, hours=1, text=NAMED)
    say(short, 'his assistant was "largely distilled from Orrery,"', speaker="Fenwycke")
    for groups, speakers in every_order([full, short]):
        assert groups == {frozenset({full.pk, short.pk})}
        assert speakers[short.pk] == "Idris Fenwycke"


@DB
def test_a_surname_whose_report_only_resembles_the_claim_stays_apart(story):  # noqa: F811
    """Content words alike are not enough for a surname (a judge's two rulings share them). Seen
    failing with `_surnamed` taken without the quote test."""
    full = article("Pine Wire", story, hours=0)
    say(full, "the licence ban on developing a competing model covered fine-tuning", speaker="Idris Fenwycke")
    short = article("Bench Ledger", story, hours=1, text=NAMED)
    say(short, "the licence ban on developing a competing model covered training", speaker="Fenwycke")
    for groups, _ in every_order([full, short]):
        assert groups == {frozenset({full.pk}), frozenset({short.pk})}


@DB
def test_a_surname_two_people_of_its_article_share_stays_apart(story):  # noqa: F811
    """Seen failing with `only_one` true of any article naming the full name."""
    full = article("Pine Wire", story, hours=0)
    say(full, '"Kitewing was partly distilled from Orrery, and I approved it,"', speaker="Idris Fenwycke")
    short = article("Bench Ledger", story, hours=1, text=f"{NAMED} His sister Maren Fenwycke watched.")
    say(short, 'his assistant was "largely distilled from Orrery,"', speaker="Fenwycke")
    for groups, _ in every_order([full, short]):
        assert groups == {frozenset({full.pk}), frozenset({short.pk})}
