"""What someone commented on is the content of "commented on X" (reporting_verbs.jsonl "comment":
"about" prep:on, prep:about); negated ("would not comment on X", "not-comment") it is a no-comment
(tier 0), as "declined to comment on X" is, and so is no response to what was put to someone ("has not
responded to X", "not-respond"). An infinitive of saying someone was asked or invited to
("are invited to comment on X", requested.py) is nobody's report. Each sentence is written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The county clerk commented on the new parking fees at a meeting.",
            "The county clerk",
            "the new parking fees",
        ),
        (
            "Harlow spent the evening commenting on how the storm closed the harbor.",
            "Harlow",
            "how the storm closed",
        ),
        (
            "The union spelled out its worries as it commented on the proposed pension rules.",
            "it",
            "pension rules",
        ),
    ],
)
def test_what_was_commented_on_is_the_content(claims_of, text, speaker, content):
    found = [c for c in claims_of(text) if c.verb == "comment"]
    assert [c.speaker for c in found] == [speaker]
    assert content in found[0].text


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The bakery would not comment on the lawsuit filed by its landlord.", "The bakery", "the lawsuit"),
        (
            "The mayor's office has not commented on the reason for the delay.",
            "The mayor's office",
            "the delay",
        ),
    ],
)
def test_a_negated_comment_on_a_topic_is_a_no_comment(claims_of, text, speaker, content):
    (found,) = claims_of(text)
    assert (found.speaker, found.verb, found.confidence) == (speaker, "decline to comment", 0)
    assert content in found.text


def test_a_comment_on_nothing_named_gives_no_claim(claims_of):
    assert claims_of("Harlow wouldn't comment.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Students who are invited to comment on the new school rules are listed.",
        "Any caller who is not a member and is asked to comment on the county budget is logged.",
    ],
)
def test_a_comment_someone_was_asked_for_is_not_theirs(claims_of, text):
    assert not [c for c in claims_of(text) if c.verb == "comment"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The bakery has not yet responded to the landlord's complaints.",
            "The bakery",
            "the landlord's complaints",
        ),
        ("The Harlows have mostly chosen not to respond to his attacks.", "The Harlows", "his attacks"),
    ],
)
def test_no_response_to_what_was_put_to_someone_is_a_no_comment(claims_of, text, speaker, content):
    (found,) = claims_of(text)
    assert (found.speaker, found.verb, found.confidence) == (speaker, "decline to comment", 0)
    assert content in found.text


def test_a_response_given_is_no_no_comment(claims_of):
    found = claims_of("Harlow responded to the charges: “I am innocent.”")
    assert [(c.verb, c.text) for c in found] == [("respond", "I am innocent.")]
