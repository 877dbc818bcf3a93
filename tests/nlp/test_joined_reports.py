"""A second report with a speaker of its own, joined to the first one's words by a word of contrast
(joined_reports.py, selection.one_per_content): both are claims, the first one's content ends before
the joining word."""

from __future__ import annotations

import pytest

from tracker.nlp.joined_reports import joined_at
from tracker.nlp.types import Claim, Quote


def _contents(claims) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Most residents say the new park is a success, though residents are more likely to say the "
            "parking is too scarce.",
            [("Most residents", "the new park is a success"), ("residents", "the parking is too scarce")],
        ),
        (
            "Board members accused each other of wasting money while teachers warned of layoffs in the "
            "spring.",
            [("Board members", "each other of wasting money"), ("teachers", "of layoffs")],
        ),
        (  # a pronoun too: on PolNeAR train "those surveyed say X, though they blame Y" is two attributions
            "Most of the tenants said stricter rules would help, though they blame the landlord for the "
            "backlog.",
            [("Most of the tenants", "stricter rules would help"), ("they", "the landlord for the backlog")],
        ),
    ],
)
def test_a_report_joined_by_a_word_of_contrast_is_a_claim_of_its_own(claims_of, text, expected):
    assert _contents(claims_of(text)) == expected


def test_a_clause_joined_by_and_stays_in_the_first_content(claims_of):
    found = claims_of(
        "The poll showed that 59 percent disapprove of the council, and 74 percent said the city is on "
        "the wrong track."
    )
    assert _contents(found) == [
        (
            "The poll",
            "59 percent disapprove of the council, and 74 percent said the city is on the wrong track",
        )
    ]


def test_what_a_cited_source_says_keeps_everything_after_it(claims_of):
    found = claims_of(
        "According to the filing, the company lost money, while its executives said the losses were "
        "temporary."
    )
    assert ("the filing", "the company lost money, while its executives said the losses were temporary") in (
        _contents(found)
    )


def _claim(speaker: str, sentence: str, start: int, end: int, quotes: tuple[Quote, ...] = ()) -> Claim:
    at = sentence.index(speaker)
    return Claim(
        speaker=speaker, verb="say", attribution="direct", kind="statement", text=sentence[start:end],
        sentence=sentence, start=start, end=end, sentence_start=0, sentence_end=len(sentence),
        speaker_start=at, speaker_end=at + len(speaker), quotes=quotes,
    )  # fmt: skip


def test_a_joining_word_inside_a_quotation_is_the_speakers_own():
    sentence = "“It may be fun, but it has no impact,” Roe said, stressing each word."
    quote = Quote(text=sentence[1:37], start=1, end=37)
    outer = _claim("Roe", sentence, 1, 37, (quote,))
    inner = _claim("it", sentence, sentence.index("stressing") + 10, len(sentence) - 1)
    assert joined_at(inner, outer) is None
