"""Trial coverage that waited at tier 1 or was missed though a reader would sign it (issue 12, session
21): a party's lawyers arguing with no courtroom word in the passage, a legal team, "the judge said
that" when the judge is named, "and he added that" in the speaker's own sentence, a belief told to
the court, and an answer of adverbs only ("Never, ever") that must not publish.

Invented sentences; each rule's test was seen failing without the rule. These run the whole extraction
(extraction.extract), since several rules rate the claims of a document after claims.extract_claims.
"""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Dana Whitlock", "PERSON", (("Whitlock", True),), 1),
    VocabularyEntry("Paul Corrigan", "PERSON", (("Corrigan", True),), 2),
    VocabularyEntry("Marta Ines", "PERSON", (("Ines", True),), 3),
    VocabularyEntry("Halden Freight", "ORG", (("Halden", True),), 4),
)


def claims_in(text: str):
    return extraction.extract([extraction.Document(text)], vocabulary=VOCABULARY)[0].claims


def rated(text: str) -> list[tuple[str, str, int, str]]:
    return [(c.speaker, c.text, c.confidence, c.confidence_rule) for c in claims_in(text)]


# an answer of adverbs only (answers.py)


def test_an_answer_of_adverbs_only_waits():
    """ "“Never, ever,” Roe said": an answer to a question the claim does not carry, however firm."""
    claims = claims_in(
        "Asked whether he would ever sell the depot, Paul Corrigan said: “Never, ever.” "
        "“No, not ever,” Dana Whitlock said when asked about a settlement."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims if c.kind != "question"] == [
        (1, "bare-answer"),
        (1, "bare-answer"),
    ]


def test_a_word_of_degree_alone_waits():
    """ "“Partly,” Roe said", "Somewhat": how much of something the question named, which the claim does
    not carry (the fifth trial set's v022, a word a correspondent mentioned published as Musk's)."""
    claims = claims_in("“Partly,” Paul Corrigan said. “Somewhat,” Dana Whitlock said of the depot.")
    assert [(c.confidence, c.confidence_rule) for c in claims] == [(1, "bare-answer"), (1, "bare-answer")]


def test_a_word_of_degree_with_words_of_its_own_stays_a_claim():
    claims = claims_in("“Partly. We used their models for the early tests,” Paul Corrigan said.")
    assert [c.confidence >= 2 for c in claims] == [True]


def test_never_ever_in_a_sentence_of_its_own_stays_published():
    claims = claims_in("Paul Corrigan said he would never, ever sell the depot to a rival.")
    assert [(c.confidence, c.confidence_rule) for c in claims] == [(2, "speech-named")]


def test_an_answer_that_echoes_its_question_with_it_waits():
    """ "A. I meant it at the time.": the question's verb and "it" say nothing without the question."""
    text = (
        "Corrigan questioned Whitlock about the memo.\n"
        "Q: And you wrote the memo yourself?\n"
        "A: I wrote it on the train.\n"
        "Q: And you believed it?\n"
        "A: I believed every word of the memo when I wrote it."
    )
    assert [(c.text, c.confidence) for c in claims_in(text) if c.speaker == "A"] == [
        ("I wrote it on the train.", 1),
        ("I believed every word of the memo when I wrote it.", 2),
    ]


# "the judge" named before (presiding.py, resolution "presiding")


def test_a_clause_under_the_judge_named_before_publishes():
    """Only one judge can be meant, so "the judge said that ..." is as plain as under her name; "told
    the jury" too (court-named)."""
    claims = claims_in(
        "U.S. District Judge Marta Ines opened the hearing on Monday. "
        "The judge said that the jury would hear from two more witnesses. "
        "Later the judge told the jury that the ledger was not in evidence."
    )
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Marta Ines", 2, "speech-named"),
        ("Marta Ines", 2, "court-named"),
    ]


def test_a_clause_under_an_unresolved_judge_still_waits():
    claims = claims_in(
        "Judge Marta Ines and Judge Dana Whitlock heard the appeal. "
        "The judge said that the jury would hear from two more witnesses."
    )
    assert [(c.speaker_name, c.confidence) for c in claims] == [(None, 1)]


# a legal team is counsel (speakers.jsonl proxy-counsel, speaker_words.word_of)


def test_a_partys_legal_team_speaks_for_it():
    claims = claims_in(
        "Corrigan's legal team said the diary entries should be excluded. "
        "Halden Freight's defense team said the merger was lawful."
    )
    assert [(c.speaker_entity, c.speaker_via, c.confidence) for c in claims] == [
        ("Paul Corrigan", "Corrigan's legal team", 2),
        ("Halden Freight", "Halden Freight's defense team", 2),
    ]


