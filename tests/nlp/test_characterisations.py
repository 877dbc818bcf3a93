"""Characterisations: a speaker's verdict on someone or something, named by what it is called or
dismissed as (PolNeAR's train split, session 25). Each test is a sentence written for it and failed
with its rule removed. They are claims of the speaker's, never published unreviewed (tier 1)."""

from __future__ import annotations


def shapes(claims):
    return [(c.speaker, c.verb, c.text, c.confidence) for c in claims]


def test_dismissing_someone_as_something_is_the_speakers_characterisation(claims_of):
    """ "dismissed X as Y": the object with its "as" phrase, the subject's words (dismiss-as)."""
    assert shapes(claims_of("Jane Roe dismissed the report as “fake news.”")) == [
        ("Jane Roe", "dismiss", "the report as “fake news.”", 1)
    ]
    assert shapes(claims_of("Roe hit back on Tuesday, dismissing John Doe as “a failed mayor.”")) == [
        ("Roe", "dismiss", "John Doe as “a failed mayor.”", 1)
    ]


def test_dismissing_without_as_or_without_an_object_names_no_words(claims_of):
    """ "dismissed the story" says nothing of it; "was dismissed as manager" and "the class, dismissed
    as myopic" name the one dismissed, not a speaker ("transitive")."""
    assert claims_of("Jane Roe dismissed the story.") == []
    assert claims_of("Jane Roe was dismissed as campaign manager on Monday.") == []
    assert claims_of("The working class -- dismissed so often as myopic -- has a point.") == []


def test_a_naming_stops_before_the_speakers_next_act_hung_on_the_name(claims_of):
    """ "called it “shameful” and called on ...", "called Doe the “ultimate hypocrite,” linking to ...":
    the parser hangs the next verb on the name; the naming's words end before it (predicate_tails.py).
    More names stay."""
    assert shapes(claims_of('Jane Roe called it "shameful" and called on leaders "not to give in."')) == [
        ("Jane Roe", "call", 'it "shameful"', 1)
    ]
    assert shapes(
        claims_of('Jane Roe called John Doe the "ultimate hypocrite," linking to a story about his donors.')
    ) == [("Jane Roe", "call", 'John Doe the "ultimate hypocrite,"', 1)]
    assert shapes(claims_of("Jane Roe called him a liar and a cheat of voters.")) == [
        ("Jane Roe", "call", "him a liar and a cheat of voters", 1)
    ]


def test_labeling_someone_something_is_the_speakers_characterisation(claims_of):
    """ "labeled X “Y”", "labeling X as Y", "dubbed “Y”": a name pinned on someone (label-name), never
    the participle of a thing named ("a plan dubbed ...", "was labeled poison")."""
    assert shapes(claims_of("Jane Roe labeled the mayor “unfit to serve.”")) == [
        ("Jane Roe", "label", "the mayor “unfit to serve.”", 1)
    ]  # the one named with its name (descriptions.with_object)
    assert shapes(claims_of("Democrats attacked Roe by labeling her as both an extremist and a squish.")) == [
        ("Democrats", "label", "her as both an extremist and a squish", 1)
    ]
    assert claims_of("A plan dubbed “Project X” was approved.") == []
    assert claims_of("The bottle was labeled poison.") == []


def test_what_was_asked_or_promised_stops_before_a_participle_set_off_after_it(claims_of):
    """ "asking supporters to raise their hands ..., creating scenes that ...", "pledged to expand the
    force, reversing years of cuts": the participle is what came of it, not what was asked or promised
    (predicate_tails.py). A question stays a question (tier 0, never published)."""
    asked = claims_of(
        "Jane Roe has started asking her supporters to raise their hands and pledge their loyalty to her, "
        "creating scenes that critics have likened to a salute."
    )
    assert [(c.speaker, c.text, c.kind, c.confidence) for c in asked] == [
        ("Jane Roe", "her supporters to raise their hands and pledge their loyalty to her", "question", 0)
    ]
    assert shapes(
        claims_of("Jane Roe pledged to expand the city's police force, reversing years of cuts.")
    ) == [("Jane Roe", "promise", "to expand the city's police force", 1)]


def test_a_naming_hung_on_a_noun_that_cannot_speak_is_the_clauses_subjects(claims_of):
    """ "..., at one point calling the mayor a “liar”": the parser hangs the participle on "point";
    the one who names is the subject of the verb that noun hangs from (naming_participles.py). "a firm
    called Acme" gives a name, no words."""
    claims = claims_of(
        'Jane Roe has battled with the council over the budget, at one point calling the mayor a "liar" '
        'who was not "honorable."'
    )
    assert shapes(claims) == [("Jane Roe", "call", 'the mayor a "liar" who was not "honorable."', 1)]
    assert claims_of("A firm called Acme bought the land.") == []
