"""A reported clause the parser read as a relative clause of the person told: "Roe told jurors she had
doubted in 2017 that Doe would sell the firm" parsed as "jurors [whom] she had doubted", with "that
Doe would sell the firm" hung on "told". The content is then only the inner clause, and under Roe's
name it says the opposite of her words ("Doe would sell the firm"), or turns a past worry, hope or
belief into an assertion.

Decides where such a content starts: at the relative clause, when the verb's object (the one told)
has a relative clause that opens with a personal pronoun for subject, with no relative word ("who",
"that"), whose verb is one of thinking or feeling that takes a "that" clause (THOUGHT: worried,
doubted, hoped, believed ...), and the verb's clausal complement starts right after it (or after a
setting of the verb's set off between them: "she had worried, at the time, that ..."). A relative
clause whose verb takes no such clause stays one ("told the man she had met in Paris that the deal
was off": the content is "the deal was off").

The parser may also leave the verb with no complement at all, reading "that" as a relative word too:
"Roe told the court he had hoped at the time that Doe would stay" parsed as "the court [whom] he had
hoped at the time [at which] Doe would stay". Then the relative clause of such a verb, to its end, is
the whole content (`whole`): no claim was found at all before. So is any such clause, whatever its verb,
told to a courtroom audience (the "court-named" rule's `audiences`: "told the jury he had lied") or
to an object pronoun ("told them she had signed"): the one told is no noun a relative clause restricts.

A verb that reports only quotes or clauses ("remind": content "quote") takes such a clause when "that"
opens it as a complementizer right after the one told (`marked`): "Roe reminded jurors that Doe himself
had proposed it" (the fifth trial set's v146), parsed as a relative clause of "jurors"."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.confidence import rule_words

OBJECTS = frozenset({"dobj", "dative"})
SETTINGS = frozenset({"prep", "npadvmod", "advmod", "punct"})  # ", at the time,": the verb's, set between
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it"})
QUESTION_WORDS = frozenset({"how", "what", "where", "when", "whether", "who", "which", "why"})
TOLD_PRONOUNS = frozenset({"me", "us", "you", "him", "her", "them"})
THOUGHT = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("worr", ("y", "ies", "ied")),
        ("doubt", ("", "s", "ed")),
        ("hope", ("", "s", "d")),
        ("fear", ("", "s", "ed")),
        ("believe", ("", "s", "d")),
        ("suspect", ("", "s", "ed")),
        ("assume", ("", "s", "d")),
        ("expect", ("", "s", "ed")),
        ("think", ("", "s")),
        ("thought", ("",)),
        ("know", ("", "s")),
        ("knew", ("",)),
        ("feel", ("", "s")),
        ("felt", ("",)),
        ("understand", ("", "s")),
        ("understood", ("",)),
        ("realiz", ("e", "es", "ed")),
        ("realis", ("e", "es", "ed")),
        ("wish", ("", "es", "ed")),
    )
    for ending in endings
)


def opening(verb: Token, complement: Token) -> int | None:
    """Token index where the verb's content starts when its object's relative clause is the first
    clause of it (see the module docstring); None otherwise."""
    start = complement.left_edge.i
    for told in verb.rights:
        if told.dep_ not in OBJECTS or told.i >= start:
            continue
        for clause in told.rights:
            if clause.dep_ != "relcl" or clause.lower_ not in THOUGHT or not _adjoins(verb, clause, start):
                continue
            first = clause.left_edge
            if first.dep_ == "nsubj" and first.head.i == clause.i and first.lower_ in PRONOUNS:
                return first.i
    return None


def whole(verb: Token) -> tuple[int, int] | None:
    """(first, last) token indexes of the content when the verb has no clausal complement and its
    object's relative clause is one of thinking with a pronoun subject and words after its verb ("told
    the court he had hoped at the time that X"), or any such clause told to an addressee, running on
    over the verb's own phrases the parser hung after it ("told the jury he had 'agonised' over the
    vote", the quotation closing the clause), or a question-word infinitive after the one told ("told
    them how to vote": `_how_to`); None otherwise."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    if (how := _how_to(verb)) is not None:  # "tell them how to vote": how to vote
        return how
    for told in verb.rights:
        if told.dep_ not in OBJECTS:
            continue
        for clause in told.rights:
            first = clause.left_edge
            thought = clause.lower_ in THOUGHT and clause.right_edge.i > clause.i
            if (
                clause.dep_ == "relcl"
                and (thought or _addressee(told))
                and first.dep_ == "nsubj"
                and first.head.i == clause.i
                and first.lower_ in PRONOUNS
                and first.i == told.i + 1  # no relative word: "the court he had hoped"
            ):
                last = clause.right_edge.i
                for setting in (c for c in verb.rights if c.i > last):
                    if setting.dep_ not in SETTINGS or setting.left_edge.i > last + 1:
                        break
                    last = setting.right_edge.i
                while verb.doc[last].is_punct and last > clause.i:
                    last -= 1
                return first.i, last
    return None


def marked(verb: Token) -> tuple[int, int] | None:
    """(first, last) token indexes of a "that" clause the parser read as a relative clause of the one
    told ("reminded jurors that Roe had signed" parsed as "jurors [such] that Roe had signed"): right
    after the verb's object, opening with "that" as a complementizer (dep mark), not as a relative
    pronoun ("reminded jurors of the email that Roe sent"); None otherwise."""
    for told in verb.rights:
        for clause in (c for c in told.rights if told.dep_ in OBJECTS and c.dep_ == "relcl"):
            first = clause.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and first.i == told.i + 1:
                return first.i, clause.right_edge.i
    return None


def _how_to(verb: Token) -> tuple[int, int] | None:
    """ "told them how to vote", "asked voters what to do": the infinitive after the one told, opening
    with a question word, is what is told; the one told is not."""
    told = next((c for c in verb.rights if c.dep_ in OBJECTS), None)
    for how in (c for c in verb.rights if c.dep_ == "xcomp") if told is not None else ():
        first = how.left_edge
        if first.lower_ in QUESTION_WORDS and first.i == told.right_edge.i + 1:
            return first.i, how.right_edge.i
    return None


def _addressee(told: Token) -> bool:
    """A courtroom audience ("the jury", "jurors") or an object pronoun: someone told, no thing."""
    return told.lower_ in TOLD_PRONOUNS or told.lower_ in rule_words("court-named", "audiences")


def _adjoins(verb: Token, clause: Token, start: int) -> bool:
    """The relative clause ends where the complement starts, or only the verb's own setting stands
    between them ("she had worried, at the time, that ..."; the parser hangs "at the time" on "told")."""
    between = set(range(clause.right_edge.i + 1, start))
    setting = {t.i for c in verb.rights if c.dep_ in SETTINGS for t in c.subtree}
    return between <= setting
