"""Trial reporting as a reader sees it (issue 12): what a claim's tier publishes under a person's name.

Invented sentences in the styles outlets use for a trial; each rule here was seen failing without it.
"""

from __future__ import annotations


def _tiers(claims):
    return [(c.speaker, c.text, c.confidence, c.confidence_rule) for c in claims]


def test_what_someone_denied_waits_for_a_curator(claims_of):
    """ "Roe denied that she misled the board" shown as "Jane Roe: she misled the board" reads as the
    opposite of what she said (confidence rule "denial"); a plain report stays published."""
    claims = claims_of(
        "Jane Roe denied that she had misled the board about the merger. "
        "Under oath, Jane Roe denied that she “ever saw” the memo. "
        "Jane Roe said that the board had approved the merger."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("she had misled the board about the merger", 1, "denial"),
        ("she “ever saw” the memo", 1, "denial"),
        ("the board had approved the merger", 2, "speech-named"),
    ]


def test_a_bare_yes_or_no_waits_for_a_curator(claims_of):
    """ "“No,” Roe said": an answer to a question the claim does not carry ("bare-answer"); an answer
    with words of its own stays published."""
    claims = claims_of(
        "“Did you sign it?” the lawyer asked. “No,” Jane Roe said. "
        "“Absolutely not,” John Doe said. "
        "“Partly, yes, for the early tests,” Jane Roe said."
    )
    published = [(c.text, c.confidence, c.confidence_rule) for c in claims if c.kind != "question"]
    assert published == [
        ("No,", 1, "bare-answer"),
        ("Absolutely not,", 1, "bare-answer"),
        ("Partly, yes, for the early tests,", 3, "quote-named"),
    ]


def test_an_answer_with_a_short_qualifier_waits_for_a_curator(claims_of):
    """ "“Probably not at that price,” Roe said": a yes or no with only a phrase after it (answers.py)
    leaves out what it answers, like a bare "No"; an answer with a verb of its own stays published."""
    claims = claims_of(
        "“Did the board approve the sale?” the lawyer asked. “Not to my knowledge,” Jane Roe said. "
        "“Probably not at that price,” John Doe said. “No, not in writing,” Jane Roe said. "
        "“No, we never agreed to it,” John Doe said. “Not everyone on the board liked it,” Jane Roe said. "
        "“Not closely,” John Doe said. “Not that I recall,” Jane Roe said. "
        "“Not surprisingly, the board agreed,” John Doe said."
    )
    published = [(c.text, c.confidence, c.confidence_rule) for c in claims if c.kind != "question"]
    assert published == [
        ("Not to my knowledge,", 1, "bare-answer"),
        ("Probably not at that price,", 1, "bare-answer"),
        ("No, not in writing,", 1, "bare-answer"),
        ("No, we never agreed to it,", 3, "quote-named"),
        ("Not everyone on the board liked it,", 3, "quote-named"),
        ("Not closely,", 1, "bare-answer"),
        ("Not that I recall,", 1, "bare-answer"),
        ("Not surprisingly, the board agreed,", 3, "quote-named"),
    ]


def test_a_doubt_told_to_jurors_keeps_its_frame(claims_of):
    """ "told jurors he had doubted in 2017 that X": the parser reads "jurors [whom] he had doubted",
    and the content would be X alone, the opposite of his words (addressee_clauses.py); a relative
    clause whose verb takes no such clause stays one."""
    claims = claims_of(
        "John Doe told jurors he had doubted in 2017 that Jane Roe would sell the firm. "
        "Jane Roe assured investors she had expected in March that the plant would reopen. "
        "Jane Roe told jurors she had worried, at the time, that John Doe would quit. "
        "Jane Roe told the man she had met in Paris in 2017 that the deal was off."
    )
    assert [c.text for c in claims] == [
        "he had doubted in 2017 that Jane Roe would sell the firm",
        "she had expected in March that the plant would reopen",
        "she had worried, at the time, that John Doe would quit",
        "the deal was off",
    ]


def test_an_elided_verb_phrase_waits_and_a_report_by_no_one_is_no_claim(claims_of):
    """ "Roe said it did not": a pronoun and an auxiliary stand for words said before (answers.py,
    "bare-answer"); "Neither Roe nor Doe said ...", "No witness testified ...": no one said it
    (negated_speakers.py, "not-said"). A name that opens with "No" keeps its claim."""
    claims = claims_of(
        "The lawyer asked whether the board had met. Jane Roe said it did not. "
        "Neither Jane Roe nor John Doe said the board had been told. "
        "No witness testified that the ledger was false. "
        "No Limits Freight said the ledger was false. "
        "John Doe said it was late."
    )
    stated = [(c.text, c.confidence, c.confidence_rule) for c in claims if c.kind != "question"]
    assert stated == [
        ("it did not", 1, "bare-answer"),
        ("the board had been told", 0, "not-said"),
        ("the ledger was false", 0, "not-said"),
        ("the ledger was false", 1, "other"),  # a name: not "not-said"
        ("it was late", 2, "speech-named"),
    ]


