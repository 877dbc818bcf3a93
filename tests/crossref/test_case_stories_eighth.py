"""An eighth one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/corvale_v_thistlewick.json holds 51 invented articles from nine invented outlets
about one invented case (Corvale Dynamics v. Thistlewick AI and Ilario Quenneville, a federal trade-secrets
suit in Boston over AI model weights: a Cambridge AI lab suing a Providence start-up and its co-founder, the
lab's former head of post-training, alleging he copied its Heron-3 checkpoint files before resigning and that
the start-up's Pennant model was built from them), labelled by event as they were written, before the chain
ran on them and without reading anything under tracker/, docs/evaluation.md or CHANGELOG.md (jb34, session
32). Eleven events over ten weeks with the same cast in nearly every one (the judge, both lawyers and the
co-founder): the suit and the temporary restraining order, two depositions' excerpts filed a week apart (the
co-founder's, the start-up CEO's), the three days of a preliminary-injunction hearing (the lab's insider-risk
head; the lab's watermark expert; the defense expert and closings), the injunction granted in part, the
appeal and emergency stay motion, reported settlement talks, a contempt motion over a Pennant endpoint left
running and the contempt finding. One national daily's report, analysis and opinion on the watermark
expert's day over three days (the analysis on the next event's day); a business daily's analysis of the
injunction the next Monday; an AI trade site's recap of the whole case the day after the appeal; four live
blogs with clock times only; two articles updated in place (the first hearing day's live blog, morning then
the whole day; a local paper's breaking bulletin on the injunction grown into a report); five wire copies
(one a local paper running the wire with its own footer), two spun (quotes swapped too where the word list
reaches them), two shortened and a Spanish machine translation; heavy boilerplate (bylines, photo captions,
a WordPress caption shortcode, newsletter prompts, 'Related:' lists naming other events' headlines), leftover
HTML tags and entity escapes; sixteen documented disagreements (quoted words, hedges, numbers, dates), each
side verbatim in its article; about a third of the articles state no date or weekday in their text.

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then the updated articles' feeds again, the way a poll finds an edit.
The floors sit just under what the chain reached the first time it ran on the set (FIRST FIGURES below):
they catch a regression, not the goal (issue 16 asks ARI >= 0.9, every copy group linked, most
disagreements shown). Nothing under tracker/ was changed for this set: it measures what the clusterer and
the claim merging carry over.

First figures (jb34, session 32, at 725f55f's code; the labels and this test committed with every floor at 0
before the run, 5bcb627): ARI 0.939 dated (11 stories for 11 events: the business daily's analysis of the
injunction, published the Monday after, joins the appeal's story) and 1.000 with every third undated (11
stories, each event's); 9 of 9 copy groups linked in both modes (the Spanish translation and both spun copies
included); 10 of 16 disagreements shown and 9 of 16 on one claim in both modes; no row comparing two events
and no row repeated in either mode; both updates kept as versions and read again.
"""

from __future__ import annotations

import pytest

from tests.support.case_stories import BlindSet, CaseSet

# Every test is marked so that pytest-django sets up the test database for the class fixture too.
pytestmark = pytest.mark.django_db


# How each documented disagreement is found in the stored rows (`found_by` of tests/support/case_stories.py).
FOUND_BY = {
    ("Thaddea Winslowe", "e1-suit-and-restraining-order", "quoted words"): (
        "substantial likelihood that the model weights",
        "strong likelihood that the model weights",
        "substantial",
        "strong",
    ),
    ("Desmond Falkenrath", "e1-suit-and-restraining-order", "number"): (
        "Quenneville copied 1.4 terabytes",
        "Quenneville copied 1.6 terabytes",
        "1.4",
        "1.6",
    ),
    ("Ilario Quenneville", "e2-quenneville-deposition", "quoted words"): (
        "I took my notebooks",
        "I took my notes",
        "notebooks",
        "notes",
    ),
    ("Ilario Quenneville", "e2-quenneville-deposition", "date"): (
        "resigned on June 5, 2026",
        "resigned on June 15, 2026",
        "June 5",
        "June 15",
    ),
    ("Bastian Corrigall", "e3-corrigall-deposition", "hedge"): (
        "Pennant was trained only on licensed and public data",
        "Pennant was probably trained only on licensed",
        None,
        "probably",
    ),
    ("Keziah Montferrand", "e4-hearing-montferrand", "number"): (
        "downloaded about 9,400 files",
        "downloaded about 9,100 files",
        "9,400",
        "9,100",
    ),
    ("Keziah Montferrand", "e4-hearing-montferrand", "quoted words"): (
        "someone packing for a move",
        "someone packing to leave",
        "for a move",
        "to leave",
    ),
    ("Linnea Sauvageot", "e5-sauvageot-expert", "number"): (
        "reproduced 31 of 40",
        "reproduced 34 of 40",
        "31",
        "34",
    ),
    ("Linnea Sauvageot", "e5-sauvageot-expert", "hedge"): (
        "Pennant was distilled from Heron's outputs",
        "Pennant was likely distilled from Heron's outputs",
        None,
        "likely",
    ),
    ("Teodor Brackenridge", "e6-defense-expert-and-closings", "quoted words"): (
        "is the boring explanation",
        "is the dull explanation",
        "boring",
        "dull",
    ),
    ("Cordelia Nakashima-Rowe", "e6-defense-expert-and-closings", "number"): (
        "lay off 60 employees",
        "lay off 70 employees",
        "60",
        "70",
    ),
    ("Thaddea Winslowe", "e7-injunction-granted", "number"): (
        "post a $7.5 million bond",
        "post a $6.5 million bond",
        "7.5",
        "6.5",
    ),
    ("Thaddea Winslowe", "e7-injunction-granted", "quoted words"): (
        "fingerprints are too many to be chance",
        "fingerprints are too numerous to be chance",
        "too many",
        "too numerous",
    ),
    ("Cordelia Nakashima-Rowe", "e8-appeal-filed", "date"): (
        "to rule by December 1,",
        "to rule by December 11,",
        "December 1",
        "December 11",
    ),
    ("Desmond Falkenrath", "e10-contempt-motion", "number"): (
        "answered 48,000 requests",
        "answered 46,000 requests",
        "48,000",
        "46,000",
    ),
    ("Cordelia Nakashima-Rowe", "e11-contempt-ruling", "hedge"): (
        "Thistlewick will appeal the contempt finding",
        "Thistlewick may appeal the contempt finding",
        None,
        "may",
    ),
}


