"""A third one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/ferrowind_v_larkspur.json holds 55 invented articles from ten invented outlets
about one invented case (Ferrowind AI v. Larkspur Systems, a distillation dispute tried before a judge in
Delaware's Court of Chancery), labelled by event as they were written, before any code under
tracker/crossref or tracker/sources was read and before the clusterer ran on them (hc10, session 21). It is
different in kind from kestrel_v_brightwater.json (test_case_stories_unseen.py): a pre-trial hearing and its
ruling four months before the trial, with the same cast; a ruling in the morning and testimony in the
afternoon of one day, in separate articles and in one roundup; a weekly roundup and an explainer naming
several events; a live blog and a breaking story updated in place; an interview with a party three weeks
after the decision, and another outlet's report of that interview; wire, spun, shortened and two
translated-sounding copies; fifteen documented disagreements (quoted words, hedges, numbers, dates).

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then each updated article's feed again, the way a poll finds an edit.
Each mode's chain runs once, in a transaction rolled back at the end, and the tests read its figures.
The floors sit just under what the chain reached when they were set: they catch a regression, not the
goal (issue 16 asks ARI >= 0.9, every copy group linked, most disagreements shown). Nothing under tracker/
was changed for this set: it measures what the clusterer and the claim merging carry over.
"""

from __future__ import annotations

import pytest

from tests.support.case_stories import BlindSet, CaseSet

# Every test is marked so that pytest-django sets up the test database for the class fixture too.
pytestmark = pytest.mark.django_db


# How each documented disagreement is found in the stored rows (`found_by` of tests/support/case_stories.py).
FOUND_BY = {
    ("Priya Ramaswamy", "e1-injunction-hearing", "quoted words"): (
        "judgment wholesale",
        "judgment piece by piece",
        "wholesale",
        "piece",
    ),
    ("Conrad Lisle", "e1-injunction-hearing", "number"): (
        "fewer than 2 million",
        "fewer than 3 million",
        "2 million",
        "3 million",
    ),
    ("Agnes Whitcombe", "e2-injunction-ruling", "hedge"): (
        "is likely to succeed",
        "may well succeed",
        None,
        "may",
    ),
    ("Priya Ramaswamy", "e3-trial-openings", "number"): (
        "40 million prompts",
        "14 million prompts",
        "40 million",
        "14 million",
    ),
    ("Conrad Lisle", "e3-trial-openings", "quoted words"): (
        "not by copying",
        "not by a copier",
        "copying",
        "copier",
    ),
    ("Marisol Ocampo", "e4-ocampo-testimony", "date"): ("in January 2025", "in June 2025", "January", "June"),
    ("Marisol Ocampo", "e4-ocampo-testimony", "hedge"): (
        "I know they took it",
        "I believe they took it",
        None,
        "believe",
    ),
    ("Agnes Whitcombe", "e5-lost-logs-ruling", "quoted words"): (
        "was inexcusable",
        "was indefensible",
        "inexcusable",
        "indefensible",
    ),
    ("Naomi Feld", "e6-feld-testimony", "number"): ("about 90 percent", "about 60 percent", "90", "60"),
    ("Naomi Feld", "e6-feld-testimony", "hedge"): ("I was told to use", "I think I was told", None, "think"),
    ("Eliot Marchetti", "e7-expert-testimony", "quoted words"): (
        "all over Wren",
        "are on Wren",
        "over",
        "faint",
    ),
    ("Theo Brannigan", "e8-brannigan-testimony", "date"): ("in March 2024", "in May 2024", "March", "May"),
    ("Theo Brannigan", "e8-brannigan-testimony", "quoted words"): (
        "never asked anyone",
        "never told anyone",
        "asked",
        "told",
    ),
    ("Agnes Whitcombe", "e10-decision", "quoted words"): (
        "fully compensate",
        "adequately compensate",
        "fully",
        "adequately",
    ),
    ("Theo Brannigan", "e11-brannigan-interview", "hedge"): (
        "We will appeal",
        "almost certainly appeal",
        None,
        "almost",
    ),
}


class TestFerrowindVLarkspur(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own."""

    CASE = CaseSet("ferrowind_v_larkspur.json", FOUND_BY)
    DOCUMENTED = {"articles": 55, "stories": 11, "publishers": 10, "copy groups": 7, "disagreements": 15}
    COPY_KINDS = {"wire": 5, "spun": 1, "shortened": 1, "translated": 2}
    UPDATED = 2
    SIDES_VERBATIM = True
    # Measured when set (session 21, at 1b7d9e2's code, before anyone tuned on this set): ARI 0.859 dated
    # (13 stories found for 11 events) and 0.801 with every third undated (12 stories); 5 of the 7 copy
    # groups linked (every wire, the spun and the shortened copy; neither translated copy); of the 15
    # disagreements, 8 shown dated and 9 with every third undated (the plaintiff CEO's date is shown only
    # there). Where it splits and merges, and why the others are not shown, is in the commit that set them.
    # ARI 0.908 dated (0.801 a third undated, unchanged) once a pair sharing a participant rare among the
    # articles compared meets the floor, not the relative bar (tracker/crossref/relative.py).
    # All 7 copy groups link (both translated copies too) once anchors are read sentence by sentence and a
    # copy that close is read (tracker/sources/close_reading.py); 5 before. ARI 0.932 dated (0.801 a third
    # undated) at session 24's start, and with strays.py (which changes nothing here).
    # Disagreements shown 9 dated and 10 a third undated at session 25's start; 11 and 11 once a count in
    # millions is read (tracker/nlp/amounts.py: "fewer than 2 million queries" / "3 million", "40 million
    # prompts" / "14 million"; the first's two sides fall in different stories a third undated); 12 dated
    # once a month said inside a claim's words is compared where its date is the day it was said
    # (discrepancies/content_dates.py: the plaintiff CEO's "January 2025" / "June 2025"). 13 dated and 12 a
    # third undated once a hedge one outlet quotes is compared with another outlet's quote of the same
    # words, not only with headlines and leads (discrepancies/quoted_hedges.py: the Q&A's "We will appeal."
    # against "We will almost certainly appeal").
    # A third undated 0.801 -> 0.845 (session 30, ie32: the business paper's Ocampo report, whose own
    # openings piece was its best match, placed by other outlets' reports of its day; tracker/crossref/undated.py).
    # 0.845 -> 0.891 (session 33, kg35: the openings live blog, the party's name untagged in it and in the
    # closings explainer, is no longer placed by that word: `undated.named`).
    ARI_FLOOR = {0: 0.92, 3: 0.88}
    COPY_GROUPS_LINKED = 7
    SHOWN_FLOOR = {0: 13, 3: 12}
    # Sides on one claim (session 26, hg28): 11 of 15 dated, 10 a third undated. Apart: reworded
    # reported speech (Whitcombe's ruling, Brannigan's clause of a longer statement), an unresolved
    # description (Feld), a headline figure with no claim (Ramaswamy); undated, Lisle's two reports in
    # two stories (one side reported speech: no quoted run to meet on). 12 and 11 once restated quotes
    # match their claim (session 30, ih32, claim_restating: Whitcombe's "is likely to"/"may well succeed").
    ONE_CLAIM_FLOOR = {0: 12, 3: 11}

    def test_the_articles_updated_in_place_keep_their_versions_and_are_read_again(self, coverage):
        _, measured = coverage
        assert measured.versions == 2
        breaking = "delawaredocket_2026-09-29_01-whitcombe-rules-for-ferrowind-awards-212-million.txt"
        assert measured.update_read[breaking], measured.update_read
