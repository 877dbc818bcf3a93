"""A fourth one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/solvane_v_quillfeather.json holds 53 invented articles from nine invented outlets
about one invented case (Solvane Technologies v. Quillfeather Labs, a federal jury trial in Denver over a
start-up training its chatbot on a rival's model outputs through 212 paid API accounts), labelled by event
as they were written, before any code under tracker/crossref or tracker/sources was read and before the
clusterer ran on them (hb22). It is different in kind from the other sets: twelve events spread over nine
months (the complaint, the motion to dismiss argued and, three weeks later, ruled on, a discovery fight over
deleted logs, a deposition leaked in July, jury selection and openings on consecutive days, three witnesses
on four trial days, the verdict, post-trial motions six weeks later), with the same cast throughout; a
Spanish translation of one outlet's scoop and a stilted English translation of that translation; two live
blogs with clock times only; an explainer naming five events; an analysis, an opinion and an interview a
month after the verdict; wire, spun and shortened copies; fifteen documented disagreements (quoted words,
hedges, numbers, dates), each side verbatim in its article.

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then the updated article's feed again, the way a poll finds an edit.
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
    ("Dana Whitcombe", "e1-complaint", "quoted words"): (
        "copied the judgment",
        "stole the judgment",
        "copied",
        "stole",
    ),
    ("Solvane Technologies", "e1-complaint", "number"): (
        "3.1 million queries",
        "1.3 million queries",
        "3.1 million",
        "1.3 million",
    ),
    ("Beatrice Oduya", "e2-mtd-hearing", "quoted words"): (
        "Terms of service are not a trade secret",
        "terms-of-service page is not",
        "Terms of service are",
        "page",
    ),
    ("Conrad Ilves", "e3-mtd-ruling", "quoted words"): (
        "plausibly alleges",
        "sufficiently alleges",
        "plausibly",
        "sufficiently",
    ),
    ("Lena Marchetti", "e4-discovery", "number"): ("30-day retention", "90-day retention", "30", "90"),
    ("Tobias Renner", "e5-deposition-leak", "quoted words"): (
        "Meridian as a teacher, like everyone",
        "Meridian as a tutor",
        "teacher",
        "tutor",
    ),
    ("Lena Marchetti", "e5-deposition-leak", "hedge"): (
        "were taken out of context",
        "appear to have been taken",
        None,
        "appear",
    ),
    ("Gregory Halloran", "e7-openings", "quoted words"): (
        "stolen education",
        "borrowed education",
        "stolen",
        "borrowed",
    ),
    ("Beatrice Oduya", "e7-openings", "number"): (
        "spent eleven months",
        "spent eighteen months",
        "eleven",
        "eighteen",
    ),
    ("Jonah Castellanos", "e8-castellanos-testimony", "date"): (
        "in March 2024",
        "in May 2024",
        "March",
        "May",
    ),
    ("Tobias Renner", "e9-renner-testimony", "hedge"): (
        "I never told anyone",
        "I don't believe I ever told",
        None,
        "believe",
    ),
    ("Anneliese Marrow", "e10-expert-testimony", "number"): ("In 94 percent", "In 84 percent", "94", "84"),
    ("Dana Whitcombe", "e11-verdict", "quoted words"): (
        "shortcut your way",
        "cheat your way",
        "shortcut",
        "cheat",
    ),
    ("Beatrice Oduya", "e11-verdict", "hedge"): (
        "We will appeal",
        "considering an appeal",
        None,
        "considering",
    ),
    ("Conrad Ilves", "e12-post-trial", "date"): ("by January 15", "by January 5", "January 15", "January 5"),
}


class TestSolvaneVQuillfeather(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own."""

    CASE = CaseSet("solvane_v_quillfeather.json", FOUND_BY)
    DOCUMENTED = {"articles": 53, "stories": 12, "publishers": 9, "copy groups": 9, "disagreements": 15}
    COPY_KINDS = {"wire": 4, "spun": 2, "shortened": 1, "translated": 1, "back-translated": 1}
    UPDATED = 1
    SIDES_VERBATIM = True
    # Measured when set (hb22, at 6df3cd5's code, before anyone tuned on this set; PostgreSQL and SQLite
    # alike): ARI 0.626 dated (23 stories found for 12 events) and 0.595 with every third undated (19
    # stories); 7 of the 9 copy groups linked (every wire, both spun, the shortened copy; neither the Spanish
    # translation nor the English translation of it); of the 15 disagreements, 10 shown in each mode (not
    # the same 10: the judge's date is shown only with every third undated, the CEO's teacher/tutor only
    # dated). The clusterer splits far more than it merges here: most events' stories are right but for one
    # or two articles standing alone (an explainer-style lead, a money angle, a next-day cross-examination,
    # the analysis, opinion and interview after the verdict). Why each is split, and why the others are not
    # shown, is in the commit that set these floors. Session 24: ARI 0.653 dated and 0.595 a third undated
    # at its start, 0.730 and 0.649 once a report left alone joins the story it clearly belongs to
    # (strays.py; this set was not looked at while its constants were chosen). Session 25: 0.803 and 0.736
    # (17 and 14 stories) once a pair left apart joins too (strays.py; measured only, not tuned on).
    # Session 28: 0.830 dated (a third undated 0.736, the same) once a copy the sources linked ends in its
    # original's story (the Spanish translation of the leaked deposition had a story of its own dated:
    # tracker/crossref/stored_copies.py); 0.900 dated once one outlet's analysis and opinion of the days
    # after the verdict, each the other's closest rival, join the verdict's story (strays._beside); 0.945
    # dated once the rare-participant lift is graded (relative._grade: the openings report whose lead names
    # the "U.S." District Judge, a name just past the cut, no longer lifted into jury selection).
    # Session 29 (he31): 0.846 a third undated (13 stories; dated unchanged) once a copy group holding an
    # undated run links by its best run (tracker/crossref/copy_links.py: Capital Post's undated run of the
    # openings wire report, not Pine Wire's headline, decides the link of the judge's-warning report).
    # Measured on he31's base; with hg31's harness reading the verdict article's update (its page served),
    # Capital Post's verdict analysis and opinion part a third undated: 0.794 (0.736 -> 0.729 from that
    # alone), so the floor sits under 0.794.
    # Session 30 (ie32): 0.794 -> 0.910 a third undated, the two Renner reports placed by other outlets'
    # reports of Renner's day, not their own outlets' pieces of earlier days, and the interview by the
    # verdict's reports together (tracker/crossref/undated.py).
    # Session 31's end: 0.945 / 0.852 (ii33's frames took away a byline that had sent two undated reports
    # to their day by luck; io33's rule that mended it broke order independence and was reverted).
    # Session 32 (ja34: io33's rule back, order independent): 0.945 / 0.916.
    ARI_FLOOR = {0: 0.94, 3: 0.91}
    # Session 22: all 9 groups linked once a copy in another language is decided on its sentence-ordered names
    # and figures alone (sources/close_reading.py, hc22's rule for Ferrowind's translated-sounding copies,
    # with the language clause the lead added before this set was run on it: measured once, then set).
    COPY_GROUPS_LINKED = 9
    # 12 and 12 in session 26; 14 and 13 once speaker_kin joins (session 27); 15 and 14 once the harness
    # serves the updated article's page (session 29, hg31: Whitcombe's "cheat your way" is read).
    SHOWN_FLOOR = {0: 15, 3: 14}
    # Sides on one claim (session 26, hg28): 8 of 15 in both modes. Apart: speakers unresolved ("he",
    # "the Quillfeather founder", a bare "Halloran", "The complaint"), reworded words (Marchetti,
    # Oduya), one side with no claim (Whitcombe's verdict). 9 and 8 at 3c3f21d (the founder resolved by
    # the extraction, dated); 11 dated and 10 a third undated (session 27, hn29) once a short speaker
    # whose article names the person and quotes the same words joins that person's claim
    # (tracker/crossref/speaker_kin.py: Castellanos's "he", a bare "Halloran"); disagreements shown 14
    # and 13 then (13 and 12 before). Undated, Renner's two reports are in two stories. 12 and 11 once the
    # update is read (session 29, hg31). 14 and 13 once restated quotes match their claim (session 30,
    # ih32, tracker/crossref/claim_restating.py: Marchetti's "taken out of context", Oduya's "will"/
    # "considering an appeal").
    ONE_CLAIM_FLOOR = {0: 14, 3: 13}

    # The update is a 146-word text in a full-content Atom feed with no separate summary: feedparser gives the
    # content as the summary too, so the entry is "full text" only from FULL_TEXT_WORDS (150,
    # tracker/sources/entries.py) and the chain takes the edit as a summary-only feed's and fetches the
    # page. Until session 29 the harness answered that fetch with the feed itself, so the later text was
    # never read (an xfail here); it now serves the article's page (`CaseSet.update_in_place`), as the
    # outlet would, and the chain reads the later text. Until later in session 29 it kept no version of the
    # first text (the other sets' full-text updates did): `sources.articles.apply_page` recorded an edit only
    # for an article whose status was FETCHED, and this one, analysed, is ANALYZED.
    # (`BlindSet.test_the_articles_updated_in_place_keep_their_versions_and_are_read_again` checks it.)
