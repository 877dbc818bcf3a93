"""Shapes of trial coverage the extraction missed or left waiting (issue 12, session 20): a pronoun
whose antecedent no reader can mistake, answers under questioning, transcripts in a write-up, jokes and
reminders. Invented sentences; each rule's test was seen failing without the rule.

These run the whole extraction (extraction.extract), since the rules here rate the claims of a
document after claims.extract_claims has found them.
"""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Dana Whitlock", "PERSON", (("Whitlock", True),), 1),
    VocabularyEntry("Paul Corrigan", "PERSON", (("Corrigan", True),), 2),
    VocabularyEntry("Marta Ines", "PERSON", (("Ines", True),), 3),
)


def claims_in(text: str):
    return extraction.extract([extraction.Document(text)], vocabulary=VOCABULARY)[0].claims


def rated(text: str) -> list[tuple[str, str, int, str]]:
    return [(c.speaker, c.text, c.confidence, c.confidence_rule) for c in claims_in(text)]


# lone-antecedent (lone_antecedents.py)


def test_a_pronoun_whose_antecedent_is_the_only_person_before_publishes_its_clause():
    claims = claims_in(
        "Dana Whitlock testified for three hours on Monday. "
        "She told jurors that the ledger had been altered after the audit."
    )
    assert [(c.speaker_name, c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("Dana Whitlock", "the ledger had been altered after the audit", 2, "lone-antecedent")
    ]
    claims = claims_in(
        "Paul Corrigan arrived at the courthouse early. Outside, he said he expected to be cleared."
    )
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Paul Corrigan", 2, "lone-antecedent")
    ]


def test_a_clause_set_off_around_a_lone_antecedents_pronoun_publishes():
    claims = claims_in(
        "Paul Corrigan was calm about the verdict. The fund, he said, had always kept its books in order."
    )
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Paul Corrigan", 2, "lone-antecedent")
    ]
    rival = claims_in(
        "Paul Corrigan met Tomas Grell after the verdict. The fund, he said, had always kept its books in order."
    )
    assert [c.confidence for c in rival] == [1]


def test_a_pronoun_after_a_sentence_of_the_same_pronoun_publishes_its_clause():
    claims = claims_in(
        "Wendy Park joined the bank in 2019. She ran its audit team for four years. "
        "She said nobody had ever asked the team."
    )
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Wendy Park", 2, "lone-antecedent")
    ]


def test_a_pronouns_clause_that_describes_a_noun_waits():
    claims = claims_in(
        "Paul Corrigan spoke to the board on Monday. "
        "Let's see if he goes back to the kind of tone he said he was going to set early on."
    )
    assert [(c.speaker_name, c.confidence) for c in claims] == [("Paul Corrigan", 1)]


def test_a_pronoun_with_a_rival_of_its_gender_before_it_still_waits():
    claims = claims_in(
        "Paul Corrigan described meeting Tomas Grell at a dinner in 2019. "
        "He said they agreed that night to build the fund together."
    )
    assert [(c.text, c.confidence) for c in claims if "agreed" in c.text] == [
        ("they agreed that night to build the fund together", 1)
    ]


def test_a_pronoun_that_tells_reporters_or_follows_a_name_in_its_own_sentence_still_waits():
    told = claims_in(
        "Dana Whitlock testified for three hours on Monday. She told reporters that the ledger was altered."
    )
    assert [(c.confidence, c.confidence_rule) for c in told] == [(1, "other")]
    rival = claims_in(
        "Dana Whitlock testified on Monday. After a recess and a talk with Marta Ines, she said the ledger "
        "was altered."
    )
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in rival] == [
        ("Dana Whitlock", 1, "other")
    ]


# questioned (questioned.py)


def test_an_answer_under_questioning_publishes_without_a_courtroom_word_elsewhere():
    assert rated(
        "Under questioning from the plaintiff's lawyer, Whitlock acknowledged that she had signed the memo."
    ) == [("Whitlock", "she had signed the memo", 2, "questioned")]
    assert rated("On cross, Corrigan conceded that the fund had lost money in 2020.") == [
        ("Corrigan", "the fund had lost money in 2020", 2, "questioned")
    ]
    answer = (
        "Corrigan asked Whitlock whether the board knew. Whitlock replied that it had been briefed twice."
    )
    assert rated(answer)[-1] == ("Whitlock", "it had been briefed twice", 2, "questioned")
    other = "Corrigan asked Ines whether the board knew. Whitlock replied that it had been briefed twice."
    assert rated(other)[-1] == ("Whitlock", "it had been briefed twice", 1, "other")
    assert rated("Later, Whitlock acknowledged that she had signed the memo.") == [
        ("Whitlock", "she had signed the memo", 2, "argued-named")
    ]  # no questioner: a name acknowledging in its own sentence publishes all the same (argued.py)


# transcripts: the first line, answerers, court formulae