def test_a_campaign_team_is_no_lawyer():
    claims = claims_in("Corrigan's campaign team said the depot would stay open.")
    assert [(c.speaker_entity, c.speaker_via, c.confidence) for c in claims] == [(None, None, 1)]


# a party's lawyers arguing its case (counsel.py, confidence rule "counsel")


def test_a_partys_lawyers_arguing_publish_with_no_courtroom_word():
    """ "wrote in a brief": a courtroom word, but "wrote" is no verb of courtroom.py's."""
    claims = [
        claim
        for text in (
            "Whitlock's lawyers argued that the ledger had been altered after the audit.",
            "Lawyers for Halden Freight wrote in a brief that the contract had lapsed in 2021.",
            "Corrigan's legal team contended that the depot was never for sale.",
        )
        for claim in claims_in(text)
    ]
    assert [(c.speaker_entity, c.confidence, c.confidence_rule) for c in claims] == [
        ("Dana Whitlock", 2, "counsel"),
        ("Halden Freight", 2, "counsel"),
        ("Paul Corrigan", 2, "counsel"),
    ]


def test_a_lawyer_named_as_one_arguing_publishes():
    """ "Acme's lead lawyer, Jane Roe, countered that ...": a lawyer the phrase names and calls one
    argues as the party's lawyers do (counsel.py; the trial sets' f037, u018); the name alone publishes
    as any name arguing in its own sentence does (argued.py, "argued-named")."""
    claims = [
        claim
        for text in (
            "Halden Freight's lead lawyer, Marta Ines, countered that the contract had lapsed in 2021.",
            "Marta Ines, a lawyer for Halden Freight, argued that the contract had lapsed in 2021.",
            "Marta Ines argued that the contract had lapsed in 2021.",
        )
        for claim in claims_in(text)
    ]
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Marta Ines", 2, "counsel"),
        ("Marta Ines", 2, "counsel"),
        ("Marta Ines", 2, "argued-named"),
    ]


def test_a_spokesperson_arguing_or_lawyers_telling_reporters_wait():
    claims = claims_in(
        "A spokeswoman for Halden Freight argued that the contract had lapsed in 2021. "
        "Whitlock's lawyers told reporters that the ledger had been altered."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims] == [(1, "other"), (1, "other")]


# a speaker who goes on in the same sentence (same_speaker.py, confidence rule "same-speaker")


def test_and_she_added_in_the_named_speakers_own_sentence_publishes():
    claims = claims_in(
        "Dana Whitlock said the board approved the plan in March, and she added that nobody had objected."
    )
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Dana Whitlock", 2, "speech-named"),
        ("Dana Whitlock", 2, "same-speaker"),
    ]


def test_and_he_added_after_two_men_named_waits():
    """Two men before "he" (Corrigan and Tom Baker, named in Corrigan's words): either may have gone
    on."""
    claims = claims_in(
        "Paul Corrigan said Tom Baker approved the plan in March, and he added that nobody had objected."
    )
    assert [c.confidence for c in claims] == [2, 1]


def test_and_she_reportedly_added_waits_as_hearsay():
    """same_speaker rechecks a promoted claim with every check of confidence.in_context but
    "named-before": the outlet passing the second saying on as hearsay keeps it waiting."""
    claims = claims_in(
        "Dana Whitlock said the board approved the plan in March, and she reportedly added that nobody"
        " had objected."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims][0] == (2, "speech-named")
    assert claims[1].confidence < 2 and claims[1].confidence_rule != "same-speaker"


# a belief told to the court, misparsed as a relative clause (addressee_clauses.whole)


def test_a_hope_told_to_the_court_is_a_claim():
    claims = claims_in(
        "Paul Corrigan told the court he had hoped at the time that the depot would stay open."
    )
    assert [(c.speaker_name, c.text, c.confidence) for c in claims] == [
        ("Paul Corrigan", "he had hoped at the time that the depot would stay open", 2)
    ]  # "told the court": a courtroom word (court-named)


def test_a_person_told_is_not_what_was_said():
    """ "told the man she had met in Paris": a relative clause of a verb that takes no clause."""
    assert claims_in("Dana Whitlock told the man she had met in Paris about the depot.") == ()


