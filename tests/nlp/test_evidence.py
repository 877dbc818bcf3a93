"""What a poll, a study, records or an inquiry shows, found or concluded: the evidence's account, a claim
of its own at a low tier (the evidence triggers of patterns/reporting_verbs.jsonl, the "evidence"
rule of patterns/confidence.jsonl)."""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.types import Claim


def claims_of(text: str) -> dict[str, Claim]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: c for c in found.claims}


def test_what_a_poll_shows_or_a_study_found_is_the_evidences_claim():
    found = claims_of(
        "A new poll by the Marbury Institute showed Jane Holloway leading the field with 31 percent. "
        "The survey found that most voters in the valley oppose the toll. "
        "Records from the county clerk show that Varga donated $500 to the campaign. "
        "The study concluded that the toll would cut traffic by a third."
    )
    poll = found["Jane Holloway leading the field with 31 percent"]
    assert (poll.speaker, poll.rule, poll.kind) == (
        "A new poll by the Marbury Institute",
        "show-evidence",
        "report",
    )
    survey = found["most voters in the valley oppose the toll"]
    assert (survey.speaker, survey.rule) == ("The survey", "find-evidence")
    assert found["Varga donated $500 to the campaign"].speaker == "Records from the county clerk"
    study = found["the toll would cut traffic by a third"]
    assert (study.speaker, study.rule) == ("The study", "conclude-evidence")
    assert all(c.confidence <= 1 and c.confidence_rule == "evidence" for c in (poll, survey, study))


def test_a_person_who_shows_or_finds_something_makes_no_evidence_claim():
    found = claims_of(
        "Jane Holloway showed reporters the damaged pier. Tom Varga found that the door was locked. "
        "The review concluded its work on Friday."
    )
    assert not any(c.rule.endswith("-evidence") for c in found.values())


def test_a_verb_only_evidence_reports_with_stays_in_the_words_someone_said():
    found = claims_of(
        "Jeb Holloway says Tom Varga is acting unlawfully and showing disregard for the law. "
        "Varga said in the interview that the onus is on Roe to show that he can lead the town."
    )
    assert found["Tom Varga is acting unlawfully and showing disregard for the law"].speaker == "Jeb Holloway"
    assert found["the onus is on Roe to show that he can lead the town"].speaker == "Varga"
