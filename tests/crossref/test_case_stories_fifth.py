"""A fifth one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/veldmark_v_cindergrove.json holds 52 invented articles from nine invented outlets
about one invented case (Veldmark Systems v. Cindergrove Labs, a federal jury trial in Seattle over a
start-up training its Kitewing assistant on the answers of a rival's Orrery model), labelled by event as
they were written, before any code under tracker/ or docs/evaluation.md was read and before the clusterer
ran on them (hf31, session 29). Eleven events over five weeks, most of them days of one trial with the same
cast: the pretrial rulings, jury selection, openings, three witness days (the plaintiff's security head; a
former engineer, direct and next-day cross; the founder admitting Kitewing was "partly distilled" from
Orrery), a mistrial motion argued one day and denied the next, closings, the verdict, post-trial motions and
the founder's interview two weeks later with a wire report of it. One outlet's report, analysis and opinion
on the founder's day over three days (the opinion on the day of the mistrial ruling); three live blogs with
clock times only; two articles updated in place (a bulletin grown into a report, a live blog before and
after the verdict); five wire copies, two spun, two shortened and a Spanish translation; fifteen documented
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
    ("Philippa Norcross", "e1-pretrial-ruling", "quoted words"): (
        "more prejudicial than probative",
        "more inflammatory than probative",
        "prejudicial",
        "inflammatory",
    ),
    ("Samuel Trenholm", "e3-openings", "quoted words"): (
        "it photocopied Orrery",
        "it traced Orrery",
        "photocopied",
        "traced",
    ),
    ("Rosalind Achterberg", "e3-openings", "number"): ("spent $48 million", "spent $84 million", "48", "84"),
    ("Darius Pennefather", "e4-pennefather-testimony", "number"): (
        "found 1,400 accounts",
        "found 1,100 accounts",
        "1,400",
        "1,100",
    ),
    ("Darius Pennefather", "e4-pennefather-testimony", "hedge"): (
        "traffic came from Cindergrove",
        "traffic probably came from Cindergrove",
        None,
        "probably",
    ),
    ("Tomasz Wierzbicki", "e5-wierzbicki-testimony", "date"): (
        "in February 2025",
        "in April 2025",
        "February",
        "April",
    ),
    ("Idris Fenwycke", "e6-fenwycke-testimony", "quoted words"): (
        "partly distilled from Orrery",
        "largely distilled from Orrery",
        "partly",
        "largely",
    ),
    ("Idris Fenwycke", "e6-fenwycke-testimony", "number"): (
        "about 30 percent",
        "about 13 percent",
        "30",
        "13",
    ),
    ("Idris Fenwycke", "e6-fenwycke-testimony", "hedge"): (
        "did not know it broke the terms",
        "think I knew it broke the terms",
        None,
        "think",
    ),
    ("Rosalind Achterberg", "e7-mistrial-motion", "quoted words"): (
        "poisoned the jury pool",
        "tainted the jury pool",
        "poisoned",
        "tainted",
    ),
    ("Samuel Trenholm", "e8-closings", "number"): ("pay $310 million", "award $301 million", "310", "301"),
    ("Rosalind Achterberg", "e8-closings", "quoted words"): (
        "a lawsuit about jealousy",
        "a lawsuit about envy",
        "jealousy",
        "envy",
    ),
    ("Marguerite Oyelaran", "e9-verdict", "quoted words"): (
        "shortcuts have a price",
        "shortcuts have a cost",
        "price",
        "cost",
    ),
    ("Nell Gustafsson", "e9-verdict", "hedge"): ("We will appeal", "likely to appeal", None, "likely"),
    ("Philippa Norcross", "e10-post-trial", "date"): (
        "for December 3,",
        "for December 13",
        "December 3",
        "December 13",
    ),
}


class TestVeldmarkVCindergrove(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own."""

    CASE = CaseSet("veldmark_v_cindergrove.json", FOUND_BY)
    DOCUMENTED = {"articles": 52, "stories": 11, "publishers": 9, "copy groups": 7, "disagreements": 15}
    COPY_KINDS = {"wire": 5, "spun": 2, "shortened": 2, "translated": 1}
    UPDATED = 2  # both past 150 words (the courier's report 216, the verdict live blog 218): `BlindSet`'s test of their versions
    SIDES_VERBATIM = True
    # Measured when set (hf31, session 29, at 7842b3d's code, the first time the chain ran on the set; two
    # runs alike): ARI 0.903 dated (13 stories found for 11 events) and 0.788 with every third undated (13
    # stories). Dated, every event's story is right but for three articles: the explainer published on
    # jury-selection day stands alone, the opinion column two days after the founder's testimony stands
    # alone, and the business paper's closing-day article (investors brace) joins the verdict's story.
    # Undated, the same two stand alone and, besides, the live blog of the founder's day joins the openings'
    # story and the closings' story takes in the business paper's openings report and its verdict analysis.
    # Session 30 (ie32): 0.788 -> 0.902 a third undated: the business paper's openings report and verdict
    # analysis and the founder-day live blog no longer placed by their own outlet's pieces of other days
    # (tracker/crossref/undated.py).
    # Session 31's end (ii33 frames): 0.990 / 0.906. Session 32 (ja34: io33's undated rule back, a settle's
    # scope grown around where its undated articles are placed): 0.990 / 0.949.
    ARI_FLOOR = {0: 0.98, 3: 0.94}
    # All 7 groups linked in both modes: every wire, both spun, both shortened and the Spanish translation.
    COPY_GROUPS_LINKED = 7
    # 9 of 15 shown in both modes. Not shown: the judge's pretrial words and her December date (side b has
    # no claim: "the court found" and "scheduled a hearing" are no statement verbs), the engineer's
    # February/April and the founder's "don't think I knew" and Trenholm's $310/$301 million (claims not
    # merged), the founder's 30/13 percent (one claim, no row). 10 and 10 once "Fenwycke" joins the full
    # name its article names and his "don't think I knew" the claim it restates (session 30, ih32). 13 and
    # 13 once a share is a figure, Trenholm's ask worded as a payment and as his award is one ask, and a
    # day a court set is compared (session 31, ig33: nlp/amounts.py, discrepancies/askers.py, figures.py,
    # scheduled_dates.py); not shown: the judge's pretrial words, the engineer's February/April.
    # 14 / 14 in session 32: the judge's pretrial words ("the court found", set off by commas) speak for
    # the judge named before (jm34: nlp/reporters.py REPORTED, claim_kinds.jsonl papers).
    SHOWN_FLOOR = {0: 14, 3: 14}
    # Sides on one claim: 4 of 15 in both modes (Trenholm's photocopied/traced, Pennefather's hedge, the
    # founder's 30/13 percent, Oyelaran's price/cost). 8 and 8 once restated quotes match their claim
    # (tracker/crossref/claim_restating.py: Gustafsson's "will"/"likely to appeal", Achterberg's
    # "poisoned"/"tainted the jury pool") and a surname its article's full name (speaker_kin
    # `_surnamed`: the founder's "partly"/"largely" and "did not know"/"don't think I knew"); session 30.
    # 8 / 7 at session 31's end: Trenholm's undated openings report is placed on the closings first and its
    # claim is never merged back when it moves (ii33, io33). 8 / 8 in session 32 by either of two rules:
    # ja34's placement puts it on the openings from the first round, and a batch's settle hands the stored
    # articles it moves to their claims' linking (jc34: tracker/crossref/claim_moves.py); 9 / 9 once a short
    # quote with one word swapped joins (claim_restating `_swapped`: Achterberg's "jealousy"/"envy"; jd34).
    # 10 / 10 at session 32's end (jm34's pretrial words extracted on both sides).
    ONE_CLAIM_FLOOR = {0: 10, 3: 10}