def test_a_refusal_in_quotation_marks_is_a_no_comment(claims_of):
    """'said the company “does not comment on ongoing litigation.”': the quotation mark before the
    refusal does not hide it (no-comment's four words of subject may end in one)."""
    claims = claims_of(
        "A spokesman for Acme Freight said the company “does not comment on ongoing litigation.”"
    )
    assert [(c.verb, c.confidence, c.confidence_rule) for c in claims] == [
        ("decline to comment", 0, "no-comment")
    ]


def test_a_saying_someone_was_pressed_or_wanted_to_make_waits(claims_of):
    """ "tried to get Roe to say X": Roe did not say X (unsaid.py, confidence rule "wanted"); "went on
    to say" and "was quick to say" report a saying."""
    claims = claims_of(
        "The lawyer tried to get Jane Roe to say the company had abandoned its mission. "
        "John Doe wanted Jane Roe to say that the emails were hers. "
        "Jane Roe went on to say that the board had misled her."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("the company had abandoned its mission", 1, "wanted"),
        ("the emails were hers", 1, "wanted"),
        ("the board had misled her", 2, "speech-named"),
    ]


def test_words_someone_wants_or_urges_another_to_say_are_the_wanters(claims_of):
    """ "Roe wants voters to recall that ...", parsed with "voters" as the infinitive's subject: the
    words are Roe's message, so Roe speaks, not the voters (unsaid.wanter); "allowing users to tell
    readers that ..." keeps the users, who do the telling."""
    claims = claims_of(
        "Okafor wants voters to recall that he took a rare and unpopular stand against the merger."
    )
    assert [(c.speaker, c.text, c.confidence_rule) for c in claims] == [
        ("Okafor", "he took a rare and unpopular stand against the merger", "wanted")
    ]
    claims = claims_of("The firm activates a tool allowing users to tell readers that they are safe.")
    assert [c.speaker for c in claims] == ["users"]


def test_trial_verbs_under_a_name_are_published_in_court_coverage(claims_of):
    """In an article about a trial (a jury, a witness stand, a court filing: courtroom.py, rule
    "court-named"), "acknowledged", "admitted", "argued in a filing" and "told jurors" with a clause
    report testimony or argument under a name: published like "said"."""
    claims = claims_of(
        "Jane Roe testified for a second day before the jury. "
        "Jane Roe acknowledged that she had signed the lease. "
        "John Doe admitted that the ledger was incomplete. "
        "Acme Freight argued in a filing that the claims came too late. "
        "Jane Roe told jurors that the shipments had stopped in May."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("she had signed the lease", 2, "court-named"),
        ("the ledger was incomplete", 2, "court-named"),
        ("the claims came too late", 2, "court-named"),
        ("the shipments had stopped in May", 2, "court-named"),
    ]


def test_trial_verbs_wait_outside_court_coverage_and_tell_needs_the_court(claims_of):
    """Without a word of the courtroom the same verbs wait (the catch-all "other"); in court coverage
    "told reporters" is no testimony and waits too."""
    outside = claims_of("Jane Roe acknowledged that she had signed the lease.")
    assert [(c.confidence, c.confidence_rule) for c in outside] == [(1, "other")]
    inside = claims_of(
        "The jury heard from Jane Roe on Monday. Jane Roe told reporters that the shipments had stopped."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in inside] == [
        ("the shipments had stopped", 1, "other")
    ]


def test_a_courtroom_word_inside_a_quote_makes_no_court_coverage(claims_of):
    """A marker counts only outside quotation marks (courtroom.py): a senator quoted saying "the jury
    of public opinion" does not make a budget story court coverage, so "acknowledged that" waits there;
    the same word in the outlet's own words still makes it."""
    quoted = claims_of(
        "“The jury of public opinion is still out,” Senator Jane Roe said of the plan. "
        "John Doe acknowledged that the budget had grown by a third."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in quoted][-1] == (
        "the budget had grown by a third",
        1,
        "other",
    )
    told = claims_of(
        "The jury heard from Senator Jane Roe on Monday. "
        "John Doe acknowledged that the budget had grown by a third."
    )
    assert [(c.confidence, c.confidence_rule) for c in told] == [(2, "court-named")]


def test_a_warning_with_a_clause_under_a_name_is_published(claims_of):
    """ "Judge Roe warned both sides that she would not tolerate ..." is as plain a report as "said"
    (speech-named: the trial sets' j006, u010, f046); "warned against a rushed vote" has no clause and
    waits."""
    claims = claims_of(
        "Judge Jane Roe warned both sides on Tuesday that she would not tolerate further leaks. "
        "John Doe warned against a rushed vote on the merger."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("she would not tolerate further leaks", 2, "speech-named"),
        ("against a rushed vote on the merger", 1, "other"),
    ]


