"""Who a speaker phrase resolves to (speaker_name): a surname or a pronoun reaches back to the full name
given earlier in the article, curated or not."""

from __future__ import annotations

from tracker.nlp import extraction


def test_a_surname_and_a_pronoun_resolve_to_the_full_name_given_earlier():
    text = (
        "Senator Jane Holloway spoke in Iowa on Monday. Later, Holloway said the banks were too big. "
        "She said the race was close."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [
        ("Holloway", "Jane Holloway"),
        ("She", "Jane Holloway"),
    ]


def test_a_surname_never_named_in_full_stays_as_written():
    [found] = extraction.extract([extraction.Document(text="Holloway said the banks were too big.")])
    assert [c.speaker_name for c in found.claims] in (["Holloway"], [None])


def test_a_document_speaks_for_whoever_issued_it():
    text = (
        "Jane Holloway released a statement saying the banks were too big. "
        "A memo said the vote would be close."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name, c.resolution) for c in found.claims}
    assert by_content["the banks were too big"] == ("a statement", "Jane Holloway", "issuer")
    assert by_content["the vote would be close"][1] is None  # nobody issued it in the text
