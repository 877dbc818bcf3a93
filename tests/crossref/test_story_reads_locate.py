"""Where an evidence sentence starts in its article (`story_reads.locate`, which the figures, statements,
content dates and quoted hedges steps place their words by): the extraction gives a sentence plain spaces
where the stored text prints odd ones (nlp/odd_spaces.py), so a no-break or thin space reads as a plain
one. Invented sentences."""

from tracker.crossref.story_reads import locate

TEXT = "The Brenholt inquiry resumed. Judge\xa0Mavery\u2009said the ledgers were late. She adjourned."
SAID = "Judge Mavery said the ledgers were late."


def test_a_sentence_printed_with_odd_spaces_is_found_at_its_start():
    """The claim's start ("the ledgers") is inside the sentence: the sentence's start is found, not the
    claim's. Seen failing with the odd spaces compared as stored (the claim's start returned)."""
    claim_start = TEXT.index("the ledgers")
    assert locate(TEXT, SAID, claim_start) == TEXT.index("Judge")


def test_the_nearest_copy_before_the_start_and_no_copy():
    """Of two copies printed with odd spaces, the nearest before the start; no copy: the start."""
    twice = f"{TEXT} Then again: {TEXT}"
    assert locate(twice, SAID, len(twice) - 5) == twice.rindex("Judge")
    assert locate(twice, SAID, TEXT.index("the ledgers")) == TEXT.index("Judge")
    assert locate(TEXT, "Nobody said the ledgers were late.", 40) == 40
    assert locate(TEXT, "", -2) == 0
