"""Headlines of a name, a colon and the person's words (colon_headlines.py): a claim under the name,
rated "headline" (tier 1); the quotation alone when the story runs on after it. Not a question, a
line too short, nor the sections of a list.

Invented texts; each case was seen failing without the rule.
"""

from __future__ import annotations

from tracker.nlp import extraction

BODY = "\n\nDana Whitcombe spoke to supporters in Dayton on Monday about the plant closing."


def _headlines(text: str) -> list[tuple[str, str | None, str, int, str]]:
    """The claims of the text's first line."""
    [found] = extraction.extract([extraction.Document(text)])
    first_line = text.find("\n")
    return [
        (c.speaker, c.speaker_name, c.text, c.confidence, c.confidence_rule)
        for c in found.claims
        if c.start < first_line
    ]


def test_a_surname_headline_takes_the_name_the_story_gives():
    assert _headlines("Whitcombe: The plant will not close this year." + BODY) == [
        ("Whitcombe", "Dana Whitcombe", "The plant will not close this year.", 1, "headline")
    ]


def test_a_quotation_run_into_the_story_is_the_claim_alone():
    text = "Whitcombe: 'We kept every promise we made' Dana Whitcombe spent Tuesday defending the deal.\n"
    assert [h[2] for h in _headlines(text)] == ["We kept every promise we made"]


def test_a_quotation_the_headline_goes_on_after_stays_whole():
    text = "Dana Whitcombe: ‘It Is Not A Radical Idea’ To Ask For A Higher Wage." + BODY
    assert [h[2] for h in _headlines(text)] == ["‘It Is Not A Radical Idea’ To Ask For A Higher Wage."]


def test_questions_short_lines_and_the_sections_of_a_list_are_no_headlines():
    question = "Whitcombe: Will the plant close this year after all?" + BODY
    short = "Whitcombe: Not this year." + BODY
    sections = (
        "What each candidate needs.\n\nWhitcombe: Win the county by a mile.\n\nShe leads.\n\n"
        "Ostrander: Hold on to the suburbs somehow.\n\nHe trails.\n\nPoe: Close the gap in the west.\n\n"
        "Dana Whitcombe, Lee Ostrander and Kim Poe are running."
    )
    assert _headlines(question) + _headlines(short) == []
    [found] = extraction.extract([extraction.Document(sections)])
    assert [c for c in found.claims if c.confidence_rule == "headline"] == []