def test_a_documents_words_that_it_read_are_its_authors(claims_of):
    """ "A 2018 email from Roe read: “...”" prints the email's words, which are Roe's (reporting verb
    "read-document", from the fourth trial set's f120); "read" reports only with a document as its
    subject and quoted words: someone reading a statement aloud, or a sign, reports nothing."""
    claims = claims_of(
        "A 2018 email from Jane Roe to John Doe read: “Without a big change, this lab will lose.” "
        "John Doe read the statement aloud: “We will appeal any adverse verdict.” "
        "The sign on the door read: “No entry without a badge.”"
    )
    assert [(c.speaker_name, c.text, c.confidence) for c in claims] == [
        ("Jane Roe", "Without a big change, this lab will lose.", 3),
    ]


def test_an_organisations_account_posting_speaks_for_it(claims_of):
    """ "Acme's official account posted on X: “...”": the account is a document of its owner's, as
    its statement or its blog is (speakers.jsonl proxy-statement; the fourth trial set's f079, where
    the parser hangs "posted" on "account" and the claim was dropped as one with no speaker)."""
    claims = claims_of(
        "Halden Freight's official account posted on X: “The depot was sold in 2021. Full stop.”"
    )
    assert [(c.speaker_name, c.text, c.confidence) for c in claims] == [
        ("Halden Freight", "The depot was sold in 2021. Full stop.", 3),
    ]


def test_written_words_in_a_clause_under_a_name_are_published(claims_of):
    """ "Roe wrote in a brief that ..." is as plain a report of written words as "said that"
    (written-named); a clause set around the verb ("The board, Doe wrote, never ...") waits, since on
    PolNeAR train such a claim took the sentence's opening phrase for the words."""
    claims = claims_of(
        "Jane Roe wrote in a brief that the contract had lapsed in 2021. "
        "The board, John Doe wrote, never voted on it."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("the contract had lapsed in 2021", 2, "written-named"),
        ("The board … never voted on it", 1, "other"),
    ]


def test_a_confirmation_with_a_clause_under_a_name_is_published(claims_of):
    """ "A spokesperson for Acme confirmed that ..." is as plain a report as "said" (speech-named; the
    fourth trial set's f114); testimony that "confirms" something is the outlet's reading of it
    (proxy-evidence, tier 0)."""
    claims = claims_of(
        "A spokesperson for Halden Freight confirmed that the depot had been sold in 2021. "
        "Jane Roe's testimony confirms that the depot had been sold."
    )
    assert [(c.speaker_name, c.confidence, c.confidence_rule) for c in claims] == [
        ("Halden Freight", 2, "speech-named"),
        ("Jane Roe", 0, "proxy-evidence"),
    ]


def test_telling_with_only_the_one_told_waits_for_a_curator(claims_of):
    """ "“We told the people who needed to know,” Roe said": a verb of telling with the one told and
    nothing told, which the question carried (answers.told_only, "bare-answer"; the unseen trial set's
    u038, an answer turn); what was told ("what I believed"), a thing said ("the truth") or the question
    turned back ("You tell me") stays."""
    claims = claims_of(
        "“Did you tell the board?” the lawyer asked. “We told the people who needed to know,” Jane Roe said. "
        "“I told them at the time,” John Doe said. “I told him what I believed at the time,” John Doe said. "
        "“I told the truth,” Jane Roe said. “You tell me,” John Doe said."
    )
    published = [(c.text, c.confidence, c.confidence_rule) for c in claims if c.kind != "question"]
    assert published == [
        ("We told the people who needed to know,", 1, "bare-answer"),
        ("I told them at the time,", 1, "bare-answer"),
        ("I told him what I believed at the time,", 3, "quote-named"),
        ("I told the truth,", 3, "quote-named"),
        ("You tell me,", 3, "quote-named"),  # the question turned back: no telling reported
    ]


def test_what_jurors_are_told_they_will_hear_waits_for_a_curator(claims_of):
    """ "Roe told jurors they would hear a simple story": a promise of what the lawyer will present, not
    a claim about the case (previews.py, "preview"; the third trial set's t126, published by
    "court-named"); a clause about someone else, or an instruction of the court, stays published."""
    claims = claims_of(
        "In his opening statement, John Doe told jurors they would hear a simple story. "
        "Jane Roe told the jury it would see emails in his own words. "
        "Jane Roe told jurors that John Doe would testify about the sale. "
        "Judge Mary Poe told jurors they will resume deliberations at 8:30 a.m. tomorrow."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("they would hear a simple story", 1, "preview"),
        ("it would see emails in his own words", 1, "preview"),
        ("John Doe would testify about the sale", 2, "court-named"),
        ("they will resume deliberations at 8:30 a.m. tomorrow", 2, "court-named"),
    ]