def test_a_passage_that_opens_on_a_transcript_takes_its_turns():
    claims = claims_in("CORRIGAN: You signed the memo, didn't you?\nWHITLOCK: I signed a great many memos.")
    assert [(c.speaker, c.kind, c.confidence) for c in claims] == [
        ("CORRIGAN", "question", 0),
        ("WHITLOCK", "statement", 3),
    ]
    headline = "WHITLOCK: I signed a great many memos\n\nCORRIGAN: You signed this one on Friday."
    assert [c.speaker for c in claims_in(headline)] == []  # a headline, then one turn


def test_an_answer_turn_is_the_person_the_line_before_says_was_questioned():
    text = (
        "In one exchange, Corrigan questioned Whitlock about the audit.\n"
        "Q: Did you tell the board the ledger was altered?\n"
        "A: I told the chair. Not the whole board."
    )
    claims = claims_in(text)
    assert [(c.speaker, c.speaker_name, c.kind, c.confidence, c.confidence_rule) for c in claims] == [
        ("Q", "Paul Corrigan", "question", 0, "question"),
        ("A", "Dana Whitlock", "statement", 2, "transcript-answerer"),
    ]
    passive = (
        "Whitlock was pressed by Corrigan on the audit.\nQ: Who altered it?\nA: Nobody I supervised did."
    )
    assert [(c.speaker_name, c.confidence) for c in claims_in(passive) if c.speaker == "A"] == [
        ("Dana Whitlock", 2)
    ]
    unnamed = "The exchange went on.\nQ: Who altered the ledger?\nA: Nobody I supervised did."
    assert [(c.speaker_name, c.confidence) for c in claims_in(unnamed) if c.speaker == "A"] == [(None, 1)]


def test_a_court_transcripts_q_and_a_with_periods_are_turns_but_initials_are_not():
    text = (
        "The record of the afternoon reads:\n\n"
        "Q. Did you tell the board the ledger was altered?\n\n"
        "A. Yes.\n\n"
        "Q. When?\n\n"
        "A. At the March meeting, before the audit began."
    )
    assert [(c.speaker, c.kind, c.text) for c in claims_in(text)] == [
        ("Q", "question", "Did you tell the board the ledger was altered?"),
        ("A", "statement", "At the March meeting, before the audit began."),
    ]
    credits = (
        "The board met on Friday.\n\n"
        "A. Whitlock took the photographs in the hall on Friday.\n"
        "A. Corrigan edited the story and checked the figures."
    )
    assert [c.speaker for c in claims_in(credits)] == []  # initials: no "Q." anywhere


def test_an_answer_turn_is_the_person_the_first_question_addresses_by_name():
    text = (
        "The record of the afternoon reads:\n\n"
        "Q. Ms. Whitlock, did you tell the board the ledger was altered?\n\n"
        "A. Yes.\n\n"
        "Q. When?\n\n"
        "A. At the March meeting, before the audit began."
    )
    assert [(c.speaker, c.speaker_name, c.confidence) for c in claims_in(text)] == [
        ("Q", None, 0),
        ("A", "Dana Whitlock", 2),
    ]


def test_the_court_and_the_witness_take_the_judge_and_the_witness_named_before():
    text = (
        "The hearing before Judge Marta Ines resumed with Dana Whitlock on the stand.\n\n"
        "THE COURT: The jury will disregard the last answer entirely.\n\n"
        "THE WITNESS: I was only answering what I was asked."
    )
    assert [(c.speaker, c.speaker_name, c.confidence) for c in claims_in(text)] == [
        ("THE COURT", "Marta Ines", 2),
        ("THE WITNESS", "Dana Whitlock", 2),
    ]
    two_judges = text.replace("Judge Marta Ines", "Judge Marta Ines and Judge Paul Corrigan")
    assert [(c.speaker_name, c.confidence) for c in claims_in(two_judges) if c.speaker == "THE COURT"] == [
        (None, 1)
    ]


def test_courtroom_formulae_in_a_transcript_are_no_claims():
    text = (
        "The afternoon went slowly.\n"
        "CORRIGAN: Objection, Your Honor. Speculation.\n"
        "THE COURT: Sustained.\n"
        "WHITLOCK: Thank you, Your Honor.\n"
        "CORRIGAN: The witness never saw the ledger herself."
    )
    assert [(c.speaker, c.text) for c in claims_in(text)] == [
        ("CORRIGAN", "The witness never saw the ledger herself.")
    ]


# joke, remind (patterns/reporting_verbs.jsonl)


def test_a_joke_is_found_and_waits_for_a_curator():
    assert rated("“Nobody is going home early today,” Judge Ines joked as the session dragged on.") == [
        ("Judge Ines", "Nobody is going home early today,", 1, "rarer-verb")
    ]
    assert rated("Corrigan joked that he would need a bigger office.") == [
        ("Corrigan", "he would need a bigger office", 1, "rarer-verb")
    ]
    assert (
        rated("As Whitlock, a pilot, joked with her friend at the table, her brother grew impatient.") == []
    )


def test_a_reminder_reports_its_clause_not_its_object():
    assert rated("The judge reminded jurors that they must not read coverage of the trial.") == [
        ("The judge", "they must not read coverage of the trial", 1, "other")
    ]
    assert rated("In her post, Whitlock reminded Corrigan of the audit.") == []
    assert rated("Corrigan reminds us of a guest who will not leave.") == []