class TestCorvaleVThistlewick(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own."""

    CASE = CaseSet("corvale_v_thistlewick.json", FOUND_BY)
    DOCUMENTED = {"articles": 51, "stories": 11, "publishers": 9, "copy groups": 9, "disagreements": 16}
    COPY_KINDS = {"wire": 5, "spun": 2, "shortened": 2, "translated": 1}
    UPDATED = 2  # both past 150 words (the live blog 234, the local paper's report 223): `BlindSet`'s test of their versions
    SIDES_VERBATIM = True
    # Measured when set (jb34, session 32, at 725f55f's code, the first time the chain ran on the set; the
    # lead's probe and a second run alike): ARI 0.939 dated (11 stories for 11 events; the business daily's
    # analysis of the injunction, published the Monday after, joins the appeal's story, with the wire's
    # appeal story, its business-daily copy, the legal trade paper's report and the AI trade site's recap of
    # the whole case) and 1.000 with every third undated (that analysis among the undated, it finds the
    # injunction's story; every other article is in its event's story in both modes).
    ARI_FLOOR = {0: 0.93, 3: 0.99}
    # 9 of 9 groups linked in both modes: five wire copies (one the local paper's with its own footer), both
    # spun, both shortened and the Spanish translation of the wire's injunction story.
    COPY_GROUPS_LINKED = 9
    # 10 of 16 shown in both modes (Falkenrath's 1.4/1.6 terabytes, Quenneville's notebooks/notes, Corrigall's
    # probably, Montferrand's 9,400/9,100 files and packing for a move/to leave, Brackenridge's boring/dull,
    # Nakashima-Rowe's 60/70 employees and will/may appeal, the judge's $7.5/$6.5 million bond and too
    # many/too numerous). Not shown (`why_not_shown`, the same in both modes): the judge's substantial/strong
    # likelihood in the restraining order (no claim extracted in the legal trade paper's sentence, whose
    # subject is "The order"); Quenneville's June 5/15 resignation, Sauvageot's 31/34 of 40 sequences and
    # her likely, Nakashima-Rowe's December 1/11 (claims not merged); Falkenrath's 48,000/46,000 requests
    # (one claim, no row).
    # 12 / 12 in session 32 (ji34: Falkenrath's 46,000 said after an ask is no ask; "The order found" speaks
    # for the judge named before), 13 / 12 with jl34's December 1/11 (a row dated; undated one claim, no row).
    # 14 / 14 in session 33 (ke35): Quenneville's June 5/15 on one claim (words from the content's start
    # to a date, `claim_slots`) and, undated, December 1 of the article with no publication day compared
    # (content_dates `yearless`).
    # 15 / 15 (kk35): Sauvageot's 31/34 of 40, on one claim since kd35, read at the claim's shared slot key
    # (discrepancies/slot_figures.py; nlp.amounts reads no amount at "31 of 40").
    SHOWN_FLOOR = {0: 15, 3: 15}
    # Sides on one claim: 9 of 16 in both modes. Apart: the five not shown but the one-claim 48,000/46,000,
    # and two shown all the same from claims kept apart (Falkenrath's 1.4/1.6 terabytes, Montferrand's
    # 9,400/9,100 files).
    # jl34 (session 32): Nakashima-Rowe's December 1/11 on one claim in both modes (a date that ends the
    # words, `claim_slots`; 10 / 10 on main before it, so the floor fails with that rule off).
    # 12 / 12 in session 33 (ke35: Quenneville's resignation, above).
    # kd35 (session 33): Sauvageot's 31/34 of 40, "A computer scientist" met as the person her article
    # names by the slot key they share (speaker_kin). No row yet (rule missing). Both: 13 / 13.
    ONE_CLAIM_FLOOR = {0: 13, 3: 13}
    # Rows whose sides are of different labelled events and rows repeated: none in either mode at the first
    # run (`BlindSet.MIXED_CEILING` and its `twice` assertion hold as they are).
