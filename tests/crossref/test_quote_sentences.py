"""A sentence one outlet quotes whole against another's longer wording of it (tracker/crossref/
discrepancies/wording.py, `_whole`): "You heard it from Jane Roe," against "You heard it from Jane Roe
herself," is one sentence worded twice, not a part of a longer quote. Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.crossref.test_discrepancies import T0, article, musk, of_kind, story, words  # noqa: F401 - fixtures
from tests.factories import ClaimFactory, EvidenceFactory
from tracker.crossref import discrepancies
from tracker.crossref.models import Discrepancy
from tracker.nlp.quotes import find_quotes

pytestmark = pytest.mark.django_db

WHOLE = 'Roe was the last witness. "You do not need an expert. You heard it from Jane Roe," Musk said.'
LONGER = '"You do not need an expert. You heard it from Jane Roe herself," the lawyer told the jury.'


def quoted(claim, row, sentence: str) -> None:
    """Evidence of the claim in the article: the sentence's quotes as the extraction stores them (with
    the text either side)."""
    found = [{"text": q.text, "start": q.start, "end": q.end, "prefix": q.prefix, "suffix": q.suffix}
             for q in find_quotes(row.text) if row.text.index(sentence) <= q.start]  # fmt: skip
    EvidenceFactory(claim=claim, article=row, sentence=sentence, attribution="direct", quotes=found)


def detect(story, musk, first: str, second: str) -> list[Discrepancy]:  # noqa: F811 - fixtures passed on
    claim = ClaimFactory(story=story, speaker=musk, kind="statement", text="you heard it", first_seen_at=T0)
    quoted(claim, article(story, "Pine Wire", first), first)
    quoted(claim, article(story, "Range Herald", second, hours=1), second)
    discrepancies.detect(story)
    return of_kind(Discrepancy.Kind.QUOTE_WORDING)


def test_a_sentence_quoted_whole_against_a_longer_wording_of_it(story, musk):  # noqa: F811
    """Seen failing with every sub-quote agreeing (`_agrees` true whenever one quote holds the other)."""
    (row,) = detect(story, musk, WHOLE, LONGER)
    assert words(row) == [
        "You do not need an expert. You heard it from Jane Roe,",
        "You do not need an expert. You heard it from Jane Roe herself,",
    ]


@pytest.mark.parametrize(
    "first",
    [
        'Roe testified first. "You do not need an expert," Musk said.',  # whole sentences of the longer
        'Musk said the jury "heard it from Jane Roe," and sat down.',  # a part of a sentence, in another's
        '"You do not need an expert. You heard it from Jane Roe," Musk said, "and from her notes."',  # goes on
    ],
)
def test_a_part_of_the_longer_quote_agrees(story, musk, first):  # noqa: F811
    """Whole sentences the longer quote holds, a phrase set inside the outlet's own sentence, a quote the
    attribution interrupts: parts, no row. Seen failing (a row) with `_whole` true of every quote that
    ends with a comma or a sentence's mark, and with `_sentence_runs` left out of `_agrees`."""
    assert detect(story, musk, first, LONGER) == []
