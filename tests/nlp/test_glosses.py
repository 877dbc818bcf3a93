"""The outlet's gloss at the end of reported content is not the speaker's (glosses.py): a participle
of consequence or reaction, the reporter's own grounds, a sentential "which" clause that reads or
disputes the report, a noun summing it up and the outlet's time for the report (", two weeks after
...") are cut; the same forms that carry the speaker's own
words are kept."""

from __future__ import annotations

import pytest


def contents(claims):
    return {c.speaker: c.text for c in claims}


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The mayor testified that the agency destroyed the records, sparking a debate over archives.",
            "The mayor",
            "the agency destroyed the records",
        ),
        (
            "Jane Roe said the plant would close in March, raising questions about the town's budget.",
            "Jane Roe",
            "the plant would close in March",
        ),
        (
            "The chief executive said the firm has only forty employees, which further underscores how"
            " small it is.",
            "The chief executive",
            "the firm has only forty employees",
        ),
        (
            "Jane Roe said she was “not aware” of any such deal, an answer that drew laughter from the gallery.",
            "Jane Roe",
            "she was “not aware” of any such deal",
        ),
        (
            "Jane Roe said the money was a gift, which the company disputes.",
            "Jane Roe",
            "the money was a gift",
        ),
        (
            "Jane Roe told jurors she was “shocked,” a description her rival mocked in his closing.",
            "Jane Roe",
            "she was “shocked,”",
        ),
        (
            "The mayor said the agency had lied, pointing to records from 2019.",
            "The mayor",
            "the agency had lied",
        ),
        (  # the outlet's time for the report
            "The founder said his company is in talks with its rival, two weeks after a jury ordered it to"
            " pay $40 million.",
            "The founder",
            "his company is in talks with its rival",
        ),
        (
            "The mayor said the budget would pass, a day before the council voted on it.",
            "The mayor",
            "the budget would pass",
        ),
        (
            "Jane Roe said the plan was dead, just three days after the vote.",
            "Jane Roe",
            "the plan was dead",
        ),
    ],
)
def test_the_outlets_gloss_is_cut_from_the_content(claims_of, text, speaker, content):
    assert contents(claims_of(text)).get(speaker) == content


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (  # the participle is the speaker's own plan, not a reaction: kept
            "Jane Roe said the city would sell the land, raising money for the schools.",
            "Jane Roe",
            "the city would sell the land, raising money for the schools",
        ),
        (  # a restrictive clause, no comma: kept
            "The engineer said the report shows a flaw which highlights the risk.",
            "The engineer",
            "the report shows a flaw which highlights the risk",
        ),
        (  # a noun of the speaker's own words, no comma: kept
            "Jane Roe said the company filed a claim that the court rejected.",
            "Jane Roe",
            "the company filed a claim that the court rejected",
        ),
        (  # a time inside the speaker's quoted words is theirs: kept
            "Jane Roe said “the plan was dead, three days after the vote,” and left.",
            "Jane Roe",
            "the plan was dead, three days after the vote,",
        ),
        (  # no comma: the time is the clause's own
            "Jane Roe said the firm collapsed two weeks after the merger.",
            "Jane Roe",
            "the firm collapsed two weeks after the merger",
        ),
        (  # a span of time not before "after"/"before": kept
            "Jane Roe said the deal was off, two weeks into the talks.",
            "Jane Roe",
            "the deal was off, two weeks into the talks",
        ),
        (  # the time quoted as the speaker's: kept
            "Jane Roe said the plan was dead, “three days after the vote.”",
            "Jane Roe",
            "the plan was dead, “three days after the vote.”",
        ),
    ],
)
def test_the_speakers_own_clause_is_kept(claims_of, text, speaker, content):
    assert contents(claims_of(text)).get(speaker) == content
