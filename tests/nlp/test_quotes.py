"""find_quotes: verbatim quotations in straight and curly, double and single marks."""

from __future__ import annotations

import pytest

from tracker.nlp.quotes import ANCHOR, doubled_apostrophes, find_quotes


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we did it" today.', ["we did it"]),
        ("He said “we did it” today.", ["we did it"]),
        ("He said 'we did it' today.", ["we did it"]),
        ("He said ‘we did it’ today.", ["we did it"]),
        ("Il a dit « on l'a fait » hier.", [" on l'a fait "]),
    ],
)
def test_straight_and_curly_double_and_single_marks(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Musk's lawyers don't think the '90s rules apply.",
        "OpenAI’s models aren’t what they were in the ’90s.",
        "The companies' models were trained on rock 'n' roll lyrics.",
        "It's the firms' choice, and it wasn't Altman's.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert find_quotes(text) == []


def test_apostrophes_inside_a_quote_do_not_end_it():
    assert texts("He said 'it's OpenAI's call, not xAI's' and left.") == ["it's OpenAI's call, not xAI's"]
    assert texts("“Musk’s ’90s playbook doesn’t apply,” she said.") == ["Musk’s ’90s playbook doesn’t apply,"]


def test_quote_split_by_its_attribution_is_two_quotes():
    text = "“We did it,” Musk said, “partly.”"
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["We did it,", "partly."]
    assert [text[q.start : q.end] for q in quotes] == ["We did it,", "partly."]


def test_nested_quote_stays_inside_the_outer_one_verbatim():
    assert texts("“He called it ‘standard practice’ and moved on,” she said.") == [
        "He called it ‘standard practice’ and moved on,"
    ]
    assert texts("She said \"he called it 'standard' twice\" on Monday.") == ["he called it 'standard' twice"]


def test_several_single_quoted_fragments_in_one_sentence():
    text = (
        "When asked if it used 'distillation' techniques, he said it was a 'general practice', "
        "further clarifying with 'Partly' when pressed for a definitive 'yes.'"
    )
    assert texts(text) == ["distillation", "general practice", "Partly", "yes."]


def test_exact_characters_and_offsets_are_kept():
    text = 'Then:  "  Standard   practice , "  he said.'
    (quote,) = find_quotes(text)
    assert quote.text == "  Standard   practice , "
    assert text[quote.start : quote.end] == quote.text


def test_anchor_prefix_and_suffix_surround_the_marks():
    text = (
        "x" * 50
        + " the billionaire called it “standard industry procedure” before the judge ruled "
        + "y" * 50
    )
    (quote,) = find_quotes(text)
    assert len(quote.prefix) == ANCHOR and len(quote.suffix) == ANCHOR
    assert quote.prefix.endswith("called it ") and quote.suffix.startswith(" before the judge")
    assert text[quote.start - 1 - len(quote.prefix) : quote.start - 1] == quote.prefix
    assert text[quote.end + 1 : quote.end + 1 + len(quote.suffix)] == quote.suffix


def test_short_text_has_short_anchors():
    (quote,) = find_quotes('"Yes."')
    assert (quote.prefix, quote.text, quote.suffix) == ("", "Yes.", "")


def test_unclosed_mark_yields_nothing_and_does_not_swallow_the_next_paragraph():
    text = 'He said "we never\n\nThe next paragraph has "its own" quote.'
    assert texts(text) == ["its own"]


def test_quotation_running_over_paragraphs():
    text = '"The first paragraph of the quote.\n\n"And the second," she said.'
    assert texts(text) == ["The first paragraph of the quote.", "And the second,"]


def test_single_quotes_do_not_cross_lines():
    assert texts("the firms' line\nends here and 'this' is a quote") == ["this"]


def test_empty_quotes_are_skipped():
    assert texts('He said "" and then "ok".') == ["ok"]


def test_seed_quotes_kept_verbatim(seed_texts):
    quotes = {seed: texts(text) for seed, text in seed_texts.items()}
    assert {"general practice", "Partly", "distillation"} <= set(quotes["001"])
    assert {"standard practice", "everyone does it"} <= set(quotes["002"])
    assert {"partly", "standard industry procedure", "looting"} <= set(quotes["004"])
    assert quotes["000"] == []


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("''We will win,'' the mayor said.", ["''", "''"]),
        ("''He told me 'never again,''' she said.", ["''", "''"]),
        ("The firm's ''plan'' was late; the boss's car wasn't.", ["''", "''"]),
    ],
)
def test_doubled_apostrophes_are_read_as_one_double_mark(text, pairs):
    edits = list(doubled_apostrophes(text))
    assert [text[a:b] for a, b, _ in edits] == pairs
    assert all(new == '"' for _, _, new in edits)
    if "never" in text:  # of three, the last two close: the first closes the single quote inside
        assert edits[1][0] == text.index("''' ") + 1


def test_quotes_read_between_marks_as_before_across_lines_and_paragraphs():
    text = "He said “one\n‘two’ three”.\n\n“Four,” she said, 'five\nsix' and ‘seven’.\n \n“eight\n\n“nine.”"
    assert [q.text for q in find_quotes(text)] == ["one\n‘two’ three", "Four,", "seven", "eight", "nine."]
