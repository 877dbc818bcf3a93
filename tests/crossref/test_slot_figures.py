"""A figure two outlets state differently inside one claim's words, at the words they share (a slot key,
`claim_slots`), where `nlp.amounts` reads no amount: a NUMBER row on the claim (crossref/discrepancies/
slot_figures.py). Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.crossref.test_claim_linking import article, say
from tests.crossref.test_speaker_kin import story  # noqa: F401 - the fixture
from tracker.crossref import claim_linking, discrepancies
from tracker.crossref.models import Claim, Discrepancy
from tracker.nlp.amounts import find_amounts

pytestmark = pytest.mark.django_db

MATCHED = "the Orsk model matched {} of the marker prompts it was given during the audit"
REPRODUCED = "the Orsk model reproduced {} of 40 hidden marker phrases planted in the Tamble model"


def _rows(story, first: str, second: str) -> list[Discrepancy]:  # noqa: F811
    one = article("Pine Wire", story, hours=0)
    say(one, first, speaker="Maren Hollis")
    two = article("Bench Ledger", story, hours=1)
    say(two, second, speaker="Maren Hollis")
    for row in (one, two):
        claim_linking.link_claims(row)
    assert Claim.objects.count() == 1  # one statement, one claim
    discrepancies.detect(story)
    return list(Discrepancy.objects.filter(kind=Discrepancy.Kind.NUMBER))


@pytest.mark.parametrize(
    ("pattern", "a", "b"), [(MATCHED, "87 percent", "78 percent"), (REPRODUCED, "31", "34")]
)
def test_a_figure_stated_differently_at_the_shared_words_is_shown_once(story, pattern, a, b):  # noqa: F811
    """Seen failing with the rule left out of `discrepancies.RULES` (no row), and with the run not
    widened past the shared key (`_aligned`: no row; "of # hidden marker" holds 40 alike)."""
    rows = _rows(story, pattern.format(a), pattern.format(b))
    assert len(rows) == 1
    words = sorted(v["words"] for v in rows[0].variants)
    assert any(a in w for w in words) and any(b in w for w in words), words
    assert rows[0].claim_id == Claim.objects.get().pk


def test_the_same_figure_is_no_row(story):  # noqa: F811
    assert not _rows(story, MATCHED.format("87 percent"), MATCHED.format("87 percent"))


def test_a_date_in_the_shared_words_is_no_row(story):  # noqa: F811
    """Seen failing with `_dated` returning False (the days of "March 12" / "March 21", in the run
    widened from "matched # percent of", compared)."""
    dated = "on March {} the Orsk model matched 87 percent of the marker prompts it was given"
    assert not _rows(story, dated.format("12"), dated.format("21"))


def test_the_row_shows_the_contents_words_not_the_speakers(story):  # noqa: F811
    """Seen failing with the run read in the sentence (the variant starts at "Maren Hollis said")."""
    rows = _rows(story, MATCHED.format("87 percent"), MATCHED.format("78 percent"))
    assert all(v["words"].startswith("the Orsk model matched") for v in rows[0].variants)


def test_a_figure_amounts_reads_is_left_to_numbers_differ(story):  # noqa: F811
    """`figures.numbers_differ` compares it: one row, not two. Seen failing with `_amount` always False
    (two NUMBER rows)."""
    pattern = "the jury should award {} in damages to the Tamble company for the copied model"
    assert find_amounts(pattern.format("$41 million"))
    rows = _rows(story, pattern.format("$41 million"), pattern.format("$14 million"))
    assert len(rows) <= 1
    assert not any(":slot:" in row.key for row in rows)


def test_evidence_read_in_an_earlier_text_is_left_out(story):  # noqa: F811
    """The second outlet's article now says something else where its evidence was read: its words there
    are no figure of the claim. Seen failing with the sentence check removed (a row whose second variant
    is whatever the new text holds at the old offsets)."""
    rows = _rows(story, MATCHED.format("87 percent"), MATCHED.format("78 percent"))
    assert len(rows) == 1
    Discrepancy.objects.all().delete()
    edited = Claim.objects.get().evidence.get(article__outlet__name="Bench Ledger").article
    edited.text = "The hearing was adjourned until the auditors file their report. " * 4
    edited.save(update_fields=["text"])
    discrepancies.detect(story)
    assert not Discrepancy.objects.filter(key__contains=":slot:").exists()
