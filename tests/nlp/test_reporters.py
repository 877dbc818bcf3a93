"""A verb that needs a speaker who resolves ("suggest", "indicate", "reveal", "confirm") with a subject
only described: who can report it (reporters.py)."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_subject_that_cannot_speak_nor_show_reports_nothing(claims_of):
    """A look or a trip is no one who speaks and no evidence: what it "suggests" is the writer's."""
    assert claims_of("A close look at the figures suggests that the levy failed.") == []
    assert claims_of("The trip to Iowa suggests that the senator is ready to run.") == []
    assert claims_of("The sudden drop in turnout indicated that the levy had lost support.") == []
    assert claims_of("The appointment indicated that the court would change.") == []  # "ent", not a doer


def test_people_evidence_and_records_still_report(claims_of):
    """Nouns of people and groups, evidence, a doer's ending ("speechwriter"), records, a relative
    pronoun for one of them and a name report."""
    cases = {
        "Legal experts suggest that the levy is unlawful.": "Legal experts",
        "Recent polls suggested that the levy would pass.": "Recent polls",
        "A former speechwriter suggested that the levy would pass.": "A former speechwriter",
        "The cable indicated that the embassy needed more guards.": "The cable",
        "The state attorney general confirmed that the inquiry had closed.": "The state attorney general",
        "The mayor dismissed a banker who has suggested that the aides were overpaid.": "a banker",
        "The mayor dismissed the report, which suggested that the aides were overpaid.": "the report",
    }
    for sentence, speaker in cases.items():
        assert [c.speaker for c in claims_of(sentence)] == [speaker], sentence
    said = claims_of("Hewlett argued that the levy was unfair, but suggested the mayor went too far.")
    assert speakers_and_texts(said) == [  # a capitalised name the model did not label
        ("Hewlett", "the levy was unfair"),
        ("Hewlett", "the mayor went too far"),
    ]


def test_a_subject_with_an_owner_keeps_its_phrase(claims_of):
    """ "Roe's speech suggests ...", "a gaffe by the mayor suggested ...": the phrase names who."""
    assert [c.speaker for c in claims_of("A gaffe by the mayor suggested that the panel was biased.")] == [
        "A gaffe by the mayor"
    ]
    assert [c.speaker for c in claims_of("The senator's speech suggests that she will run again.")] == [
        "The senator's speech"
    ]


def test_a_speech_or_an_interview_speaks_for_who_gave_it(claims_of):
    """A speech is a document of its speaker's words (speakers.jsonl "proxy-statement"): "Roe's speech
    said ..." is Roe's, as is "a speech that called for ..." which Roe gave."""
    said = claims_of("Jane Roe's speech on Tuesday said that the levy would end.")
    assert [(c.speaker_name, c.resolution) for c in said] == [("Jane Roe", "possessor")]
    called = claims_of("Jane Roe gave a speech on Tuesday that called for an end to the levy.")
    assert [(c.speaker_name, c.resolution) for c in called] == [("Jane Roe", "issuer")]
    found = claims_of("The interviews with party chairs revealed that the senator was gaining ground.")
    assert [c.speaker for c in found] == ["The interviews with party chairs"]
