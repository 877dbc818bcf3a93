"""Instructions reported with the one instructed: "began by telling reporters to leave", "after warning
Roe to stop".

Decides: a reporting participle hung on a preposition ("by telling ...", "after asking ...") speaks for
its head verb's subject only when it reports words (a clause, a quote, an object that was said:
syntax.subject). An object followed by a "to" infinitive (object control) is such words: what the one
addressed was told to do ("by telling progressives to shut up": the speaker is who began). A verb that
takes its object as the one addressed ("tell", "ask", "warn") has no "participle_object", so without
this the instruction had no speaker and no claim.

Caveats: an infinitive with no object ("by asking to leave") is no instruction here; one after a
question word counts ("by telling them when to go": what they were told). On PolNeAR train one claim
gained (matched, right speaker) and one more split off a gold account that holds two instructions.
"""

from __future__ import annotations

from spacy.tokens import Token

ADDRESSEES = frozenset({"dobj", "dative"})


def instructs(verb: Token) -> bool:
    """`verb` has an object and, after it, a "to" infinitive: "telling Roe to go", "urging them not to"."""
    addressee = next((c for c in verb.children if c.dep_ in ADDRESSEES), None)
    return addressee is not None and any(
        c.dep_ == "xcomp"
        and c.i > addressee.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
