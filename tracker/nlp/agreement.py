"""A verb the parser coordinated with the wrong clause, told by its number: "Analysts believe Roe has
lost ground and warn that ...": "warn" hangs on "has lost", but "has lost" is singular and "warn" is
not, while "believe" is; the analysts warn, not Roe. Without tags the number is read from the form:
an auxiliary ("has", "have", "is", "are", "was", "were", "does", "do"), else the verb itself ("warns"
singular, "warn" not; "warned", "warning" and a modal say nothing). Only a verb with no subject of its
own, hung as a conjunct on the verb of a reported clause, climbs to the verb that reports it, and only
when the two disagree in number and it agrees with that verb. And a plural noun read as a singular
verb ("the Roe calls for reform": `noun_owner`) is said by the noun before it."""

from __future__ import annotations

from spacy.tokens import Token

SINGULAR = frozenset({"has", "is", "was", "does", "'s", "’s"})
PLURAL = frozenset({"have", "are", "were", "do", "'re", "’re", "'ve", "’ve"})
AUXILIARIES = frozenset({"aux", "auxpass"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
SILENT_ENDINGS = ("ed", "ing", "ss", "us", "is")  # no number in the form: "warned", "warning", "discuss"


def number(verb: Token) -> str | None:
    """ "singular", "plural" or None (the form does not say)."""
    auxiliaries = [c for c in verb.children if c.dep_ in AUXILIARIES and c.i < verb.i]
    words = [auxiliaries[0].lower_] if auxiliaries else [verb.lower_]
    if words[0] in SINGULAR:
        return "singular"
    if words[0] in PLURAL:
        return "plural"
    if auxiliaries or not verb.is_alpha or words[0].endswith(SILENT_ENDINGS):
        return None  # a modal, "to", or a past or "-ing" form
    return "singular" if words[0].endswith("s") else "plural"


def governor(verb: Token) -> Token | None:
    """The verb that reports the clause `verb` was wrongly coordinated into (see the module
    docstring); None when the parse stands."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    own, coordinated, reporting = number(verb), number(head), number(head.head)
    if own is None or coordinated is None or own == coordinated or reporting != own:
        return None
    return head.head


def noun_owner(verb: Token) -> Token | None:
    """The noun before a singular "-s" form the parser took for a verb with no subject and no mark:
    "resistant to the Roe calls for reform", "alongside union calls for action": a plural noun, and the
    noun before it, the object of a preposition, says it (Roe, the union). None for any other shape."""
    doc = verb.doc
    if (
        verb.dep_ not in ("advcl", "ccomp")
        or verb.i == 0
        or number(verb) != "singular"
        or verb.lower_ in SINGULAR
    ):
        return None
    if any(c.dep_ in SUBJECTS or c.dep_ in ("mark", "aux") for c in verb.children):
        return None
    before = doc[verb.i - 1]
    return before if before.dep_ == "pobj" and before.whitespace_ else None
