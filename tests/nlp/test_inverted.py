"""A speaker set after its verb, after a quotation (inverted.py), where the parser hung it oddly."""

from __future__ import annotations


def _by(claims, verb):
    return [(c.speaker, c.text) for c in claims if c.verb == verb]


def test_a_second_subject_after_the_verb_speaks_not_the_quoted_word(claims_of):
    text = '"Meh," wrote a city council aide who runs the account @RiverTownNow. "What does Pell know?"'
    assert [s for s, _ in _by(claims_of(text), "write")] == ["a city council aide"]


def test_the_writer_the_parser_made_the_object_speaks_not_the_quoted_subject(claims_of):
    # the parser reads "Meh" as a PERSON subject of "wrote" and the writer as its object, which the
    # rule for verbs of sending ("emailed supporters saying") would hand back to "Meh" (standins.actor)
    text = (
        "But that matters only if you believe them and not him. "
        '"Meh," wrote a Pell supporter who runs the Twitter account @PellForOhio. "What does Acme know about it . . . "'
    )
    assert [s for s, _ in _by(claims_of(text), "write")] == ["a Pell supporter"]


def test_an_inverted_speaker_with_a_modifier_running_to_the_full_stop_speaks(claims_of):
    text = (
        '"It is not fair to say anything against the new bridge. We do not have a say anymore. '
        '#Riverton," tweeted a local user from Dunmore going by the handle Quillpen.'
    )
    assert _by(claims_of(text), "tweet") == [
        (
            "a local user from Dunmore",
            "It is not fair to say anything against the new bridge. We do not have a say anymore. #Riverton,",
        )
    ]


def test_an_inverted_object_with_a_participle_after_it_speaks(claims_of):
    text = (
        '"Whoever opens the gates and supports the plan has no place pretending here!" '
        "wrote a man calling himself Paul Quill."
    )
    assert _by(claims_of(text), "write") == [
        ("a man", "Whoever opens the gates and supports the plan has no place pretending here!")
    ]


def test_a_quoted_word_the_parser_made_a_subject_yields_to_the_inverted_name(claims_of):
    text = '"Debate recap," tweeted Kessler spokesman Tom Arvel. "Pell is from the old days."'
    assert [s for s, _ in _by(claims_of(text), "tweet")] == ["Kessler spokesman Tom Arvel"]


def test_a_title_broken_at_its_hyphen_still_names_the_person_after_it(claims_of):
    """ "said Acme co-founder Jane Roe": the parser makes "Acme", "co", "-" and "Roe" four subjects of
    "said"; they are one run of words, so the speaker is the last, the phrase's head (syntax.subject;
    the fifth trial set's v031, where the quote went to xAI)."""
    claims = claims_of("“We built it ourselves,” said Acme co-founder Jane Roe.")
    assert [c.speaker_name for c in claims] == ["Jane Roe"]
