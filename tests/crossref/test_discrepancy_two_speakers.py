"""A row compares one statement, even where the clusterer put two events in one story (issue 16, session
33, precision): two people's figures whose contexts share words are two statements (figures.py,
`figure_values.by_speaker`), and a headline or lead states a claim unhedged only in an article whose
evidence of it says the claim (statements.py), not one where another statement was joined to it."""

import pytest

from tests.crossref.test_discrepancies import T0, article, evidence, of_kind, words
from tests.factories import ClaimFactory, StoryFactory
from tracker.cases.models import Case
from tracker.crossref import discrepancies
from tracker.crossref.discrepancies.figure_values import by_speaker, person
from tracker.crossref.models import Discrepancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(title="Roe v. Acme", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])


def said_by(story, speaker: str, text: str):
    return ClaimFactory(
        story=story, speaker=None, speaker_text=speaker, kind="testimony", text=text, first_seen_at=T0
    )


def test_two_peoples_figures_are_two_statements(story):
    """A lawyer's $41 / $47 million spent training his client's chatbot, and the other side's chief
    executive's $310 million spent building hers, all "told jurors ... spent": one row, of the lawyer's
    two figures. Seen failing with `by_speaker` keeping every component whole (the $310 million a variant)."""
    lines = {
        "Alpha": "Daniel Brooks told jurors the company spent $41 million training its chatbot.",
        "Beta": "Daniel Brooks told jurors the company spent $47 million training its chatbot.",
        "Gamma": "Maria Lopez told jurors her company spent $310 million building its model.",
    }
    brooks = said_by(story, "Daniel Brooks", "the company spent $41 million training its chatbot")
    lopez = said_by(story, "Maria Lopez", "her company spent $310 million building its model")
    for n, (outlet, line) in enumerate(lines.items()):
        evidence(lopez if outlet == "Gamma" else brooks, article(story, outlet, line, hours=n), line)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert words(row) == ["$41 million", "$47 million"]


@pytest.mark.parametrize(
    ("names", "groups"),
    [
        (["Maria Lopez", "Lopez", ""], [[0, 1, 2]]),  # one person, or nobody known: one group
        (["The complaint", "Maria Lopez", "Acme Systems"], [[0, 1, 2]]),  # a party, its filing: no person
        (["Maria Lopez", "Daniel Brooks", "", "Maria Lopez"], [[0, 3], [1], [2]]),
    ],
)
def test_only_people_named_with_a_first_name_split_a_figure(names, groups):
    """A party may state a figure through its lawyer or its complaint: only two people told apart by a
    first name split it. Seen failing with `person` reading every speaker's words (the complaint apart)."""
    assert by_speaker([person(n) for n in names]) == groups


LEAD = "Jurors began deliberating whether the rival's model was trained on stolen answers."


def test_a_lead_states_a_claim_only_where_the_articles_evidence_says_it(story):
    """The CEO's hedged "probably trained" and a recap whose lead says it unhedged: the recap's evidence
    of her claim is another statement of hers, so no row; an article whose evidence is the claim, with
    that lead, makes one. Seen failing with `statements._reporting` every article of the claim's evidence."""
    hedged = "Maria Lopez said the rival's model was probably trained on her answers."
    claim = said_by(story, "Maria Lopez", "the rival's model was trained on her answers")
    evidence(claim, article(story, "Daily", hedged), hedged, hedges=["probably"])
    other = "Lopez testified about refusal fingerprints."
    evidence(claim, article(story, "Recap", f"{LEAD}\n\n{other}", hours=1), other)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    plain = "She said the rival's model was trained on her answers."
    evidence(claim, article(story, "Wire", f"{LEAD}\n\n{plain}", hours=2), plain)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.HEDGE_DROPPED)
    assert [v["outlet"] for v in row.variants] == ["Daily", "Wire"]
