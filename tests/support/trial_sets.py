"""The two tests every set of invented trial coverage runs (bench/trial_coverage.py): nothing more is wrong
than the wrong published claims the set's module leaves (`WRONG_LEFT`: passage id -> why), and the right
published claims stay at least `RIGHT_FLOOR`. A set's module subclasses `TrialSet` (a class named Test...)
with its `PASSAGES`, and its docstring tells the set's history; the extraction runs once per set."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import trial_coverage

FIXTURES = trial_coverage.ROOT / "tests" / "nlp" / "fixtures"


class TrialSet:
    PASSAGES: Path  # a .jsonl of passages (bench/trial_coverage.py's schema)
    RIGHT_FLOOR: int  # right claims published at tier >= 2
    WRONG_LEFT: dict[str, str] = {}  # passage id -> why a wrong published claim is left there

    @pytest.fixture(scope="class")
    @classmethod
    def tally(cls) -> trial_coverage.Tally:
        return trial_coverage.measured(cls.PASSAGES)

    def test_nothing_more_is_wrong(self, tally):
        wrong = tally.wrong_by_passage()
        assert set(wrong) <= set(self.WRONG_LEFT), wrong

    def test_the_right_claims_stay_published(self, tally):
        assert len(tally.right) >= self.RIGHT_FLOOR
