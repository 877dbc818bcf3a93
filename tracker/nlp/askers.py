"""Who asked a question the sentence gives no asker for: the one the answer was told to.

"“We will rebuild,” the mayor told the Ledger on Thursday when asked if she still backs the plan": the
question ("she still backs the plan") is a passive with no agent, but the answer went to the Ledger,
and the one answered is the one who asked. Only "asked" hung on a verb whose object is the one told
(reporting_verbs.jsonl "addressee": "told", "tells") with such an object that can speak; a question
after "said" ("Roe said when asked ...") or with an agent ("asked by a reporter") keeps its reading.
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.framing import Reader
from tracker.nlp.triggers import can_speak

ASKED = frozenset({"asked"})
TOLD = frozenset({"dobj", "dative"})


def asker(reader: Reader, verb: Token) -> Token | None:
    """The one told, for an agentless "asked" hung on a verb of telling (see the module docstring)."""
    head = verb.head
    if verb.lower_ not in ASKED or verb.dep_ != "advcl" or head.i == verb.i:
        return None
    if not any(t.addressee for t in reader.triggers.verbs.get(head.lower_, ())):
        return None
    told = next((c for c in head.children if c.dep_ in TOLD and c.i < verb.i), None)
    return told if told is not None and told.i not in reader.quoted and can_speak(told) else None
