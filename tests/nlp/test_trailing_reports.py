"""A report its speaker adds with a participle after the first one's words (trailing_reports.py,
selection.one_per_content): both are claims, the first one's content ends before the participle."""

from __future__ import annotations

import pytest


def _contents(claims, speaker: str) -> list[tuple[str, str]]:
    return [(c.verb, c.text) for c in claims if c.speaker == speaker]


@pytest.mark.parametrize(
    "text, speaker, expected",
    [
        (
            "Jane Roe called the ruling a disgrace before explaining why she would appeal.",
            "Jane Roe",
            [("call", "the ruling a disgrace"), ("explain", "why she would appeal")],
        ),
        (
            "She offers calm instead of anger, urging jurors to see the whole record and promising to "
            "prove every count.",
            "She",
            [("urge", "jurors to see the whole record"), ("promise", "to prove every count")],
        ),
        (  # the parse gives this one two contents already: it stays as it was
            "The judge said the defendant had lied under oath, warning that perjury carries a prison term.",
            "The judge",
            [("say", "the defendant had lied under oath"), ("warn", "perjury carries a prison term")],
        ),
    ],
)
def test_a_report_the_speaker_adds_with_a_participle_is_a_claim_of_its_own(
    claims_of, text, speaker, expected
):
    assert _contents(claims_of(text), speaker) == expected


def test_a_quote_split_by_its_attribution_keeps_its_pieces_whole(claims_of):
    found = claims_of(
        "“We will appeal,” Roe said, recalling the trial: “The verdict was wrong from the start.”"
    )
    assert [c.verb for c in found if c.speaker == "Roe"] == ["say"]


def test_a_participle_with_a_speaker_of_its_own_stays_inside(claims_of):
    found = claims_of("Roe described the ruling as fair, with most jurors saying it was too lenient.")
    assert all(c.speaker != "Roe" or c.verb != "say" for c in found)
