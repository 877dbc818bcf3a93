"""Two figures one outlet states itself (tracker/crossref/discrepancies/figure_values.py `varies`), on invented
sentences: an outlet that gives each side's cost, in one article or two, reports two things, and the
other outlets giving one of them do not disagree with it."""

import pytest

from tests.crossref.test_discrepancies import T0, article, of_kind
from tests.factories import StoryFactory
from tracker.cases.models import Case
from tracker.crossref import discrepancies
from tracker.crossref.models import Discrepancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryFactory(title="Roe v. Acme", first_seen_at=T0, cases=[Case.objects.get(slug="musk-v-openai")])


def test_an_outlet_stating_both_figures_is_not_a_disagreement(story):
    article(story, "First", "Its lawyer said the rival's data cost Acme $61 million to produce.")
    article(story, "First", "Roe spent $310 million building its Acme model, its chief said.", hours=1)
    article(story, "Second", "The chief said Roe spent $310 million building the Acme model.", hours=2)
    discrepancies.detect(story)
    assert not of_kind(Discrepancy.Kind.NUMBER)


def test_outlets_giving_only_their_own_figure_still_disagree(story):
    article(story, "First", "Its lawyer said the rival's data cost Acme $61 million to produce.")
    article(story, "First", "Roe spent $310 million building its Acme model, its chief said.", hours=1)
    article(story, "Second", "The chief said Roe spent $310 million building the Acme model.", hours=2)
    article(story, "Third", "The chief said Roe spent $350 million building the Acme model.", hours=3)
    discrepancies.detect(story)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert {(v["outlet"], v["value"]) for v in row.variants} >= {("Second", 310e6), ("Third", 350e6)}
