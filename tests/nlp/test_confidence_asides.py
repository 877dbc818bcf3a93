"""The tier of a claim whose sentence sets off someone else's attribution between its speaker and its
words, or right after them (confidence.aside): "Roe cannot say that “...,” Doe added, saying ...",
"Roe said the levy “would fail,” the aide recalled". The words come through the other one's account,
or are theirs with the speaker a clause away: the claim waits for a curator. Its speaker and words
stay as they are; only the tier moves."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction

CONTEXT = "Paul Denning spoke to reporters in Ohio on Tuesday. "


def rated(text: str) -> dict[str, tuple[str, int, str]]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: (c.speaker, c.confidence, c.confidence_rule) for c in found.claims}


def test_a_participle_after_another_ones_aside_waits_for_a_curator():
    claims = rated(
        CONTEXT + "Mark Tolliver cannot say that “in his view,” Denning added, saying it should be "
        "“up to the board to decide.”"
    )
    assert claims["it should be “up to the board to decide.”"] == ("Mark Tolliver", 1, "aside")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mark Tolliver said Ann Roe “would have no chance to win,” the aide recalled, adding that the "
        "council agreed.",
        "Mark Tolliver told the council the levy “would never pass,” the clerk recalled.",
    ],
)
def test_words_followed_by_another_ones_aside_wait_for_a_curator(sentence):
    [(speaker, tier, rule)] = [v for k, v in rated(CONTEXT + sentence).items() if "“" in k]
    assert (speaker, tier, rule) == ("Mark Tolliver", 1, "aside")


@pytest.mark.parametrize(
    ("sentence", "words", "rule"),
    [
        (
            "Mark Tolliver said the levy “would never pass,” adding, “We will fight it.”",
            "We will fight it.",
            "quote-named",
        ),
        (
            "“The levy will fail,” Mark Tolliver said, adding that the council “has no plan.”",
            "the council “has no plan.”",
            "quote-named",
        ),
        (
            "Mark Tolliver said the levy, he added, “would never pass.”",
            "he added, “would never pass.”",
            "quote-named",
        ),
        (
            "Mark Tolliver said the levy “would never pass,” and Ann Roe said, “It will.”",
            "the levy “would never pass,”",
            "quote-named",
        ),
        (
            "Mark Tolliver said the levy may fail but added, “We will fight it,” Tolliver said.",
            "We will fight it,",
            "quote-named",
        ),
        (
            "Mark Tolliver said the levy “would never pass,” but “it will,” Ann Roe said.",
            "the levy “would never pass,”",
            "quote-named",
        ),
    ],
)
def test_the_speakers_own_attribution_or_anothers_report_beside_it_is_no_aside(sentence, words, rule):
    speaker, tier, got = rated(CONTEXT + sentence)[words]
    assert (speaker, got) == ("Mark Tolliver", rule)
    assert tier >= 2
