"""Transcripts printed in articles: each labelled turn a claim by its speaker; lookalikes are not.

All texts are invented. Through the real pipeline where the entity recogniser matters (Title Case
labels, a surname resolved to a full name in the prose), on text alone otherwise.
"""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.transcripts import find_turns, merge, transcript_claims
from tracker.nlp.types import Claim, Mention, VocabularyEntry

INTERVIEW = """Senator grilled over the budget

The senator spoke with a host on Sunday. A partial transcript follows:

JANE HOLLOWAY: Senator, will you vote for the budget?

SEN. ROBERT KETTERING (R-Ohio): I will not. It spends too much and it hides the cost.

(BEGIN VIDEO CLIP)

HOLLOWAY: Your own party wrote it.
And your leader supports it.

KETTERING: Then my party is wrong, and I have told them so.

Follow the show on Twitter: @example.
"""


def turns_by_label(text: str, **options) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = {}
    for claim in transcript_claims(text, **options):
        found.setdefault(claim.speaker, []).append(claim)
    return found


def test_each_turn_is_a_direct_claim_by_its_label_with_the_turns_words():
    found = turns_by_label(INTERVIEW)
    assert list(found) == ["JANE HOLLOWAY", "SEN. ROBERT KETTERING", "HOLLOWAY", "KETTERING"]
    first = found["SEN. ROBERT KETTERING"][0]
    assert (first.attribution, first.verb, first.kind) == ("direct", "say", "statement")
    assert INTERVIEW[first.start : first.end] == "I will not. It spends too much and it hides the cost."
    assert INTERVIEW[first.speaker_start : first.speaker_end] == "SEN. ROBERT KETTERING"
    assert first.sentence.startswith("SEN. ROBERT KETTERING (R-Ohio): I will not.")


def test_a_surname_label_takes_the_full_name_given_earlier():
    found = turns_by_label(INTERVIEW)
    assert found["KETTERING"][0].speaker_name == "SEN. ROBERT KETTERING"
    assert found["HOLLOWAY"][0].speaker_name == "JANE HOLLOWAY"
    assert found["JANE HOLLOWAY"][0].speaker_name is None


def test_a_question_turn_is_marked_as_a_question():
    found = turns_by_label(INTERVIEW)
    assert found["JANE HOLLOWAY"][0].kind == "question"
    assert found["KETTERING"][0].kind == "statement"


def test_turns_carry_their_rule_cue_and_confidence():
    found = turns_by_label(INTERVIEW)
    statement, question = found["KETTERING"][0], found["JANE HOLLOWAY"][0]
    assert (statement.rule, statement.cue, statement.resolution) == ("transcript-turn", ":", "mention")
    assert (statement.confidence, statement.confidence_rule) == (3, "quote-named")
    assert (question.confidence, question.confidence_rule) == (0, "question")


def test_a_transcript_in_another_language_yields_no_claims():
    text = (
        "Entrevista\n\nQ: ¿Por qué vendió la empresa el año pasado?\n\n"
        "A: Porque la oferta era muy buena y no me arrepiento de nada.\n\n"
        "Q: ¿Lo haría otra vez con los mismos socios?\n\n"
        "A: Sí, sin duda lo haría otra vez con ellos y con otros nuevos socios.\n"
    )
    assert find_turns(text) and transcript_claims(text) == []


def test_a_turn_runs_over_its_following_lines_but_not_past_a_stage_direction_or_the_last_turn():
    found = turns_by_label(INTERVIEW)
    assert found["HOLLOWAY"][0].text == "Your own party wrote it.\nAnd your leader supports it."
    assert found["SEN. ROBERT KETTERING"][0].text.endswith("hides the cost.")
    assert found["KETTERING"][0].text == "Then my party is wrong, and I have told them so."


def test_question_and_answer_exchanges():
    text = (
        "An interview with the inventor.\n\nQ: Why did you sell the company?\n\n"
        "A: Because the offer was good. I do not regret it.\n\nQ: Would you do it again?\n\nA: Yes.\n"
    )
    claims = transcript_claims(text)
    assert [(c.speaker, c.kind, c.text) for c in claims] == [
        ("Q", "question", "Why did you sell the company?"),
        ("A", "statement", "Because the offer was good. I do not regret it."),
        ("Q", "question", "Would you do it again?"),
    ]  # "A: Yes." is a turn, too short to be a claim


def test_notices_times_headlines_figures_and_headings_are_not_transcripts():
    notices = "Budget passes\n\nNOTE: this story was updated.\nUPDATE: the vote was 51-49.\nNOTE: more.\n"
    assert find_turns(notices) == []
    assert find_turns("Photo: A. Person.\nSource: the agency.\nRelated: more news.\n") == []
    assert (
        find_turns("Day one\n\nAt 10:30 the court opened.\n10:45: the jury entered.\n11:00: a recess.\n")
        == []
    )
    assert find_turns("WATCH: THE VOTE LIVE\n\nBREAKING: SENATE PASSES BILL\nLOOK: Crowds gather.\n") == []
    tally = "Delegates so far\n\nDOE: 1,501.\n\nROE: 547.\n\nDOE: 46.\n"
    assert find_turns(tally) == []
    headings = (
        "What each candidate needs\n\nDOE: Win big.\n\nThe senator leads in every poll of the state.\n\n"
        "ROE: Finish second.\n\nThe governor trails by ten points but has money.\n"
    )
    assert find_turns(headings) == []  # no speaker speaks twice and no two turns follow each other


