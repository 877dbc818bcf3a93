"""A person's name set off just before a reporting verb whose parsed subject is no one.

"Saturday at the party's convention Sen. Jane Roe (D-Ohio) said ...": the parser made the day the
subject of "said" and hung the name on "convention" as its appositive. "And it was no accident —
Jane Roe, a spokeswoman for the mayor, told the Ledger that ...": "told" took "it" from the verb it is
coordinated with, and the name hangs on "accident". A name (a PERSON mention, outside quotation marks)
hung as an appositive on a noun that is reached from the parsed subject, or from the verb the subject
belongs to, through nouns and prepositions only, and whose phrase ends right before the verb (commas or
a bracket between), is the subject, when the parsed subject cannot speak (a day, a thing: speakers.jsonl
words, triggers.can_speak) or is "it".

Not a name inside a clause ("The report, which cited Roe's lawyer, Jane Doe, said ...": the report's;
"..., as one of them, Jane Roe, reported" stays too), nor one set off after a subject who can speak
("The mayor, who met Roe's aide, Jane Doe, said": the mayor's), nor the subject's own appositive (the
resolver reads it: "The firm's founder, Jane Roe, said").

A quantifier right after those it counts ("with Roe, Doe and Poe all calling for ...", which the parser
reads as "all" calling, or as an appositive of Roe) stands for them: they are the subject, with their
conjuncts. A capitalised "Will" read as the modal of a past or third-person form ("Will urged ...") is
the name that speaks (modal_names.py). A naming participle hung on a noun that cannot speak ("at one
point calling the mayor a “liar”") is the clause's subject's (naming_participles.py), as is one hung on the noun of
a set phrase ("in effect daring him to say ...", set_phrases.py). A participle
after a relative clause that reports ("..., which Roe called “a disgrace,” blaming ...") is that
clause's subject's (relative_reports.py); "has left voters saying ..." the object's
(object_participles.py); a conjunct coordinated into the reported clause it disagrees
with in number, or a plural noun read as a verb, is read by agreement.py. "As stated in Roe's column"
names its document (written_in.py).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import (
    agreement,
    askers,
    contact_subjects,
    modal_names,
    naming_participles,
    object_participles,
    quoted_subjects,
    relative_reports,
    set_phrases,
    unsaid,
    written_in,
)
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import can_speak

NOMINAL = frozenset({"pobj", "prep", "appos", "attr", "dobj", "conj", "compound", "npadvmod", "nmod", "poss"})
TIMES = frozenset({"DATE", "TIME"})
FLOATING = frozenset({"all", "both", "each"})  # a quantifier after those it counts
MAX_BRACKET = 8  # words in "(D-Ohio)" and the like between the name and the verb


def subject(reader: Reader, verb: Token, segment: Span) -> tuple[Token | None, bool]:
    """(speaker head, passive) as quoted_subjects.subject reads them, unless a person's name is set
    off right before the verb and the subject read is no one who speaks, or none was read (see the
    module docstring); an agentless "asked" after "told X" is X's question (askers.py)."""
    if (wanting := unsaid.wanter(verb)) is not None:  # "Roe wants voters to recall that ...": Roe
        verb = wanting
    if (relayed := relative_reports.reporter(verb, reader.triggers.verbs)) is not None:
        return relayed, False  # "..., which Roe called “a disgrace,” blaming ...": Roe
    if (left := object_participles.owner(verb)) is not None:
        return left, False  # "has left many voters saying ...": the voters
    if (reporting := agreement.governor(verb)) is not None:  # "believe Roe has lost and warn": not Roe
        verb = reporting
    if (owner := agreement.noun_owner(verb)) is not None:  # "resistant to the Roe calls for ...": Roe
        return owner, False
    found, passive = quoted_subjects.subject(reader, verb, segment)
    if found is not None and (inner := contact_subjects.speaker(found, verb)) is not None:
        return inner, False  # "spending the senator said is meant to ...": the senator (contact_subjects.py)
    if passive and found is None and (told := askers.asker(reader, verb)) is not None:
        return told, False  # "told the Ledger when asked if ...": the Ledger asked (askers.py)
    if passive and found is None and (writing := written_in.document(verb)) is not None:
        return writing, False  # "As stated in Roe's column, ...": the column (written_in.py)
    if found is not None and (counted := _counted(found)) is not None:
        return counted, passive  # "with Roe, Doe and Poe all calling for ...": Roe, Doe and Poe
    if (namer := naming_participles.owner(verb, found)) is not None:
        return namer, False  # "at one point calling the mayor a “liar”": the clause's subject
    if (actor := set_phrases.owner(verb, found)) is not None:
        return actor, False  # "..., in effect daring the agency to say ...": the clause's subject
    if passive or (found is not None and (found.i > verb.i or not _no_one(found))):
        return found, passive
    if found is None and (named := modal_names.modal_name(verb)) is not None:
        return named, False  # "Will urged ...": the name read as a modal (modal_names.py)
    if found is None:  # "At the convention Sen. Jane Roe (D-Ohio) said": the name hangs on "at"
        name = _set_off_name(reader, verb, {verb}, segment.start)
    else:
        ends = {found} | ({found.head} if verb == found.head or verb in found.head.conjuncts else set())
        name = _set_off_name(reader, verb, ends, found.i + 1)
    return (name, False) if name is not None else (found, passive)


def _counted(token: Token) -> Token | None:
    """The first of those a quantifier right after them counts ("Roe, Doe and Poe all"), when they
    can speak; None for any other word, or a quantifier with no such phrase just before it."""
    if token.lower_ not in FLOATING or token.dep_ not in ("nsubj", "appos") or token.i == 0:
        return None
    counted = token.doc[token.i - 1]
    while counted.dep_ == "conj" and counted.head.i < counted.i:
        counted = counted.head
    ends = counted.right_edge.i == token.i - 1 or token.head == counted  # the appositive: its own head
    return counted if ends and can_speak(counted) else None


def _no_one(token: Token) -> bool:
    return token.lower_ == "it" or token.ent_type_ in TIMES or not can_speak(token)


def _set_off_name(reader: Reader, verb: Token, ends: set[Token], start: int) -> Token | None:
    """The first appositive PERSON name from `start` on whose phrase ends right before `verb` and that
    hangs on one of `ends` through nouns and prepositions."""
    for token in reader.doc[start : verb.i]:
        mention = reader.speakers.mention_at(token)
        if (
            token.dep_ != "appos"
            or token.head in ends - {verb}
            or token.i in reader.quoted
            or mention is None
            or mention.label != "PERSON"
            or not _ends_before(token, verb)
        ):
            continue
        if _reaches(token, ends):
            return token
    return None


def _ends_before(name: Token, verb: Token) -> bool:
    """Nothing but commas and one bracketed phrase stands between the name's phrase and the verb."""
    doc, k = verb.doc, name.right_edge.i + 1
    while k < verb.i:
        if doc[k].text == ",":
            k += 1
        elif doc[k].text == "(":
            close = next((t.i for t in doc[k : min(k + MAX_BRACKET, verb.i)] if t.text == ")"), None)
            if close is None:
                return False
            k = close + 1
        else:
            return False
    return k == verb.i


def _reaches(name: Token, ends: set[Token]) -> bool:
    """`name` hangs on one of `ends` through nouns and prepositions only, no clause between."""
    for head in name.ancestors:
        if head in ends:
            return True
        if head.dep_ not in NOMINAL:
            return False
    return False
