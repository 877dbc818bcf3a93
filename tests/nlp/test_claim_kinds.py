"""A claim's kind comes from the act of saying it (claim_kinds.py): its frame, not its topic nor what the
sentence or paragraph says around it. Each sentence is written for the test; the cases marked "was"
failed with the sentence- and paragraph-wide cues this replaced."""

from __future__ import annotations

import pytest


def kinds(claims) -> list[tuple[str, str]]:
    return [(c.speaker, c.kind) for c in claims if c.verb != "ask"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the topic of a question is not the setting of the answer (was: ruling, testimony)
        (
            "Asked about the ruling, a company spokeswoman said the company would not comment.",
            [("a company spokeswoman", "statement")],
        ),
        ("Asked whether the trial would end soon, Musk said he hoped so.", [("Musk", "statement")]),
        # a clause the sentence only joins to the claim (was: defense, testimony)
        ("Musk said Altman had broken his word, a charge Altman denies.", [("Musk", "statement")]),
        (
            "Critics say the hearing is a farce; Musk says it is about principle.",
            [("Critics", "statement"), ("Musk", "statement")],
        ),
        # another act, with its own subject (was: testimony, defense)
        (
            "Musk testified Tuesday, a day after Altman said he had never promised anything.",
            [("Altman", "statement")],  # "Musk testified" reports nothing
        ),
        (
            "OpenAI did not respond to a request for comment, but it has denied wrongdoing.",
            [("OpenAI", "statement"), ("it", "defense")],
        ),
    ],
)
def test_cues_outside_the_act_of_saying_do_not_set_the_kind(claims_of, text, expected):
    assert kinds(claims_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the stand, Altman said the board acted alone.", [("Altman", "testimony")]),
        ("Musk told the jury that he had been misled.", [("Musk", "testimony")]),
        ("Altman, testifying on Wednesday, said the board had agreed.", [("Altman", "testimony")]),
        # a participle with no subject of its own shares its head verb's act
        (
            "OpenAI denied the charge, saying its models were trained on public data.",
            [("OpenAI", "defense"), ("OpenAI", "defense")],
        ),
    ],
)
def test_the_frame_sets_the_kind(claims_of, text, expected):
    assert kinds(claims_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # was: testimony, from "testified" elsewhere in the paragraph
        (
            "Musk testified for three hours on Tuesday. Altman's lawyer said the case had no merit.",
            [("Altman's lawyer", "statement")],
        ),
        (
            "Musk testified on Tuesday. Outside the courthouse, he told reporters that the case was a sham.",
            [("he", "statement")],
        ),
        (
            "Musk testified on Tuesday. In a post on X that evening, he wrote that the case was rigged.",
            [("he", "statement")],
        ),
        # the speaker is the witness the paragraph names
        ("Altman took the stand. He said the board acted alone.", [("He", "testimony")]),
        (
            "Under cross-examination, Musk conceded that he had signed the memo. He said he had not read it.",
            [("Musk", "testimony"), ("He", "testimony")],
        ),
    ],
)
def test_testimony_in_the_paragraph_is_the_witness_own(claims_of, text, expected):
    assert kinds(claims_of(text)) == expected
