"""A seventh one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/tallowmere_v_brisklight.json holds 52 invented articles from nine invented outlets
about one invented case (Tallowmere Systems v. Brisklight Labs, a state-court civil bench trial in Portland,
Oregon, over AI model distillation: an AI lab suing a start-up and its CEO for breach of its API terms and
fraud, alleging thousands of accounts opened under false names to harvest its chatbot's answers and train a
rival model on them), labelled by event as they were written, before any code under tracker/,
docs/evaluation.md or bench/crossref*.py was read and before the chain ran on them (id33, session 31).
Eleven events over eight weeks with the same cast in every one (the judge, both trial lawyers and the
defendant CEO): the summary-judgment ruling dropping the copyright count, openings, four witness days (the
plaintiff's API security head; its CEO; the defendant's former engineer; the plaintiff's expert on planted
canary phrases), the defendant CEO's own testimony, the defense expert and the defense resting, closings, the
ruling from the bench (liable for breach and fraud, damages, the CEO cleared personally) and the denial of a
stay pending appeal with a remedies hearing set. One national daily's report, analysis and opinion on the
former engineer's day over four days (the analysis on the plaintiff expert's day, the opinion on the CEO's
day); a business daily's analysis of the ruling the next Monday; four live blogs with clock times only; two
articles updated in place (a local paper's bulletin on the CEO's day grown into a report, the ruling live blog
before and after the ruling); five wire copies (one a local paper running the wire), two spun, two shortened
and a German machine translation; sixteen documented disagreements (quoted words, hedges, numbers, dates),
each side verbatim in its article; about a third of the articles state no date or weekday in their text.

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then the updated articles' feeds again, the way a poll finds an edit.
The floors sit just under what the chain reached the first time it ran on the set (FIRST FIGURES below):
they catch a regression, not the goal (issue 16 asks ARI >= 0.9, every copy group linked, most
disagreements shown). Nothing under tracker/ was changed for this set: it measures what the clusterer and
the claim merging carry over.

First figures (id33, session 31, at c3cd16c's code; the labels and this test committed before the run): ARI
0.752 dated (17 stories for 11 events) and 0.722 with every third undated (14 stories); 8 of 9 copy groups
linked in both modes; 5 of 16 disagreements shown and 4 of 16 on one claim in both modes; no row comparing
two events and no row repeated in either mode.
"""

from __future__ import annotations

import pytest

from tests.support.case_stories import BlindSet, CaseSet

# Every test is marked so that pytest-django sets up the test database for the class fixture too.
pytestmark = pytest.mark.django_db


# How each documented disagreement is found in the stored rows (`found_by` of tests/support/case_stories.py).
FOUND_BY = {
    ("Perpetua Vandermolen", "e1-copyright-claim-dismissed", "quoted words"): (
        "a contract case dressed up as a copyright case",
        "a contract case disguised as a copyright case",
        "dressed up",
        "disguised",
    ),
    ("Ambrose Kettleridge", "e2-openings", "number"): (
        "Brisklight created 41,000 accounts",
        "Brisklight created 14,000 accounts",
        "41,000",
        "14,000",
    ),
    ("Hollis Prewitt", "e3-prewitt-testimony", "number"): (
        "about 2.3 billion tokens",
        "drew 3.2 billion tokens",
        "2.3",
        "3.2",
    ),
    ("Hollis Prewitt", "e3-prewitt-testimony", "hedge"): (
        "the accounts were run from Brisklight's offices",
        "the accounts were likely run from Brisklight's offices",
        None,
        "likely",
    ),
    ("Rosalind Achterberg", "e4-achterberg-testimony", "date"): (
        "on January 12, 2026",
        "on January 21, 2026",
        "January 12",
        "January 21",
    ),
    ("Rosalind Achterberg", "e4-achterberg-testimony", "quoted words"): (
        "We were being strip-mined",
        "we were being hollowed out",
        "strip-mined",
        "hollowed out",
    ),
    ("Odile Farquharson", "e5-farquharson-testimony", "quoted words"): (
        "just make more accounts",
        "just spin up more accounts",
        "make",
        "spin up",
    ),
    ("Odile Farquharson", "e5-farquharson-testimony", "hedge"): (
        "Dellacourt knew about the accounts",
        "Dellacourt probably knew about the accounts",
        None,
        "probably",
    ),
    ("Yevgenia Strand", "e6-strand-expert", "number"): (
        "matched 87 percent of the canary prompts",
        "matched 78 percent of the canary prompts",
        "87",
        "78",
    ),
    ("Casimir Dellacourt", "e7-dellacourt-testimony", "quoted words"): (
        "the way students use a textbook",
        "the way students use a library",
        "textbook",
        "library",
    ),
    ("Casimir Dellacourt", "e7-dellacourt-testimony", "date"): (
        "stopped in February 2026",
        "stopped in April 2026",
        "February",
        "April",
    ),
    ("Lucan Mabery", "e8-mabery-defense-expert", "number"): (
        "made up about 6 percent of the data",
        "made up about 16 percent of the data",
        "6",
        "16",
    ),
    ("Ambrose Kettleridge", "e9-closings", "number"): (
        "award it $212 million",
        "the figure at $122 million",
        "212",
        "122",
    ),
    ("Perpetua Vandermolen", "e10-ruling", "number"): (
        "to pay $48.5 million",
        "to pay $45.8 million",
        "48.5",
        "45.8",
    ),
    ("Rosalind Achterberg", "e10-ruling", "hedge"): (
        "the company will ask the court to order Wren taken offline",
        "the company might ask the court to order Wren taken offline",
        None,
        "might",
    ),
    ("Perpetua Vandermolen", "e11-stay-denied", "date"): (
        "a hearing on November 19",
        "a hearing on November 9",
        "November 19",
        "November 9",
    ),
}