def test_any_clause_told_to_the_jury_is_a_claim():
    """ "told the jury he had lied": a pronoun-subject clause right after a courtroom audience or an
    object pronoun, with no relative word, is what was told whatever its verb."""
    for sentence, words in (
        ("Paul Corrigan told the jury he had lied about the depot.", "he had lied about the depot"),
        ("Paul Corrigan told jurors she had signed the lease twice.", "she had signed the lease twice"),
        (
            "Paul Corrigan told the jury he had 'doubled' the rent over two years.",
            "he had 'doubled' the rent over two years",
        ),
    ):
        claims = claims_in(sentence)
        assert [(c.speaker_name, c.text) for c in claims] == [("Paul Corrigan", words)], sentence


# a question set off between the name and its verb (asked_insertions.py, misparsed.lost_subject)


def test_a_speaker_asked_in_an_insertion_keeps_her_claim():
    """The parser made "asked" the verb with the name its subject: "said" had no speaker."""
    claims = claims_in(
        "Dana Whitlock, asked Tuesday about the plan, said it was “simply false” and “insulting.”"
    )
    assert [(c.speaker_name, c.text, c.confidence) for c in claims if c.kind != "question"] == [
        ("Dana Whitlock", "it was “simply false” and “insulting.”", 3)
    ]


# a Title Case label answered by a name label (exchange_labels.py)


def test_a_title_case_label_in_an_exchange_is_a_speaker():
    """ "Baxter" is no person the entity model found; answered on the next line by a curated name, the
    exchange is a transcript and both turns are claims."""
    claims = claims_in(
        "Baxter questioned Corrigan about the depot.\n"
        "Baxter: The bank valued the depot at four million dollars in 2019.\n"
        "Corrigan: The bank never saw the rail contracts we had signed."
    )
    assert [(c.speaker, c.confidence) for c in claims if c.rule == "transcript-turn"] == [
        ("Baxter", 3),
        ("Corrigan", 3),
    ]


def test_title_case_headings_between_paragraphs_are_no_transcript():
    claims = claims_in(
        "The plan has three parts.\n\nFreight: The depot will handle all rail freight from May.\n\n"
        "Corrigan: The chairman will step down after the vote in June."
    )
    assert [c for c in claims if c.rule == "transcript-turn"] == []


def test_a_pronoun_not_coordinated_with_the_names_report_waits():
    """ "After Roe said X, she added Y": the pronoun's verb is no conjunct of the name's report."""
    claims = claims_in(
        "After Dana Whitlock said the plan had failed in March, she added that nobody had objected."
    )
    assert [c.confidence for c in claims][-1:] == [1]


def test_a_that_clause_the_parser_read_as_a_noun_phrase_is_still_argued():
    """ "argued that the conversion enriched insiders": parsed as a noun phrase headed by "insiders"
    with "that" its mark, no subject; the "that" says it is a clause."""
    claims = claims_in(
        "Whitlock's lawyers argued that the for-profit conversion enriched insiders at the expense of the trust."
    )
    assert [(c.speaker_entity, c.confidence, c.confidence_rule) for c in claims] == [
        ("Dana Whitlock", 2, "counsel")
    ]


def test_a_sidebar_is_the_courtroom():
    claims = claims_in("Judge Marta Ines told the lawyers at a sidebar that the trial was running late.")
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Marta Ines", 2, "court-named")
    ]


# a person's account opening its sentence (according_named.py, confidence rule "according-named")


def test_a_persons_account_opening_its_sentence_is_published():
    """ "According to Roe, the board approved the sale" is Roe's account as plainly as "Roe said"
    (the trial sets' f115, t027, u050); after the words or after other words ("By then, according to
    Roe, ...": the content loses them), to an outlet, opening with quoted words (what follows them may
    be the outlet's gloss), stopping short of the sentence's end, or with no clause of its own, it
    waits."""
    claims = [
        claim
        for text in (
            "According to Marta Ines, the depot was sold in 2021.",
            "The depot was sold in 2021, according to Marta Ines.",
            "By then, according to Marta Ines, the depot had been sold.",
            "According to CNN, the depot was sold in 2021.",
            "According to Marta Ines, “the depot is gone,” presumably meaning the sale closed.",
            "According to Marta Ines, the depot was sold in 2021; the rivals dispute it.",
            "According to Paul Corrigan, writing for the Post:",
        )
        for claim in claims_in(text)
    ]
    assert [(c.speaker, c.confidence, c.confidence_rule) for c in claims] == [
        ("Marta Ines", 2, "according-named"),
        ("Marta Ines", 1, "reported-by"),
        ("Marta Ines", 1, "reported-by"),
        ("CNN", 1, "reported-by"),
        ("Marta Ines", 1, "reported-by"),
        ("Marta Ines", 1, "reported-by"),
        ("the rivals", 1, "other"),
        ("Paul Corrigan", 1, "reported-by"),
    ]
