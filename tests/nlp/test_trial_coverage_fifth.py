"""Trial coverage on a fifth set written blind (tests/nlp/fixtures/trial_coverage_fifth.jsonl): 153
invented passages of coverage of Musk v. OpenAI (wire ledes with datelines, live-blog entries with clock
times, analysis and opinion with the outlet's own judgements, podcast and TV transcripts, Q./A. and
MR./THE COURT transcripts, statements and spokespeople, posts on X, briefs and motions, translated foreign
coverage, newsletters, quotes running over paragraphs, pronouns with one and two antecedents, "according
to", denials, no-comments, questions, nested reports, descriptions as speakers, documents quoted,
hypotheticals), written by someone who had read neither the rules, the code nor the earlier sets, and
committed before the extraction ran on it (67da59c).

First measurement (bench/trial_coverage.py --passages ..., rules of main at 26e4e35), of the 142 claims a
reader would sign: 71 published, 65 right, 6 wrong; 24 right waiting at tier 1; 45 missed. Its recall
(waiting, missed) is not tuned on; its wrong published claims may only go down, and a rule written for
one of them names the passage in its commit (it is then no longer unseen for that rule).
v105 (“X,” Musk said, leaning into the microphone, “Y.”) joins both quotes since introductions.set_aside:
66 right, 5 wrong; v124 ("Musk said he believed, though ..., that X") runs on to X since
contents._split_complement: 67 right, 4 wrong; v077 ("said he would not discuss the testimony") is a
no-comment since the no-comment rule reads a refusal to discuss or elaborate: 67 right, 3 wrong; v031
(“said xAI co-founder Igor Babuschkin”, a title broken at its hyphen) names him since syntax.subject takes
the last of a run of subjects: 68 right, 2 wrong; v022 (“The word "partly." Musk said it twice”) waits
since a word of degree alone is a bare answer: 68 right, 1 wrong; 71 right, 1 wrong once quotations
signed with a dash and a name are the person's (signed_quotes.py, written from v048, v050, v127); 72
right, 1 wrong once "told CNBC in an interview aired Friday that X" reports X (v107); 73 right, 1 wrong
once a line-opening "(Translated from Chinese)" is taken out before parsing (editorial_notes.py, v136)."""

from __future__ import annotations

from tests.support.trial_sets import FIXTURES, TrialSet


class TestFifthSet(TrialSet):
    PASSAGES = FIXTURES / "trial_coverage_fifth.jsonl"
    RIGHT_FLOOR = (
        84  # right claims published at tier >= 2 (measured: 65 when the set landed, 73 at hw24, 78 with
    )
    # the seeded participants and hf24, 83 with hc25, 85 with argued.py)
    WRONG_LEFT = {  # passage id -> the wrong published claim measured when the set landed
        "v090": "“Musk's lawyer told the jury”: the lawyer's words given to Musk",
    }
