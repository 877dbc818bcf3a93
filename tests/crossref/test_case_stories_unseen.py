"""A second one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/kestrel_v_brightwater.json holds 48 invented articles from nine invented
outlets about one invented trial (Kestrel Analytics v. Brightwater Labs, a distillation dispute), labelled
by event as they were written, before any code under tracker/crossref was read and before the clusterer
ran on them. marsh_v_northlight.json (test_case_stories.py) is the set the clusterer is tuned on; this one
is kept unseen by tuning, so it measures what carries over. It holds wire copies under other headlines, a
spun and a shortened copy, a report, an analysis and an opinion of one outlet, a testimony over five days,
events a day apart, an article updated in place (first published short, then longer at the same URL),
and fourteen documented disagreements between outlets reporting one speaker's statement (quoted words,
a hedge, a number, a date).

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then the updated article's feed again, the way a poll finds an edit.
Each mode's chain runs once, in a transaction rolled back at the end, and the tests read its figures.
The floors sit just under what the chain reached when they were set: they catch a regression, not the
goal (issue 16 asks ARI >= 0.9, every copy group linked, most disagreements shown).
"""

from __future__ import annotations

import pytest

from tests.support.case_stories import BlindSet, CaseSet

# Every test is marked so that pytest-django sets up the test database for the class fixture too.
pytestmark = pytest.mark.django_db


# How each documented disagreement is found in the stored rows (`found_by` of tests/support/case_stories.py).
FOUND_BY = {
    ("Caroline Ashby", "e1-openings", "quoted words"): (
        "answers they took",
        "answers they stole",
        "took",
        "stole",
    ),
    ("Helena Voss", "e2-voss", "number"): (
        "14 million queries",
        "11 million queries",
        "14 million",
        "11 million",
    ),
    ("Helena Voss", "e2-voss", "quoted words"): ("copying it", "cloning it", "copying", "cloning"),
    ("Owen Pell", "e3-pell", "quoted words"): ("my own memory", "in my head", "memory", "head"),
    ("Nadia Farouk", "e4-farouk", "hedge"): ("We used Osprey outputs", "partly used", None, "partly"),
    ("Nadia Farouk", "e4-farouk", "date"): ("stopped in March 2025", "ended in May 2025", "March", "May"),
    ("Ilse Marquardt", "e5-expert", "hedge"): ("could only have come", "almost certainly", None, "almost"),
    ("Tobias Lindqvist", "e6-lindqvist", "hedge"): ("would not have", "never personally", None, "personally"),
    ("Tobias Lindqvist", "e6-lindqvist", "number"): ("$85 million", "$58 million", "85", "58"),
    ("Harold Benning", "e7-ruling", "hedge"): ("no evidence", "little evidence", None, "little"),
    ("Raymond Tse", "e8-closings", "number"): ("$1.2 billion for", "$1.4 billion for", "1.2", "1.4"),
    ("Caroline Ashby", "e8-closings", "quoted words"): (
        "from Nadia Farouk,",
        "Farouk herself",
        None,
        "herself",
    ),
    ("Helena Voss", "e9-verdict", "quoted words"): (
        "free for the taking",
        "theirs to take",
        "free",
        "theirs",
    ),
    ("Tobias Lindqvist", "e10-posttrial", "number"): ("within 30 days", "within 60 days", "30", "60"),
}


class TestKestrelVBrightwater(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own;
    its ARI test prints the whole coverage, and its copy test asks every wire copy's whole group linked."""

    CASE = CaseSet("kestrel_v_brightwater.json", FOUND_BY)
    DOCUMENTED = {"articles": 48, "stories": 10, "publishers": 9, "copy groups": 6, "disagreements": 14}
    COPY_KINDS = {"wire": 5, "spun": 1, "shortened": 1}
    # Measured when set (session 20, at c277cc8's code): ARI 0.804 dated and 0.804 with every third undated
    # (16 stories found for 10 events); 5 of the 6 copy groups linked (the synonym-spun copy is not); of the
    # 14 disagreements, 8 shown dated and 7 with every third undated; 10 and 9 once a one-word speaker takes
    # its article's full name (tracker/nlp/article_names.py); 9 and 8 while d3dee6c credited "Kestrel's
    # lead lawyer, Caroline Ashby, said" to Kestrel (her opening quote no longer met the outlet that wrote
    # "Ashby said"), a regression this set caught; 10 and 9 again since a lawyer named beside the word
    # speaks in her own name (representatives.via, speakers.jsonl `named_speaks`); 11 and 10 since a "she"
    # after a sentence whose subject is a surname the entity model missed ("Voss said ...") takes that
    # person (tracker/nlp/missed_surnames.py: Voss's "copying it" meets another outlet's "cloning it").
    # ARI 0.847 dated and 0.847 a third undated (15 stories) once a pair sharing a participant rare among
    # the articles compared meets the floor, not the relative bar (tracker/crossref/relative.py); 0.874 in
    # both modes (14 stories) at session 24's start, and with strays.py (which changes nothing here);
    # 0.913 in both modes (13 stories) once a pair left apart joins the story it clearly belongs to
    # (session 25, strays.py: the openings' two reports and their two reports of the same day).
    # Disagreements shown 12 and 11 once a count in millions is read ("14 million queries") and
    # "spending ... at $58 million" is a cost (tracker/nlp/amounts.py): Lindqvist's $85 / $58 million.
    # Session 31's end (ii33: bylines and live-blog frames are no participants): 0.955 in both modes.
    ARI_FLOOR = {0: 0.95, 3: 0.95}
    COPY_GROUPS_LINKED = 6  # all six groups since session 27; the floor had stayed at 5
    # 13 and 12 (session 29, hg31) once "the Kestrel lawyer told the jury" (the words given to Kestrel
    # through its unnamed lawyer) joins Caroline Ashby's claim, whom the article names, and a sentence
    # quoted whole ("... from Nadia Farouk,") no longer agrees with a longer wording of it ("... herself,").
    SHOWN_FLOOR = {0: 13, 3: 12}
    # Sides on one claim (session 26, hg28): 11 of 14 dated, 10 a third undated. Apart: "the Kestrel lawyer"
    # read as "Kestrel" (Ashby's closing), an unresolved "She" with "stopped" / "ended" (Farouk), a sum
    # said with no verb of saying (Lindqvist's $58 million); undated, Pell's two reports in two stories.
    # 12 and 11 (session 29, hg31): Ashby's closing is one claim (tracker/crossref/speaker_kin.py).
    ONE_CLAIM_FLOOR = {0: 12, 3: 11}

    def test_one_case_coverage_clusters_by_event_above_its_floor(self, coverage):
        undated, measured = coverage
        assert measured.ari >= self.ARI_FLOOR[undated], measured

    def test_copy_groups_are_linked_to_their_original(self, coverage):
        _, measured = coverage
        assert sum(measured.groups.values()) >= self.COPY_GROUPS_LINKED, measured.groups
        wire = {r["copy_of"] for r in self.CASE.articles if r.get("copy_kind") == "wire"}
        assert all(measured.groups[original] for original in wire), measured.groups

    def test_the_article_updated_in_place_keeps_its_version_and_is_read_again(self, coverage):
        _, measured = coverage
        assert measured.versions == 1
        assert measured.update_read and all(measured.update_read.values()), measured.update_read
