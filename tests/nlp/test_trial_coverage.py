"""Trial coverage as readers see it (bench/trial_coverage.py): on 130 invented passages of trial
reporting (tests/nlp/fixtures/trial_coverage.jsonl, expectations written before the extraction ran on
them), nothing wrong is published at the publishing tier and the right published claims stay at
least what they were when the rules for trial verbs landed."""

from __future__ import annotations

import pytest

from bench import trial_coverage

RIGHT_FLOOR = 45  # right claims published at tier >= 2 (measured: 47 of the 79 to publish)
WRONG_LEFT: dict[str, str] = {}  # passage id -> why a wrong published claim is left there (none)


@pytest.fixture(scope="module")
def tally():
    passages = trial_coverage.load()
    return trial_coverage.tally(passages, trial_coverage.extract_all(passages))


def test_nothing_wrong_is_published(tally):
    wrong = {v.passage: f"{v.claim.speaker}: {v.claim.text} ({v.why})" for v in tally.wrong}
    assert set(wrong) <= set(WRONG_LEFT), wrong


def test_the_right_claims_stay_published(tally):
    assert len(tally.right) >= RIGHT_FLOOR


def test_the_judging_reads_speaker_and_words():
    passage = {"claims": [{"speaker": "Roe", "content": "the plan failed badly", "publish": True}]}
    from tracker.nlp.types import Claim

    def claim(speaker: str, text: str) -> Claim:
        return Claim(speaker, "say", "indirect", "statement", text, text, 0, len(text), 0, len(text))

    assert trial_coverage.judge(passage, claim("Jane Roe", "the plan failed badly")) == (True, "right")
    assert trial_coverage.judge(passage, claim("John Doe", "the plan failed badly"))[1] == "wrong speaker"
    assert trial_coverage.judge(passage, claim("Jane Roe", "the weather was fine"))[0] is False
