"""A ninth one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/vantoria_v_marrowline.json holds 52 invented articles from nine invented outlets
about one invented case (Vantoria Labs v. Marrowline AI, a civil jury trial in a federal court in Oakland
over AI model distillation: a San Francisco lab suing an Oakland start-up for breach of its API terms and
misappropriation of trade secrets, alleging accounts opened under other names harvested its Sable models'
answers to train the start-up's Tern chatbot), labelled by event as they were written, before the chain ran
on them and without reading anything under tracker/, patterns/, docs/ or bench/ (ka35, session 33). Eleven
events over eight weeks with the same three principals in every one (the judge and both chief executives):
openings, the plaintiff CEO's testimony, a former engineer's deposition read to the jury, the plaintiff's
expert on API logs, the judge's rulings on disputed exhibits with the jury out, the defendant CEO's
testimony, the defense expert and the defense resting, closings (with an AI trade site's recap of the whole
trial), the verdict (one national daily's report, analysis and opinion the same day; a business daily's
analysis the next Monday), post-trial motions and the ruling on them. Four live blogs with clock times only;
two articles updated in place (the openings' live blog, morning then the whole day; the legal trade paper's
verdict bulletin grown into a report); five wire copies under other headlines (four with the outlet's own
footer), two spun (quotes swapped too where the word list reaches them), two shortened and a French machine
translation of the wire's verdict story; bylines, a caption shortcode, newsletter prompts, 'Related:' lines
naming other events' headlines, leftover HTML and entity escapes; fifteen documented disagreements (six
quoted words, five numbers, two hedges, two dates), each side verbatim in its article. Harder than the
earlier sets in ways real news is: speakers introduced by a description before their name ("An expert hired
by Vantoria Labs told jurors", "Marrowline AI's chief executive acknowledged", "A federal judge in Oakland
... The judge, Marguerite Haverkamp, ... which she called"), surname-only references on a disagreement's
side ("Whitcombe testified that"), the same principals named in every event, dates written as "April 30",
"Thursday", "4/30" and "last week". 18 of the 52 articles state no date or weekday for what they report
(two name only a newsletter's "every Friday", two only a July deadline).

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then the updated articles' feeds again, the way a poll finds an edit.
The floors are the figures the chain reached the first time it ran on the set (FIRST FIGURES below): they
catch a regression, not the goal (issue 16 asks ARI >= 0.9, every copy group linked, most disagreements
shown). Nothing under tracker/ was changed for this set.

First figures (ka35, session 33, at main's ce81f26 code; the labels and this test committed with every floor at 0
before the figures were recorded, 1717bdc): ARI 0.850 dated (14 stories for 11 events) and 0.750 with every third
undated (13 stories); 8 of 9 copy groups linked in both modes (not the French translation of the wire's verdict
story); 12 of 15 disagreements shown and 11 of 15 on one claim in both modes; no row repeated; no row comparing
two events dated, two undated (where the openings and the plaintiff CEO's day are one story); both updates kept
as versions and read again.
"""

from __future__ import annotations

import pytest

from tests.support.case_stories import BlindSet, CaseSet

# Every test is marked so that pytest-django sets up the test database for the class fixture too.
pytestmark = pytest.mark.django_db


# How each documented disagreement is found in the stored rows (`found_by` of tests/support/case_stories.py).
FOUND_BY = {
    ("Imogen Castellane", "e1-openings", "quoted words"): (
        "built its model by copying our homework",
        "built its model by copying our answers",
        "homework",
        "answers",
    ),
    ("Benedikt Oyelaran", "e1-openings", "number"): (
        "spent $41 million training Tern",
        "spent $47 million training Tern",
        "41",
        "47",
    ),
    ("Theodora Quist", "e2-quist-testifies", "hedge"): (
        "Marrowline's model was trained on Sable's answers",
        "Marrowline's model was probably trained",
        None,
        "probably",
    ),
    ("Ansel Whitcombe", "e3-whitcombe-deposition-read", "quoted words"): (
        "pulled Sable's answers by the truckload",
        "pulled Sable's answers by the bucketload",
        "truckload",
        "bucketload",
    ),
    ("Ansel Whitcombe", "e3-whitcombe-deposition-read", "date"): (
        "an email on March 3, 2025",
        "an email on March 13, 2025",
        "March 3",
        "March 13",
    ),
    ("Henrike Tamsworth", "e4-api-log-expert", "number"): (
        "sent 11.2 million requests",
        "sent 12.1 million requests",
        "11.2",
        "12.1",
    ),
    ("Henrike Tamsworth", "e4-api-log-expert", "quoted words"): (
        "The logs read like a syllabus",
        "The logs read like a curriculum",
        "syllabus",
        "curriculum",
    ),
    ("Marguerite Haverkamp", "e5-exhibit-rulings", "quoted words"): (
        "a sales pitch, not evidence",
        "a marketing pitch, not evidence",
        "sales",
        "marketing",
    ),
    ("Rafferty Solberg", "e6-solberg-testifies", "quoted words"): (
        "We were benchmarking, not copying",
        "We were testing, not copying",
        "benchmarking",
        "testing",
    ),
    ("Rafferty Solberg", "e6-solberg-testifies", "number"): (
        "opened about 400 developer accounts",
        "opened about 40 developer accounts",
        "400",
        "40",
    ),
    ("Gideon Ferrant", "e7-defense-expert-rests", "hedge"): (
        "the overlap is explained by shared public web data",
        "the overlap is likely explained",
        None,
        "likely",
    ),
    ("Imogen Castellane", "e8-closings", "number"): (
        "Marrowline should pay $186 million",
        "Marrowline should pay $168 million",
        "186",
        "168",
    ),
    ("Rafferty Solberg", "e9-verdict", "quoted words"): (
        "a sad day for open research",
        "a dark day for open research",
        "sad",
        "dark",
    ),
    ("Imogen Castellane", "e10-post-trial-motions", "date"): (
        "order Tern offline by July 1 unless",
        "order Tern offline by July 15 unless",
        "July 1",
        "July 15",
    ),
    ("Marguerite Haverkamp", "e11-post-trial-ruling", "number"): (
        "the evidence supports an award of $61.5 million",
        "the evidence supports an award of $65.1 million",
        "61.5",
        "65.1",
    ),
}


