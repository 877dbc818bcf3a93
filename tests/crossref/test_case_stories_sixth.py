"""A sixth one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/quarrington_chip_secrets.json holds 51 invented articles from nine invented outlets
about one invented case (United States v. Quarrington, a federal criminal jury trial in Phoenix over a former
Halvorsen Semiconductor engineer taking the layout files of its Larkspur optical chiplet to Fernhollow
Photonics, the start-up he co-founded), labelled by event as they were written, before any code under
tracker/, docs/evaluation.md or bench/crossref*.py was read and before the chain ran on them (ig32, session
30). Eleven events over six weeks with the same cast: the ruling upholding the airport laptop search, openings,
four witness days (the plaintiff company's insider-risk head; the FBI agent, direct and next-day cross; the
co-founder turned cooperating witness; the defense expert), the defendant's own testimony, closings, the
verdict (three counts of theft of trade secrets, acquitted of economic espionage and conspiracy), the company's
civil suit against the start-up a week later and the denial of a new trial with the sentencing date. One
national daily's report, analysis and opinion on the co-founder's day over three days (the opinion on the
defense expert's day); four live blogs with clock times only; two articles updated in place (a local paper's
bulletin grown into a report, a verdict live blog before and after the verdict); six wire copies (one a local
paper running the wire), two spun, two shortened and a French machine translation; sixteen documented
disagreements (quoted words, hedges, numbers, dates), each side verbatim in its article.

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then the updated articles' feeds again, the way a poll finds an edit.
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
    ("Marisol Ebberts", "e1-suppression-ruling", "quoted words"): (
        "thorough but lawful",
        "aggressive but lawful",
        "thorough",
        "aggressive",
    ),
    ("Gideon Whitlow", "e2-openings", "quoted words"): (
        "stole the blueprint of a chip",
        "stole the map of a chip",
        "blueprint",
        "map",
    ),
    ("Beatrix Lundqvist", "e2-openings", "number"): ("spent 11 years", "spent 17 years", "11", "17"),
    ("Ingrid Sobotka", "e3-sobotka-testimony", "number"): (
        "downloaded 3,800 files",
        "downloaded 8,300 files",
        "3,800",
        "8,300",
    ),
    ("Ingrid Sobotka", "e3-sobotka-testimony", "hedge"): (
        "files were copied to a personal drive",
        "files were possibly copied to a personal drive",
        None,
        "possibly",
    ),
    ("Corliss Dunmore", "e4-dunmore-testimony", "date"): (
        "on July 9, 2025",
        "on July 19, 2025",
        "July 9",
        "July 19",
    ),
    ("Corliss Dunmore", "e4-dunmore-testimony", "quoted words"): (
        "hidden in a folder called taxes",
        "buried in a folder called taxes",
        "hidden",
        "buried",
    ),
    ("Emeric Vantongeren", "e5-vantongeren-testimony", "quoted words"): (
        "it was our insurance",
        "it was our head start",
        "insurance",
        "head start",
    ),
    ("Emeric Vantongeren", "e5-vantongeren-testimony", "hedge"): (
        "I never opened the files",
        "I don't believe I ever opened the files",
        None,
        "believe",
    ),
    ("Osric Penhallow", "e6-penhallow-testimony", "number"): (
        "about 70 percent of the layout",
        "about 40 percent of the layout",
        "70",
        "40",
    ),
    ("Anselm Quarrington", "e7-quarrington-testimony", "quoted words"): (
        "careless, not criminal",
        "sloppy, not criminal",
        "careless",
        "sloppy",
    ),
    ("Anselm Quarrington", "e7-quarrington-testimony", "date"): (
        "files in October 2024",
        "files in December 2024",
        "October",
        "December",
    ),
    ("Gideon Whitlow", "e8-closings", "number"): ("spent $140 million", "spent $410 million", "140", "410"),
    ("Beatrix Lundqvist", "e8-closings", "quoted words"): (
        "a panic, not a plot",
        "a mistake, not a plot",
        "panic",
        "mistake",
    ),
    ("Theodora Asante", "e9-verdict", "hedge"): (
        "will pursue Fernhollow in civil court",
        "could pursue Fernhollow in civil court",
        None,
        "could",
    ),
    ("Marisol Ebberts", "e11-new-trial-denied", "date"): (
        "sentencing for June 18",
        "sentencing for June 8",
        "June 18",
        "June 8",
    ),
}


class TestQuarringtonChipSecrets(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own."""

    CASE = CaseSet("quarrington_chip_secrets.json", FOUND_BY)
    DOCUMENTED = {"articles": 51, "stories": 11, "publishers": 9, "copy groups": 9, "disagreements": 16}
    COPY_KINDS = {"wire": 6, "spun": 2, "shortened": 2, "translated": 1}
    UPDATED = 2  # both past 150 words (the local paper's report 237, the verdict live blog 179): `BlindSet`'s test of their versions
    SIDES_VERBATIM = True
    # Measured when set (ig32, session 30, at a9e736a's code, the first time the chain ran on the set; two
    # runs alike): ARI 0.9175 dated (12 stories found for 11 events) and 0.6674 with every third undated (10
    # stories). Dated, every event's story is right but for two articles: the national daily's opinion column
    # on the co-founder's day, published two days later on the defense expert's day, stands alone, and the
    # business daily's verdict analysis (published the Monday after) joins the civil suit's story. Undated,
    # the verdict analysis still joins the civil suit; the opinion column, undated, finds its event; the
    # closings and the verdict are one story, joined by the local paper's undated report on the suppression
    # ruling; the legal trade paper's undated reports of the defendant's day and the closings join the
    # new-trial ruling's story, its undated report of the expert's day joins the openings, and the undated
    # verdict live blog joins the defendant's day. Undated 0.829 (11 stories) once an undated article's own
    # outlet's piece of another day gives way to the day other outlets' matches weigh most (ie32, session 30,
    # a rule written on the five earlier sets, never on this one: the set's first blind test of it).
    # 0.871 once a day an undated article announces as one to come ("The defendant is expected to testify
    # Monday") no longer rules out the day it reports (ia33, session 31: `undated.ahead`).
    # Session 31's end (ia33 days to come, ii33 frames): 0.952 / 0.886. Session 32 (ja34: io33's undated
    # rule back, order independent): 0.952 / 0.935.
    ARI_FLOOR = {0: 0.95, 3: 0.93}
    # All 9 groups linked in both modes: every wire (one a local paper running the wire), both spun, both
    # shortened and the French translation.
    COPY_GROUPS_LINKED = 9
    # 11 of 16 shown in both modes. Not shown (`why_not_shown`): the co-founder's "never opened" against "don't
    # believe I ever opened", the expert's 70/40 percent, the CEO's "will"/"could pursue" and the judge's June
    # 18/June 8 sentencing date (claims not merged, both modes), the defendant's October/December 2024 (claims
    # not merged dated; claims in different stories undated, the trade paper's report of his day being in
    # the new-trial ruling's story). 13 and 12 once a share is a figure (the expert's 70/40 percent) and a
    # day a court set is compared (the sentencing date; undated, side a's article has no publication day
    # to read "June 18" against) (session 31, ig33).
    # Session 31's end: 14 / 13 (in33: a statement read by a spokesman is its author's).
    # 15 / 14 in session 32: Vantongeren's hedge, his quote named through a pronoun chain counted from his
    # last naming (jf34: nlp/chained_pronouns.py).
    # 15 / 15 in session 33 (ke35): the sentencing's June 18 of the article with no publication day compared
    # by month and day (scheduled_dates).
    SHOWN_FLOOR = {0: 15, 3: 15}
    # Sides on one claim: 5 of 16 in both modes (Lundqvist's 11/17 years, the agent's July 9/19 and
    # hidden/buried, the co-founder's insurance/head start, Whitlow's $140/$410 million). 7 and 7 once restated
    # quotes and bare surnames join their claims (claim_restating, speaker_kin `_surnamed`: ih32, session 30,
    # written on the five earlier sets).
    # Session 31's end: 8 / 8 (in33). 12 / 12 once a short quote with one word swapped and a name with where
    # the person is from join (claim_restating `_swapped`, kin_names `placed`: jd34, session 32).
    # 13 / 13 at session 32's end (jf34's Vantongeren as well).
    ONE_CLAIM_FLOOR = {0: 13, 3: 13}
    # Rows whose sides are of different labelled events (`BlindSet.MIXED_CEILING`: none in either mode). 3
    # with every third undated at the first run, numbers compared across events the undated clustering put
    # in one story; one ("three counts" against "five counts" in a story that held neither side's articles)
    # retired with the repeated rows (`discrepancies.moving`, ij32), "two"/"60"/"2,100 people" gone once the
    # undated placement kept the suppression ruling's local report out of the closings (ie32), the last
    # "three counts" (convicted of) against "five counts" (faced) once counts of two stages are two facts
    # (`figure_values.stage`, ik32); all session 30.
    # Rows repeated (`Coverage.twice`): none in either mode, as `BlindSet` asserts (6 undated at the first
    # run: three story-keyed number/date rows left in a story their articles had moved out of, each beside
    # the same row of the story holding them; they now follow their articles, `discrepancies.moving`).