def test_one_labelled_line_is_not_a_transcript_nor_is_the_headline():
    assert find_turns("Intro line.\n\nKETTERING: I will not.\n\nThe vote is Tuesday.\n") == []
    assert find_turns("DOE: We will win\n\nROE: No chance.\n\nThe vote is Tuesday.\n") == []


def test_title_case_labels_need_a_person_of_the_article():
    text = "Panel\n\nOutlook: the vote.\n\nBudget: more.\n\nOutlook: again.\n"
    assert find_turns(text) == []
    people = [Mention("Mara Lind", "PERSON", 100, 109)]
    text = "Panel\n\nLind: We should wait.\n\nVoss: No.\n\nLind: Then we lose.\n"
    turns = find_turns(text, people)
    assert [(t.label, text[t.start : t.end]) for t in turns] == [
        ("Lind", "We should wait."),
        ("Lind", "Then we lose."),
    ]


def test_a_curated_person_is_recognised_in_a_label_in_capitals():
    vocabulary = [VocabularyEntry("Mara Lind", "PERSON", (("Lind", True),), 42)]
    text = (
        "Hearing\n\nQ: Did you sign it?\n\nLIND: I did not sign it.\n\nQ: Never?\n\nLIND: No, I never did.\n"
    )
    claims = [c for c in transcript_claims(text, vocabulary=vocabulary) if c.speaker == "LIND"]
    assert {(c.speaker_entity, c.speaker_entity_id) for c in claims} == {("Mara Lind", 42)}


def test_merge_drops_a_turn_that_overlaps_a_claim_of_the_rules_and_keeps_the_rest():
    def claim(start: int, end: int, speaker: str) -> Claim:
        return Claim(speaker, "say", "direct", "statement", "", "", start, end, start, end, speaker_start=0)

    rules = [claim(10, 40, "he")]
    turns = [claim(12, 45, "DOE"), claim(50, 90, "ROE"), claim(0, 100, "VOSS")]
    assert [c.speaker for c in merge(rules, turns)] == ["he", "ROE"]


def test_through_the_extraction_a_surname_label_resolves_to_a_person_named_in_the_prose():
    text = (
        "Budget fight\n\nSenator Robert Kettering appeared on the show with Jane Holloway on Sunday.\n\n"
        "HOLLOWAY: Will you vote for it?\n\nKETTERING: I will not vote for it.\n\nHOLLOWAY: Why?\n\n"
        "KETTERING: It costs far too much.\n"
    )
    found = extraction.extract([extraction.Document(text)])[0]
    turns = [c for c in found.claims if c.speaker == "KETTERING"]
    assert [c.text for c in turns] == ["I will not vote for it.", "It costs far too much."]
    assert {c.speaker_name for c in turns} == {"Robert Kettering"}


def test_a_clock_stamp_before_each_label_still_opens_a_turn():
    text = (
        "Episode notes follow.\n\n"
        "[00:03:10] RITA OKONJO: The licence was never meant to cover training runs.\n"
        "[00:03:18] PAUL VANCE: Then the court will have to say what it does cover.\n"
        "[00:03:25] Thanks for listening."
    )
    found = turns_by_label(text)
    assert [c.text for c in found["RITA OKONJO"]] == ["The licence was never meant to cover training runs."]
    assert [c.text for c in found["PAUL VANCE"]] == ["Then the court will have to say what it does cover."]
    assert found["RITA OKONJO"][0].sentence.startswith("[00:03:10] RITA OKONJO:")


def test_a_text_that_opens_on_the_hosts_turn_opens_on_a_transcript():
    text = (
        "HOST: The filing says the model was copied. Is that a fair reading?\n\n"
        "NORA BLAKE: Not quite. Copying weights and learning from answers are different things.\n\n"
        "The show returns next week."
    )
    found = turns_by_label(text)
    assert [c.text for c in found["NORA BLAKE"]] == [
        "Not quite. Copying weights and learning from answers are different things."
    ]
    headline = "Watch: The filing says the model was copied\n\nNORA BLAKE: Not quite, and I have said so.\n"
    assert turns_by_label(headline) == {}


def test_a_short_sentence_wholly_quoted_under_a_name_is_a_turn_and_a_quoted_yes_waits():
    box = (
        "The reactions, in brief.\n\n"
        "RITA OKONJO: “The ruling is wrong.”\n"
        "PAUL VANCE: “The ruling is fair and overdue.”"
    )
    assert [c.text for c in turns_by_label(box)["RITA OKONJO"]] == ["“The ruling is wrong.”"]
    answered = "OKONJO: Did you sign the licence?\nVANCE: “Yes, I did.”"
    assert [(c.text, c.confidence) for c in turns_by_label(answered)["VANCE"]] == [("“Yes, I did.”", 1)]


def test_an_interviewers_label_with_an_ampersand_ends_the_answer_before_it():
    """An outlet named with "&" asks ("Field & Stream: ..."): its line is a turn, so the answer before
    it ends there instead of running on into the next question."""
    text = (
        "Lind on the race\n\nMara Lind spoke to Field & Stream.\n\n"
        "Field & Stream: Will you run again?\nLind: We will run again. The first race taught us a lot.\n\n"
        "Field & Stream: The polls say otherwise.\nLind: Polls were wrong before, and they will be again.\n"
    )
    people = [Mention("Mara Lind", "PERSON", text.index("Mara"), text.index("Mara") + 9)]
    turns = find_turns(text, people)
    assert [(t.label, text[t.start : t.end]) for t in turns if t.label == "Lind"] == [
        ("Lind", "We will run again. The first race taught us a lot."),
        ("Lind", "Polls were wrong before, and they will be again."),
    ]
    assert [t.label for t in turns].count("Field & Stream") == 2