class TestVantoriaVMarrowline(BlindSet):
    """The tests of every blind set (`BlindSet`: ARI, copy groups, disagreements shown) and this set's own."""

    CASE = CaseSet("vantoria_v_marrowline.json", FOUND_BY)
    DOCUMENTED = {"articles": 52, "stories": 11, "publishers": 9, "copy groups": 9, "disagreements": 15}
    COPY_KINDS = {"wire": 5, "spun": 2, "shortened": 2, "translated": 1}
    UPDATED = 2  # both past 150 words (the live blog 226, the legal trade paper's report 225): `BlindSet`'s test of their versions
    SIDES_VERBATIM = True
    # Measured when set (ka35, session 33, at ce81f26's code, the first time the figures were recorded; two more
    # runs alike): ARI 0.8500 dated (14 stories for 11 events: the plaintiff CEO's day splits off the local
    # paper's undated piece on Marrowline's staff; the AI trade site's recap, published on closings day, joins
    # the verdict's story; the verdict's French translation and the business daily's analysis the next Monday
    # stand alone) and 0.7498 with every third undated (13 stories: the openings, the wire's and the AI trade
    # site's reports of the plaintiff CEO's day, the wire copy of one and the recap are one story; the local
    # paper's piece alone; the national daily's opinion with the business daily's analysis; the translation
    # alone). The floors are those figures.
    # Tuned on since (ki35, session 33): the translation linked (office titles no anchors, sources/anchors.py)
    # joins the verdict's story: 0.8862 dated (13 stories), 0.7859 with every third undated (12).
    ARI_FLOOR = {0: 0.8862, 3: 0.7859}
    # 8 of 9 groups linked in both modes: every wire copy (two with a local paper's footer), both spun, both
    # shortened; not the French translation of the wire's verdict story (a story of its own).
    # Since (ki35): 9 of 9, the translation too (English capitalises "U.S. District Judge", "Chief Executive"
    # before a name, the French copy does not: those words are no anchors now, patterns/office_titles.jsonl).
    COPY_GROUPS_LINKED = 9
    # 12 of 15 shown in both modes. Not shown (`why_not_shown`, the same in both modes), all "claims not
    # merged" (what the sides' sentences look like follows, not a diagnosis: the set's writer has not read
    # tracker/): the judge's sales/marketing pitch (the AI trade site's side is "which she called", after "A
    # federal judge in Oakland" and "The judge, Marguerite Haverkamp,"), Solberg's about 400/40 accounts (the
    # business daily's side has "Marrowline AI's chief executive acknowledged", the name a sentence later) and
    # Castellane's July 1/15 deadline.
    # Since session 33's claim rules (kd35, ke35; not written for this set): 13 in both modes,
    # Castellane's July 1/15 shown; 14 with Solberg's 400/40 read at the claim's slot key (kk35, slot_figures).
    SHOWN_FLOOR = {0: 14, 3: 14}
    # Sides on one claim: 11 of 15 in both modes. Apart: the three not shown, and Tamsworth's 11.2/12.1 million
    # requests, shown all the same from two claims (the wire's side follows "An expert hired by Vantoria Labs
    # told jurors").
    # Since (session 33, kd35/ke35): 14 of 15 in both modes; apart only the judge's sales/marketing pitch.
    ONE_CLAIM_FLOOR = {0: 14, 3: 14}
    # Rows whose sides are of different labelled events, a ceiling: none dated; two with every third undated,
    # both in the story that joins the openings with the plaintiff CEO's day: Quist's hedge row (her
    # "probably") takes the recap's lead as a variant, and Oyelaran's $41/$47 million row takes Quist's
    # "$310 million" spent building Sable-3. No row repeated in either mode (`BlindSet`'s `twice` assertion).
    # Tuned on since (ki35, session 33): none in either mode (two people's figures are two statements,
    # figure_values.by_speaker; a lead states a claim only where the article's evidence says it, statements.py).
    MIXED_CEILING = {0: 0, 3: 0}