class TestTallowmereVBrisklight(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own."""

    CASE = CaseSet("tallowmere_v_brisklight.json", FOUND_BY)
    DOCUMENTED = {"articles": 52, "stories": 11, "publishers": 9, "copy groups": 9, "disagreements": 16}
    COPY_KINDS = {"wire": 5, "spun": 2, "shortened": 2, "translated": 1}
    UPDATED = 2  # both past 150 words (the local paper's report 213, the ruling live blog 202): `BlindSet`'s test of their versions
    SIDES_VERBATIM = True
    # Measured when set (id33, session 31, at c3cd16c's code, the first time the chain ran on the set): ARI
    # 0.752 dated (17 stories for 11 events) and 0.722 with every third undated (14 stories). Dated: the
    # openings split three ways (the live blog alone, the legal trade paper's report alone, the wire with
    # its local copy and the national daily together); the live blogs of the engineer's day and the CEO's
    # day are one story; the national daily's opinion on the engineer's day, published on the CEO's day,
    # joins the CEO's day; the business daily's report of the CEO's day stands alone; the ruling splits
    # three ways (the German translation alone, the business daily's analysis the next Monday alone).
    # Undated: the openings' live blog finds the wire's story, but the legal trade paper's undated openings
    # report joins the API security head's day; the local paper's undated report of the plaintiff CEO's day
    # joins the defendant CEO's day (with the opinion column); the two live blogs, the business daily's
    # report of the CEO's day, the ruling's translation and analysis as dated.
    # Session 31 (ii33 frames, on main with ia33 and ih33): 0.909 in both modes.
    ARI_FLOOR = {0: 0.90, 3: 0.90}
    # 8 of 9 groups linked in both modes: every wire copy (one a local paper running the wire), both spun,
    # both shortened; not the German translation of the wire's ruling story (a story of its own).
    # Session 31 (ih33: names in a text that capitalises nouns, figures with either separator): 9 of 9.
    COPY_GROUPS_LINKED = 9
    # 5 of 16 shown in both modes (the judge's dressed up/disguised, Kettleridge's 41,000/14,000 accounts,
    # Prewitt's 2.3/3.2 billion tokens, Dellacourt's textbook/library, the judge's $48.5/$45.8 million).
    # Not shown (`why_not_shown`): Prewitt's likely, Farquharson's probably and Achterberg's might (one
    # claim, no row: rule missing); Achterberg's January 12/21, Farquharson's make/spin up, Strand's 87/78
    # percent and the $212/$122 million ask (claims not merged; the ask's sentences name the company, not
    # its lawyer); Achterberg's strip-mined/hollowed out (claims not merged dated, in different stories
    # undated); Dellacourt's February/April 2026 (claims in different stories: the business daily's report
    # stands alone); Mabery's 6/16 percent (no claim in the wire's sentence, whose speaker is "a computer
    # scientist testifying for Brisklight") and the judge's November 19/9 hearing (no claim in the wire's
    # sentence: a scheduling, not a statement).
    # At the session's end (session 31, all its rules merged): 9 of 16 in both modes (the three hedges, ih33;
    # a number and a date, ig33 and the claims joined since).
    # 10 / 9 in session 32: Vandermolen's hearing "set ... on November 9" compared dated (jm34:
    # discrepancies/scheduled_dates.py, a day right after an "on" that follows the thing set).
    # 11 / 11 in session 33 (ke35): Dellacourt's February/April (of the wire's two months the one "stopped
    # in", as the other outlet's; content_dates `unambiguous`) and, undated, the hearing's November 19 of
    # the article with no publication day (scheduled_dates, by month and day).
    # 12 / 12 (kk35): Strand's 87/78 percent, on one claim since kd35, read at the claim's shared slot key
    # (discrepancies/slot_figures.py; nlp.amounts reads no amount at "87 percent of the canary prompts").
    SHOWN_FLOOR = {0: 12, 3: 12}
    # Sides on one claim: 4 of 16 in both modes (the three hedges and Dellacourt's textbook/library); 6 of 16
    # since ik33 (session 31): the judge's dressed up/disguised (one phrase of the quote replaced) and
    # Kettleridge's 41,000/14,000 accounts (the same words around another figure, `claim_slots`).
    # 7 of 16 at the session's end (il33's whole content puts Dellacourt's two sides in one story).
    # 8 of 16 (kd35, session 33): Strand's 87/78 percent, once "told Circuit Judge X that Y" reports Y
    # (nlp/told_nouns.py; the surname's claim met by its slot key). No row yet (rule missing).
    ONE_CLAIM_FLOOR = {0: 8, 3: 8}
    # Rows whose sides are of different labelled events and rows repeated: none in either mode at the first
    # run (`BlindSet.MIXED_CEILING` and its `twice` assertion hold as they are).
