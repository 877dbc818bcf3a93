"""Trial coverage on a fourth set written blind (tests/nlp/fixtures/trial_coverage_fourth.jsonl): 132
invented passages of coverage of Musk v. OpenAI and of the distillation controversy in many styles (wire,
live blogs with clock times, Q./A. and MR./THE COURT transcripts, podcast and interview labels, newsletter
bullets, press releases, posts on X, profiles, opinion, German and Spanish passages that expect no claim,
headlines, bylines, credits and a code snippet run into the text), written by someone who had read neither
the rules, the code nor the earlier sets, and committed before the extraction ran on it (47a8d18).

First measurement (bench/trial_coverage.py --passages ..., rules of 6df3cd5 and eb3dee9, the same), of
the 121 claims a reader would sign: 71 published, 67 right, 4 wrong; 20 right waiting at tier 1; 31 missed.
Its recall (waiting, missed) is not tuned on; its wrong published claims may only go down, and a rule
written for one of them names the passage in its commit (it is then no longer unseen for that rule).
f061 (a pronoun after two men named, "Musk and Altman ... Later, he told reporters") waits since
antecedents.paired (session 22), f111 (“I'll leave that to the jury”) is a no-comment since the
no-comment rule's contents read a question left to others, and f047's quote resumed after a description of
its speaker ("said Goldfarb, a partner at ... who ..., “...”") is joined to its first half
(introductions.description_end): 69 published, 68 right, 1 wrong; 71 / 70 / 1 once the bench read the
seeded vocabulary in full (Anthropic); 80 / 79 / 1 after ht22's transcript and colon rules (written from
f005, f013, f051, f078, f080, f093, f101, f118: no longer unseen for those);
81 / 80 / 1 once a "she" after a sentence of "she" stands for the name before it (chained_pronouns,
written from f103)."""

from __future__ import annotations

from tests.support.trial_sets import FIXTURES, TrialSet


class TestFourthSet(TrialSet):
    PASSAGES = FIXTURES / "trial_coverage_fourth.jsonl"
    RIGHT_FLOOR = 85  # right claims published at tier >= 2 (measured: 67 when landed, 85 at hf24, 86 with the seeded participants)
    WRONG_LEFT = {  # passage id -> the wrong published claim measured when the set landed
        "f069": "the terms of use's words, read by the outlet, published as OpenAI's quote",
    }
