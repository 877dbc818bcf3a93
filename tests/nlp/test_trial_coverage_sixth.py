"""Trial coverage on a sixth set written blind (tests/nlp/fixtures/trial_coverage_sixth.jsonl): 165
invented passages of coverage of Musk v. OpenAI and the distillation admission, weighted to styles rarer
in the earlier sets (British, Australian and Indian English with "said:" before a quote, "Mr" without a
period and single quotes; newsletters and explainers; podcast and TV transcripts; live-blog clock times;
quotes over paragraphs and interrupted mid-sentence; past perfect; nested attribution; headlines run into
text; captions; corrections and editor's notes; bullet lists; company statements; paraphrase verbs;
denials; cross-examination questions; hypotheticals; opinion writers; sarcasm; one quote three ways),
written by someone who had read neither the rules, the code nor the earlier sets, and committed before the
extraction ran on it (858b573).

First measurement (bench/trial_coverage.py --passages ..., rules of main at 5a70072), of the 140 claims a
reader would sign: 91 published, 88 right, 3 wrong; 24 right waiting at tier 1; 22 missed. Its recall
(waiting, missed) is not tuned on; its wrong published claims may only go down, and a rule written for
one of them names the passage in its commit (it is then no longer unseen for that rule).
w083 ("At no point did Musk say that X") is not-said since shared_negation reads negative inversion;
w062 ("the amount Musk said he donated") waits since relatives.contact_form: 88 right, 1 wrong; w153's
expectation corrected (a blog post's words are its author's, the writer's error): 89 right, 0 wrong.
Then (recall, general rules): w103 ("told the jury he had 'agonised' over ...", addressee_clauses),
w007/w015 (opined, informed: now waiting), w115 ("after court adjourned that", clauseless), w019 (a
quoted predicate hung on the object, quoted_predicates): 92 right, 0 wrong, 25 waiting, 18 missed."""

from __future__ import annotations

from tests.support.trial_sets import FIXTURES, TrialSet


class TestSixthSet(TrialSet):
    PASSAGES = FIXTURES / "trial_coverage_sixth.jsonl"
    RIGHT_FLOOR = 97  # right claims published at tier >= 2 (measured: 88 when the set landed, 89 with w153
    # corrected, 92 at hw26's end, 94 with listed_quotes.py: w066's two quotes, 98 with argued.py)
    # passage id -> a wrong published claim left. Three when the set landed: w083 (negative inversion) and
    # w062 (contact relative) fixed by rules; w153's expectation corrected (the writer's error: a blog post's
    # words are its author's).
    WRONG_LEFT: dict[str, str] = {}
