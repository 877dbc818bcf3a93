"""Trial coverage on a third set written blind (tests/nlp/fixtures/trial_coverage_third.jsonl): 126
invented passages of coverage of Musk v. OpenAI, 36 of them 4-10 sentences long (several speakers,
pronouns two sentences back, quotes over two paragraphs, transcripts, live blogs, headlines run into
the text, filings, posts on X, no-comments, hedged reports), written by someone who had read neither
the rules nor the two earlier sets, and committed before the extraction ran on it (9988d42).

First measurement (bench/trial_coverage.py --passages ..., rules of 1b7d9e2), of the 164 claims a
reader would sign: 101 published, 94 right, 7 wrong; 19 right waiting at tier 1; 43 missed.
Its recall (waiting, missed) is not tuned on; its wrong published claims may only go down, and a rule
written for one of them names the passage in its commit (it is then no longer unseen for that rule)."""

from __future__ import annotations

from tests.support.trial_sets import FIXTURES, TrialSet


class TestThirdSet(TrialSet):
    PASSAGES = FIXTURES / "trial_coverage_third.jsonl"
    # right claims published at tier >= 2 (measured: 94 when the set landed, 97 at hf24, 101 with the seeded participants,
    # 105 with argued.py, 107 with instructed and shot back)
    RIGHT_FLOOR = 106
    WRONG_LEFT = {  # passage id -> the wrong published claim measured when the set landed (fixed: see FIXED)
        "t126": "'Savitt told jurors they would hear a simple story': a claim the set's writer did not list",
    }
    FIXED = {  # passage id -> the rule that fixed its wrong published claim (no longer unseen for that rule)
        "t030": "confidence.jsonl no-comment 'contents': a spoken refusal to talk ending the words (rule 'no-comment')",
        "t113": "hearsay.py: 'Musk reportedly told' is the outlet's hearsay (rule 'hearsay')",
        "t095": "unsaid.jsonl: 'have until Friday to respond' is a saying still to come (rule 'wanted')",
        "t051": "unsigned.py: a transcript's turn opening 'You ...' is a premise put to the witness (rule 'put-to-witness')",
        "t061": "unsigned.py: a curated product's answer waits (rule 'product-speaker')",
        "t089": "unsigned.py: an organisation's internal memo waits (rule 'document-speaker')",
    }
