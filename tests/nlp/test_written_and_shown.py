"""Sources a clause names without a subject (issue 12, session 30): the document a fronted "As stated
in X," names (written_in.py), and a person shown speaking in a record the parser misread
("footage of X asking", depictions.py); with them the fronted "As Roe pointed out, Y" family train
holds: "point out" as a verb of saying (patterns/reporting_verbs.jsonl), the clause an "as"
attribution is set into without it (as_inserted.py), and an "as" attribution with an object that is
not what was said ("As Roe told the Ledger, Y", as_objects.py).

Invented sentences; each rule's test was seen failing without the rule. These run the whole extraction
(extraction.extract), so the tiers are those a reader is shown.
"""

from __future__ import annotations

from tracker.nlp import extraction


def rated(text: str) -> list[tuple[str, str, int, str]]:
    claims = extraction.extract([extraction.Document(text)])[0].claims
    return [(c.speaker, c.text, c.confidence, c.confidence_rule) for c in claims]


# a document named by "in" in a fronted "as" phrase (written_in.py)


def test_the_document_a_fronted_as_phrase_names_is_the_source():
    """ "As stated in Lowell's column, Y": the column's Y, passed on as "as" passes it (tier 1)."""
    assert rated("As stated in Lowell's column, there are many open questions about the fund.") == [
        ("Lowell's column", "there are many open questions about the fund", 1, "other")
    ]
    assert rated("As noted in the report, the fund lost money last year.") == [
        ("the report", "the fund lost money last year", 1, "other")
    ]
    assert rated("As stated in Dale' commentary, the board still owes the city money.") == [
        ("Dale' commentary", "the board still owes the city money", 1, "other")
    ]  # a commentary is a written statement (patterns/speakers.jsonl), a bare apostrophe its possessive


def test_a_time_a_place_or_nothing_after_the_as_phrase_is_no_source():
    """ "As noted in June", "As stated in court", "As noted above": when, where, or the writer."""
    for opening in ("As noted in June", "As stated in court", "As noted above"):
        assert rated(f"{opening}, the fund lost money last year.") == [
            ("", "the fund lost money last year", 0, "no-speaker")
        ]


# a person shown speaking in a record (depictions.py)


def test_a_person_heard_in_audio_speaks_when_the_parser_hangs_the_participle_on_the_verb():
    """ "uses audio of Roe saying": the parser made "saying" a complement of "uses"; not the ad's."""
    assert rated("The ad uses audio of Maria Lentz saying, “We will not stop.”") == [
        ("Maria Lentz", "We will not stop.", 3, "quote-named")
    ]


def test_a_person_in_footage_speaks_when_the_parser_reads_one_noun_phrase():
    """ "footage of a voter asking": the parser made "asking" the object of "of", the voter its
    compound; the voter asks (a question: tier 0), not the spot."""
    assert rated("The spot uses footage of a voter asking, “Why is nobody listening?”") == [
        ("a voter", "Why is nobody listening?", 0, "question")
    ]


def test_a_name_in_footage_read_as_a_place_still_speaks():
    """The model reads some surnames as places or organisations ("Halloran" a GPE): in footage, a
    name of a speaking kind is the one shown speaking, not the ad."""
    assert rated("The ad then cuts to footage of Halloran saying that the state will cut taxes.") == [
        ("Halloran", "the state will cut taxes", 2, "speech-named")
    ]


# "point out" (patterns/reporting_verbs.jsonl, point-out)


def test_pointing_out_is_saying_with_its_particle():
    """ "As Halloran pointed out, Y" and "Lentz pointed out that Y": a name's finite "pointed out"
    publishes as "argued" does (argued.py, "argued-named"); a participle waits; "pointed to the
    budget" offers evidence, and a headline's "Have Point" no particle: nothing."""
    assert rated("As Halloran pointed out, the county budget has grown every year since 2010.") == [
        ("Halloran", "the county budget has grown every year since 2010", 2, "argued-named")
    ]
    assert rated("Maria Lentz pointed out that the county budget has grown every year.") == [
        ("Maria Lentz", "the county budget has grown every year", 2, "argued-named")
    ]
    assert rated("Maria Lentz went home, pointing out that the county budget has grown every year.") == [
        ("Maria Lentz", "the county budget has grown every year", 1, "other")
    ]
    assert rated("Maria Lentz pointed to the county budget.") == []
    headline = "On Taxes, Angry Voters Have Point: The County Has Not Listened.\n\nWere the experts wrong?"
    assert rated(headline) == []


# the clause an "as" attribution is set into (as_inserted.py)


def test_the_conjunction_or_setting_before_an_as_attribution_is_not_said():
    """ "And as Lentz noted, Y", "Of course, as Lentz observed, Y": Y alone."""
    assert rated("And as Maria Lentz noted, the county budget has grown every year since 2010.") == [
        ("Maria Lentz", "the county budget has grown every year since 2010", 1, "other")
    ]
    assert rated("Of course, as Maria Lentz observed, the county budget has grown every year.") == [
        ("Maria Lentz", "the county budget has grown every year", 1, "other")
    ]


def test_a_subject_before_an_as_attribution_is_said_in_two_pieces():
    """ "That, as Lentz notes, is a lot": the subject and the predicate around the attribution."""
    assert rated("That, as Maria Lentz notes, is a lot of money for a small county.") == [
        ("Maria Lentz", "That … is a lot of money for a small county", 1, "other")
    ]


# an "as" attribution whose verb has an object that is not what was said (as_objects.py)


def test_the_one_told_or_the_it_of_an_as_attribution_leaves_the_clause_said():
    """ "As Lentz told the Ledger, Y", "As Lentz puts it, Y", "As Lentz reminded voters, Y", "That, as
    Lentz told reporters, is Z": what the "as" phrase is set into, passed on as "as" passes it (tier 1)."""
    assert rated("As Maria Lentz told the Ledger, the county budget has grown every year.") == [
        ("Maria Lentz", "the county budget has grown every year", 1, "other")
    ]
    assert rated("As Maria Lentz puts it, the county has been spending like a lottery winner.") == [
        ("Maria Lentz", "the county has been spending like a lottery winner", 1, "other")
    ]
    assert rated("As Maria Lentz reminded voters, the county budget has grown every year.") == [
        ("Maria Lentz", "the county budget has grown every year", 1, "other")
    ]
    assert rated("That, as Maria Lentz told reporters, is a lot of money for a small county.") == [
        ("Maria Lentz", "That … is a lot of money for a small county", 1, "other")
    ]


def test_an_object_that_may_be_what_was_said_or_a_clause_of_its_own_keeps_the_other_readings():
    """ "as Lentz told the story": the story is what was told, not the clause; "as voters told Lentz
    they were leaving": the verb's own clause is what was said."""
    assert rated("As Maria Lentz told the story, the county budget has grown every year.") == []
    assert rated("The clinic closed, as several nurses told Maria Lentz they were leaving.") == [
        ("several nurses", "they were leaving", 1, "other")
    ]
