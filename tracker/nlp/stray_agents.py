"""Who a passive report names after its complement, where the parser did not hang it on the verb.

"Roe was declared the winner in three primaries by news organizations", "The plan has been called
“a gift to insurers” by Jane Roe, a professor at ...": the "by" phrase comes after the verb's
complement and the parser hangs it there ("winner", "gift") instead of making it the verb's agent,
so the report had no speaker. A "by" phrase hung on the verb itself or on its complement (never
deeper, nor in a clause: "declared the winner of an election that was marred by fraud") names the
speaker when its noun can speak (a name, a noun of people or groups, a document). One on the noun of
an "as" phrase is left ("confirmed as a passenger by the minister": the content would swallow it).
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
    return None


def _speaking(by: Token) -> Token | None:
    noun = next((c for c in by.children if c.dep_ == "pobj"), None)
    return noun if noun is not None and can_speak(noun) else None
