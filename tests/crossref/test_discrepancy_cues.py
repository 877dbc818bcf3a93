"""The discrepancy rules' quick patterns find what the plain ones find (issue 17: linking's CPU)."""

from tracker.crossref.discrepancies.scope import first_letter_pattern
from tracker.crossref.discrepancies.statements import _extent_readings
from tracker.nlp.amounts import find_amounts
from tracker.nlp.passages import phrase_pattern

TEXT = (
    "On the stand, Doe said the firm partly used the data. Took The Stand again?\n"
    "In part, she said, it was Systematically done; Roe's in-court remarks differed. 'partly' he wrote."
)


def test_first_letter_pattern_finds_what_phrase_pattern_finds():
    phrases = ["on the stand", "took the stand", "partly", "in part", "systematically", "in court"]
    quick = first_letter_pattern(phrases)
    assert quick.pattern.startswith("(?=[iopst])")
    assert [m.span() for m in quick.finditer(TEXT)] == [
        m.span() for m in phrase_pattern(phrases).finditer(TEXT)
    ]
    assert len(list(quick.finditer(TEXT))) == 6  # not "in-court"


def test_first_letter_pattern_keeps_a_phrase_opening_on_a_mark():
    phrases = ["partly", "'partly'"]
    assert first_letter_pattern(phrases).pattern == phrase_pattern(phrases).pattern


def test_extent_readings_of_texts_with_and_without_cues():
    found = _extent_readings(TEXT)
    cued = [[TEXT[start:end] for _, start, end in text_cues] for _, _, _, _, text_cues in found]
    assert cued == [["partly used"], ["In part", "partly", "Systematically done"]]
    assert _extent_readings("Doe said the firm used the data.\nRoe agreed.") == ()


def test_amounts_opening_on_capitals_and_currency_prefixes():
    amounts = find_amounts("US$5 million was paid. Twelve jurors sat. Nine more days passed; 3 weeks on.")
    assert [(a.kind, a.value) for a in amounts] == [
        ("money", 5e6),
        ("count", 12.0),
        ("duration", 9.0),
        ("duration", 21.0),
    ]
