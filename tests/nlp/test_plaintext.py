"""to_plain: markup normalised before spaCy, with offsets that point back into the original text.

Texts are invented. The offset checks read the original at the mapped offsets: after markup is
removed a plain character maps to the markup it came from (`&#8220;` for “), every other character
to itself.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp import extraction
from tracker.nlp.plaintext import to_plain


def assert_maps_back(original: str) -> str:
    """Each plain character is itself in the original, or the markup it replaced; returns the plain text."""
    plain = to_plain(original)
    for i, char in enumerate(plain.text):
        source = original[plain.start(i) : plain.end(i + 1)]
        markup = source[:1] in ("&", "<", "\\") or (char.isspace() and source.isspace())
        assert source == char or markup, (i, char, source)
    return plain.text


def test_plain_text_comes_back_unchanged_with_identity_offsets():
    text = "Jane Smith said on Tuesday: “We will appeal.” Costs rose 5% - a record.\n\nAT&T declined."
    plain = to_plain(text)
    assert plain.text == text
    assert plain.identity
    assert (plain.start(7), plain.end(12)) == (7, 12)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Smith said &#8220;no&#8221; &amp; left", "Smith said “no” & left"),
        ("a&nbsp;b &ldquo;c&rdquo; &#x2019;d", "a b “c” ’d"),
        ("AT&T and &madeup; stay", "AT&T and &madeup; stay"),
    ],
)
def test_html_entities_are_decoded(original, expected):
    assert to_plain(original).text == expected
    assert_maps_back(original)


def test_leftover_tags_are_removed_and_blocks_become_paragraphs():
    original = (
        '<p>First <b>bold</b> line.<br/>Second <a href="https://x.example/a">link</a>.</p>\n<p>Next</p>'
    )
    plain = assert_maps_back(original)
    assert plain == "First bold line.\nSecond link.\n\nNext\n\n"


def test_comments_and_scripts_are_dropped_whole():
    plain = to_plain("Before<!-- hidden --> <script>var x = '<p>';</script>after").text
    assert plain == "Before after"


def test_backslash_escaped_json_is_unescaped():
    original = r"<p>He said \"we won\" and \u201cmore\u201d<\/p>\n<p>Then \ud83d\ude00<\/p>"
    plain = assert_maps_back(original)
    assert plain == 'He said "we won" and “more”\n\nThen 😀\n\n'


def test_a_single_backslash_in_prose_is_left_alone():
    assert to_plain(r"The file C:\new was there.").text == r"The file C:\new was there."


def test_markdown_is_normalised():
    original = (
        "# Ruling day\n\n> **Smith** said _the ruling_ was [wrong](https://x.example/a_b_c).\n"
        "- first point\n* second point\n\n---\n\nsnake_case_name, 2*3*4 and _x_y stay."
    )
    plain = assert_maps_back(original)
    assert plain == (
        "Ruling day\n\nSmith said the ruling was wrong.\nfirst point\nsecond point\n\n\n\n"
        "snake_case_name, 2*3*4 and _x_y stay."
    )


def test_offsets_of_a_claim_in_html_point_at_the_words_of_the_original():
    original = (
        '<div class="story"><h1>Board&nbsp;fight</h1>\n<p>Jane Smith, the chief executive of Acme, said '
        "late on Tuesday that the company would &#8220;fight the ruling&#8221; in court.</p>"
        '<p>&ldquo;We did nothing wrong,&rdquo; Smith told <a href="https://x.example/">reporters</a>.</p>'
    )
    found = extraction.extract([extraction.Document(original, date(2026, 5, 1))])[0]
    by_speaker = {c.speaker: c for c in found.claims}
    first, second = by_speaker["Jane Smith"], by_speaker["Smith"]
    assert original[first.speaker_start : first.speaker_end] == "Jane Smith"
    assert original[first.start : first.end] == "the company would &#8220;fight the ruling&#8221; in court"
    assert first.text == "the company would “fight the ruling” in court"
    assert original[first.sentence_start : first.sentence_end].startswith("Jane Smith, the chief")
    assert original[first.sentence_start : first.sentence_end].endswith("in court.")
    assert [original[q.start : q.end] for q in first.quotes] == ["fight the ruling"]
    assert original[second.start : second.end] == "We did nothing wrong,"
    assert {original[m.start : m.end] for m in found.mentions} >= {"Jane Smith", "Acme", "Smith"}
    assert [original[d.start : d.end] for d in found.dates] == ["Tuesday"]
    assert original[first.date.start : first.date.end] == "Tuesday"


def test_the_pieces_of_a_split_quote_in_html_point_at_the_original():
    original = "<p>&ldquo;We did nothing wrong,&rdquo; Jane Smith said, &ldquo;and we will appeal.&rdquo;</p>"
    [claim] = extraction.extract([extraction.Document(original, date(2026, 5, 1))])[0].claims
    assert [original[a:b] for a, b in claim.pieces] == ["We did nothing wrong,", "and we will appeal."]


@pytest.mark.timeout(10)  # 100 times what one linear pass takes; a quadratic scan takes minutes
@pytest.mark.parametrize(
    "hostile",
    [
        "<" * 400_000,
        "<a " * 130_000,
        '<a href="' + "x" * 400_000,
        "<!--" * 100_000,
        "<script" * 50_000,
        "&amp;" * 80_000,
        "**a " * 100_000,
        "_a " * 130_000,
        "[a](" * 100_000,
        r"\u201c" * 60_000,
        "> " * 200_000,
        "\xa0 " * 200_000,
        "a\u200b" * 200_000,
    ],
    ids=lambda text: repr(text[:6]),
)
def test_a_hostile_large_input_is_read_in_one_pass(hostile):
    plain = to_plain(hostile)  # quadratic scans would take minutes on 400k characters
    assert len(plain.text) <= len(hostile)
    assert plain.start(len(plain.text)) <= len(hostile)


def test_doubled_apostrophes_quote_a_speaker_and_map_back():
    original = "''We will appeal the ruling,'' Jane Smith said on Tuesday. Her aide's car was late."
    found = extraction.extract([extraction.Document(original, date(2026, 5, 1))])[0]
    [claim] = [c for c in found.claims if c.speaker == "Jane Smith"]
    assert original[claim.start : claim.end] == "We will appeal the ruling,"
    assert claim.attribution == "direct"
    assert to_plain(original).text.startswith('"We will appeal the ruling," Jane Smith said')


@pytest.mark.parametrize(
    ("original", "speaker", "content"),
    [
        (
            "“We will appeal the ruling,”Jane Smith said on Tuesday.",
            "Jane Smith",
            "We will appeal the ruling,",
        ),
        (
            "Jane Smith said,“We will appeal the ruling on Tuesday.”",
            "Jane Smith",
            "We will appeal the ruling on Tuesday.",
        ),
        (
            '"We will appeal the ruling,"Jane Smith said on Tuesday.',
            "Jane Smith",
            "We will appeal the ruling,",
        ),
    ],
)
def test_a_quotation_mark_glued_to_the_words_outside_it_still_quotes_a_speaker(original, speaker, content):
    """`ruling,”Jane Smith said`: the mark is set off by a space before spaCy reads the text, so the
    tokenizer no longer makes `ruling,”Jane` one word; offsets still point into the original."""
    found = extraction.extract([extraction.Document(original, date(2026, 5, 1))])[0]
    assert [(c.speaker, original[c.start : c.end]) for c in found.claims] == [(speaker, content)]


def test_marks_inside_words_and_set_off_ones_are_left_alone():
    for text in ('He said "no," and left. Don’t ask.', "the ’90s “boom”"):
        assert to_plain(text).text == text
    assert to_plain('"We lost," he said.\n"Why?"Roe asked.').text == '"We lost," he said.\n"Why?" Roe asked.'


@pytest.mark.timeout(10)
def test_glued_marks_are_found_in_one_pass():
    assert to_plain(',"a' * 130_000).text.startswith(', "a," a')


def test_a_note_opening_a_line_on_how_the_text_was_made_is_taken_out():
    """ "(Translated from German) Roe stated ...": the note is no part of the sentence (editorial_notes.py;
    the fifth trial set's v136, whose claim the parser lost to it); a bracket opened by another word, or
    in the middle of a line, stays."""
    original = (
        "(Translated from German) Jane Roe stated in court that the levy would fail.\n\n(h/t Ledger.) Done."
    )
    assert (
        to_plain(original).text == "Jane Roe stated in court that the levy would fail.\n\n(h/t Ledger.) Done."
    )
    assert to_plain("OAKLAND (Updated) stays.").text == "OAKLAND (Updated) stays."
    [claim] = extraction.extract([extraction.Document(original, date(2026, 5, 1))])[0].claims
    assert (claim.speaker, claim.text) == ("Jane Roe", "the levy would fail")
    assert original[claim.start : claim.end] == "the levy would fail"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("a\xa0serial liar", "a serial liar"),
        ("said\xa0 \xa0that", "said that"),
        ("a thin\u2009space, a\u202fnarrow one", "a thin space, a narrow one"),
        ("\ufeffJane\u200b Roe", "Jane Roe"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_no_break_and_zero_width_spaces_become_one_plain_space_or_none(original, expected):
    """odd_spaces.py: spaCy splits on plain spaces only; every plain character still maps back."""
    plain = to_plain(original)
    assert plain.text == expected
    for i, char in enumerate(plain.text):
        source = original[plain.start(i) : plain.end(i + 1)]
        assert source == char or (char == " " and source.strip(" \xa0\u2009\u202f\u200b\ufeff") == ""), i


def test_plain_spaces_tabs_and_joiners_are_left_alone():
    text = "Tab\tthen  two spaces\n\nand a family emoji \U0001f468\u200d\U0001f469 joined"
    assert to_plain(text).identity


@pytest.mark.parametrize(
    ("original", "speaker", "content"),
    [
        ("According\xa0to Jane Roe, the levy would fail.", "Jane Roe", "the levy would fail"),
        ("The mayor said\u200b that the levy would fail.", "The mayor", "the levy would fail"),
        ("Jane\xa0Roe said on Tuesday that the\xa0levy would\xa0fail.", "Jane Roe", "the levy would fail"),
    ],
)
def test_a_claim_is_read_through_no_break_and_zero_width_spaces(original, speaker, content):
    """Read as printed, "According\xa0to" and "said\u200b that" lost their claims (the odd space a token
    between the words) and the speaker kept "Jane\xa0Roe"; offsets still point into the original."""
    found = extraction.extract([extraction.Document(original, date(2026, 5, 1))])[0]
    [claim] = found.claims
    assert (claim.speaker, claim.text) == (speaker, content)
    assert original[claim.start : claim.end].replace("\xa0", " ") == content
    assert original[claim.speaker_start : claim.speaker_end].replace("\xa0", " ") == speaker
