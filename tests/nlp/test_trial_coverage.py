"""Trial coverage as readers see it (bench/trial_coverage.py): on 130 invented passages of trial
reporting (tests/nlp/fixtures/trial_coverage.jsonl, expectations written before the extraction ran on
them), nothing wrong is published at the publishing tier and the right published claims stay at
least what they were when the rules for trial verbs landed.

The same holds on the unseen set (tests/nlp/fixtures/trial_coverage_unseen.jsonl: 115 passages written
by someone who had read neither the rules nor the first set, expectations written before the extraction
ran): it measures what carries over, so no rule is tuned on its recall; its wrong published claims may
only go down."""

from __future__ import annotations

from bench import trial_coverage
from tests.support.trial_sets import FIXTURES, TrialSet


class TestFirstSet(TrialSet):
    PASSAGES = FIXTURES / "trial_coverage.jsonl"
    # right published at tier >= 2, of the 79 (measured: 47; 60 in session 20; 65 at b45808d; 67; 68 with
    # argued.py; 69 with answered:)
    RIGHT_FLOOR = 68
    WRONG_LEFT: dict[str, str] = {}  # none


class TestUnseenSet(TrialSet):
    PASSAGES = FIXTURES / "trial_coverage_unseen.jsonl"
    RIGHT_FLOOR = 71  # measured: 58 of the 101 when it landed, 63 after d3dee6c, 69 at hf24, 70 at hc25, 72 with argued.py
    WRONG_LEFT = {  # measured when the set landed: u038 and u091; u091 fixed by answers.py
        "u038": "a transcript's answer that means nothing without its question",
    }


def test_the_judging_reads_speaker_and_words():
    passage = {"claims": [{"speaker": "Roe", "content": "the plan failed badly", "publish": True}]}
    from tracker.nlp.types import Claim

    def claim(speaker: str, text: str) -> Claim:
        return Claim(speaker, "say", "indirect", "statement", text, text, 0, len(text), 0, len(text))

    assert trial_coverage.judge(passage, claim("Jane Roe", "the plan failed badly")) == (True, "right")
    assert trial_coverage.judge(passage, claim("John Doe", "the plan failed badly"))[1] == "wrong speaker"
    assert trial_coverage.judge(passage, claim("Jane Roe", "the weather was fine"))[0] is False


def test_missed_counts_the_expectations_no_claim_matched():
    from types import SimpleNamespace

    from tracker.nlp.types import Claim

    passage = {
        "id": "x1",
        "claims": [
            {"speaker": "Roe", "content": "the plan failed badly", "publish": True},
            {"speaker": "Doe", "content": "the budget was cut", "publish": True},
            {"speaker": "Doe", "content": "whether it was wise", "publish": False},
        ],
    }
    text = "the plan failed badly"
    found = Claim(
        "Jane Roe", "say", "indirect", "statement", text, text, 0, len(text), 0, len(text), confidence=1
    )
    result = trial_coverage.tally([passage], [SimpleNamespace(claims=[found])])
    assert (len(result.published), len(result.waiting), result.missed) == (0, 1, 1)


def test_a_claim_of_pieces_is_right_when_every_piece_is_and_finds_each():
    """“X,” Roe said. “Y.” “Z.” joined into one claim: right, and every expectation found, though its
    whole words match the short ones poorly; a piece no expectation has makes it wrong."""
    from dataclasses import replace
    from types import SimpleNamespace

    from tracker.nlp.types import Claim

    said = [
        "the plan failed badly today",
        "nobody saw it coming here",
        "we will rebuild it with the board next year, step by step",
    ]
    passage = {"id": "x2", "claims": [{"speaker": "Roe", "content": c, "publish": True} for c in said]}
    text = " … ".join(said)
    joined = Claim("Jane Roe", "say", "direct", "statement", text, text, 0, len(text), 0, len(text))
    ends = [text.index(c) for c in said]
    pieces = tuple((a, a + len(c)) for a, c in zip(ends, said, strict=True))
    joined = replace(joined, pieces=pieces, confidence=3)
    assert trial_coverage.judge(passage, joined) == (True, "right")
    assert trial_coverage.tally([passage], [SimpleNamespace(claims=[joined])]).missed == 0
    text = " … ".join([said[0], "a storm swept over our valley on Sunday and closed the schools", said[1]])
    assert trial_coverage.judge(passage, replace(joined, text=text, end=len(text)))[1] != "right"
