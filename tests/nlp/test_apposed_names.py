"""A name the entity model missed, shown to be a person's by an apposition ("said Ana Ruiz, a
spokeswoman for the firm"): a PERSON mention, so the claim's speaker is named (apposed_names.py).
Not a single word, nor a phrase with something before the name ("the 5th Street Gym, a student ...")."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction


def extracted(text: str) -> extraction.Extraction:
    [found] = extraction.extract([extraction.Document(text=text)])
    return found


@pytest.mark.parametrize(
    "text",
    [
        "“The appeal will fail,” said Ana Ruiz, a spokeswoman for the firm.",
        "“The appeal will fail,” said Ana Ruiz, a Kestrel spokeswoman.",
        "Ana Ruiz, a lawyer for the firm, said the appeal would fail.",
    ],
)
def test_an_apposed_person_noun_names_the_speaker(text):
    found = extracted(text)
    assert ("Ana Ruiz", "PERSON") in [(m.text, m.label) for m in found.mentions]
    [claim] = found.claims
    assert (claim.speaker_name, claim.resolution) == ("Ana Ruiz", "mention")
    assert claim.confidence >= 2


def test_a_phrase_with_a_word_before_the_name_is_no_person():
    found = extracted("He trained at the 5th Street Gym, a student of the old coach.")
    assert "Street Gym" not in [m.text for m in found.mentions if m.label == "PERSON"]


def test_a_title_is_no_person():
    found = extracted(
        "Jo Marlow, former foreign policy adviser to Vice President (then-Senator) Jan Doe, is a senior"
        " fellow at the Center for Harbour Studies."
    )
    assert "Vice President" not in [m.text for m in found.mentions if m.label == "PERSON"]


def test_a_described_appositive_names_no_one():
    """ "“...,” Okafor, a top Reyes surrogate, said": the parser makes "Reyes" the appositive's head and the
    entity model labels it, but "a ..." describes Okafor; the name in it is someone else's
    (apposed_names.name_parts). Okafor alone is no name the article gives, so the claim waits."""
    [claim] = extracted("“We will win,” Okafor, a top Reyes surrogate, said Thursday.").claims
    assert claim.speaker == "Okafor" and claim.speaker_name != "Reyes"
    assert claim.confidence < 2


def test_a_quoted_title_after_the_verb_is_neither_speaker_nor_words():
    """ "..., said Thursday on WKRP’s “Good Morning Ohio.”": a show's title in quotation marks is no
    subject of "said" (syntax.subject) and no quote resumed in the speaker's words (placing._resume)."""
    [claim] = extracted(
        "“It's absolutely right. There's a severe disconnect between this board and our teachers,” Dunne, "
        "a top union official, said Thursday on WKRP’s “Good Morning Ohio.”"
    ).claims
    assert claim.speaker == "Dunne"
    assert (
        claim.text
        == "It's absolutely right. There's a severe disconnect between this board and our teachers,"
    )
