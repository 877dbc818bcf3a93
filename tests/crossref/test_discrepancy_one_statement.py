"""A row shown to readers compares one statement or one fact (issue 16, precision), on invented text: two
quotes sharing one word are two remarks unless worded alike but in one place (discrepancies/
quote_versions.py), an article whose setting cues disagree sets a testimony only by its evidence's
paragraph (testimony_settings.py), and an increment ("two more hours") is no total (figure_values.py)."""

import pytest

from tests.crossref.test_discrepancies import T0, article, claim, evidence, of_kind, words
from tests.factories import StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies
from tracker.crossref.discrepancies.quote_versions import one_place
from tracker.crossref.models import Discrepancy
from tracker.crossref.words import normalise_quote

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(title="Roe v. Acme", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])


@pytest.fixture
def musk():
    return Entity.objects.get(name="Elon Musk")


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("That was the whole idea.", "That was the entire idea.", True),  # a word for a word
        ("We will appeal.", "We are likely to appeal", True),  # a hedge for a word
        ("a case about jealousy", "This is a case about envy.", True),  # a fragment, one word changed
        ("standard practice", "standard industry procedure", True),  # a word for two
        ("that was the idea", "that was the whole idea", True),  # the same span, a word added
        ("But everyone knew what the server was for.", "That does not change what was on the server.", False),
        ("the Pelican shortcut", "I never told anyone to copy Pelican", False),  # a name and a statement
        ("ship the shortcut", "the Pelican shortcut", False),  # a word added inside, another run on
        ("that is not my job", "my job is to find out who knocked", False),  # overlapping ends only
    ],
)
def test_quotes_sharing_one_word_are_one_quote_only_if_worded_alike_but_in_one_place(a, b, one):
    """Seen failing with the one place allowed to hold any number of content words (the name against
    the statement), with a word added inside allowed beside a longer stretch at an end ("ship the
    shortcut"), and with no longer stretch allowed at an end (the fragment, the appeal)."""
    assert one_place(normalise_quote(a), normalise_quote(b)) is one
    assert one_place(normalise_quote(b), normalise_quote(a)) is one


def test_two_remarks_sharing_a_word_are_no_quote_wording_row(story, musk):
    """Musk's two remarks (direct examination, cross) share one content word: no row. Two versions of one
    remark in two other outlets still make one. Seen failing with `wording._same` pairing quotes that
    share one content word without `one_place`."""
    said = {
        "A": '"But everyone knew what the server was for," Musk said.',
        "B": '"That does not change what was on the server," Musk said.',
        "C": '"That was the whole idea," Musk said of the plan.',
        "D": '"That was the entire idea," Musk said of the plan.',
    }
    for n, (outlet, sentence) in enumerate(said.items()):
        quote = sentence.split('"')[1].rstrip(",")
        evidence(
            claim(story, musk, quote), article(story, outlet, sentence, hours=n), sentence, quotes=[quote]
        )
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.QUOTE_WORDING)
    assert words(row) == ["That was the whole idea", "That was the entire idea"]


STAND = "Musk said xAI used OpenAI models. He made the admission while on the stand in Oakland."
SAID = "Musk said xAI used OpenAI models."


def test_an_article_whose_cues_disagree_sets_no_testimony_elsewhere(story, musk):
    """A live blog whose deposition cue is the judge's instructions on someone's transcript, two
    paragraphs from the speaker's words (and its jury a trial cue): it says nothing of where Musk spoke.
    Seen failing with an article's strongest cue read anywhere in it (`_setting` before this rule)."""
    blog = f"9:02 The judge reads the jury its instructions on the deposition transcript.\n\n9:31 {SAID}"
    a1, a2 = article(story, "Stand", STAND), article(story, "Blog", blog, hours=1)
    used = claim(story, musk, "xAI used OpenAI models")
    evidence(used, a1, SAID)
    evidence(used, a2, SAID)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.SETTING)


def test_the_cue_of_the_evidences_paragraph_sets_it(story, musk):
    """Cues of two settings, the deposition's in the paragraph of Musk's words: the deposition, against
    the stand. Seen failing with an article of disagreeing cues given no setting at all."""
    text = f"In a deposition last year, {SAID[0].lower()}{SAID[1:]}\n\nThe jury will hear it next week."
    said = f"{SAID[0].lower()}{SAID[1:]}"
    a1, a2 = article(story, "Stand", STAND), article(story, "Depo", text, hours=1)
    used = claim(story, musk, "xAI used OpenAI models")
    evidence(used, a1, SAID)
    evidence(used, a2, said)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.SETTING)
    assert [(v["outlet"], v["words"], v["value"]) for v in row.variants] == [
        ("Stand", "on the stand", "trial"),
        ("Depo", "deposition", "deposition"),
    ]


def test_an_increment_is_no_total(story):
    """ "Two more hours" on a second day is what was added, not how long in all: against another outlet's
    "three hours", no row; two totals still disagree. Seen failing with `figure_values.added` false."""
    article(story, "First", "Roe's lawyer spent two more hours on the emails on Thursday.")
    article(
        story, "Second", "Roe spent three hours on the stand answering questions about the emails.", hours=1
    )
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.NUMBER)
    article(
        story, "Third", "Roe spent four hours on the stand answering questions about the emails.", hours=2
    )
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert {v["words"] for v in row.variants} == {"three hours", "four hours"}
