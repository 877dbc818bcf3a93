"""Who a passive report names after its complement, where the parser did not hang it on the verb.

"Roe was declared the winner in three primaries by news organizations", "The plan has been called
“a gift to insurers” by Jane Roe, a professor at ...": the "by" phrase comes after the verb's
complement and the parser hangs it there ("winner", "gift") instead of making it the verb's agent,
so the report had no speaker. A "by" phrase hung on the verb itself or on its complement (never
deeper, nor in a clause: "declared the winner of an election that was marred by fraud") names the
speaker when its noun can speak (a name, a noun of people or groups, a document). So does one closing
an "as" phrase on the verb ("was confirmed as a passenger by the minister") or an active infinitive
the verb governs ("had been asked to keep the files by the committee"), the last words of the verb's
phrase: the content stops before it (contents.py). Not a passive infinitive's own agent ("was asked to
be replaced by Doe": Doe replaces; the parser makes it that verb's "agent", not a "by" preposition).
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.triggers import can_speak

COMPLEMENTS = frozenset({"dobj", "attr", "oprd", "acomp"})  # "declared the winner", "called “a gift”"


def agent(verb: Token) -> Token | None:
    """The noun of a "by" phrase hung on a passive `verb` or on its complement, when it can speak;
    None otherwise. Not one deeper down: "asked about the claim of credit for the attack by a
    gunman" (the attack's)."""
    for by in (t for t in verb.children if t.dep_ == "prep" and t.lower_ == "by"):
        return _speaking(by)
    for complement in (c for c in verb.children if c.dep_ in COMPLEMENTS):
        for by in (c for c in complement.rights if c.dep_ == "prep" and c.lower_ == "by"):
            return _speaking(by)
    for by in _closing(verb):
        named = [c for c in by.head.rights if c.i in words(by) and c.ent_type_ == "PERSON"]
        return named[0] if named else _speaking(by)  # "by the minister, Jo Roe": Jo Roe
    return None


def cut(verb: Token, subject: Token | None) -> set[int]:
    """The words of the "by" phrase after `verb` that names its speaker `subject`: who spoke, not what
    was said ("was called “a gift” by Jane Roe, a professor", "confirmed as a passenger by X")."""
    if subject is None:
        return set()
    by = subject.head
    if subject.dep_ == "pobj" and by.lower_ == "by" and by.i > verb.i:
        return words(by)
    return next((words(by) for by in _closing(verb) if subject.i in words(by)), set())


def _closing(verb: Token) -> list[Token]:
    """A "by" preposition that ends the verb's phrase, hung on the noun of an "as" phrase on the verb or
    on an infinitive under it ("confirmed as a passenger by X", "asked to keep the files by X")."""
    hosts = [
        g
        for c in verb.rights
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    hosts += [
        c
        for c in verb.rights
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    return [
        by
        for host in hosts
        for by in host.rights
        if by.dep_ == "prep" and by.lower_ == "by" and max(words(by)) == _last_word(verb)
    ]


def words(by: Token) -> set[int]:
    """The tokens of a "by" phrase and of a name set off right after it that the parser hung on the
    phrase's host ("as a passenger by the minister, Jo Roe": the minister's name)."""
    found = set(range(by.i, by.right_edge.i + 1))
    for name in (c for c in by.head.rights if c.dep_ == "appos" and c.i > by.i):
        if all(t.is_punct for t in by.doc[by.right_edge.i + 1 : name.left_edge.i]):
            found |= set(range(by.right_edge.i + 1, name.right_edge.i + 1))
    return found


def _last_word(verb: Token) -> int:
    """The last token of the verb's phrase that is no punctuation."""
    return max(t.i for t in verb.subtree if not t.is_punct and not t.is_space)


def _speaking(by: Token) -> Token | None:
    noun = next((c for c in by.children if c.dep_ == "pobj"), None)
    return noun if noun is not None and can_speak(noun) else None
