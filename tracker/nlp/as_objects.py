"""An "as" attribution whose verb has an object that is not what was said: "As Roe told the Ledger,
Y", "As Roe reminded voters, Y" (the one told, of a verb whose object is its addressee), "As Roe puts
it, Y", "as he tells it, Y" (the "it" that stands for the words). The clause the attribution hangs on
is what was said, as with "As Roe noted, Y" (placing.as_reported); before this, any object made
placing.as_reported read the verb as having content of its own, and the sentence gave no claim.
PolNeAR train gives Y as the content under the "as" phrase's subject in the sentences read (4 of 4:
"As Clinton told the New York Daily News, tax relief is ...", "As The Post's Ruth Marcus puts it,
Obama is trying ...", "as he puts it, “...” is that ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import placing, syntax
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import Trigger

STANDING_FOR_WORDS = frozenset({"it"})  # "as Roe puts it", "as he tells it"


def reported(reader: Reader, verb: Token, trigger: Trigger, segment: Span) -> list[tuple[int, int]] | None:
    """The pieces of the clause an "as" attribution with such an object hangs on; None when `verb`
    heads no "as" clause or has no object, or has one that may be what was said ("as Roe told the
    story", "as Roe put the case"), or that clause is no content (the verb has its own: "as voters
    told Roe they were leaving", where the other readings of contents.py take it)."""
    if not placing.as_clause(verb):
        return None
    objects = tuple(c for c in verb.children if syntax.is_object(c))
    if not objects or not all(_unsaid(o, trigger) for o in objects):
        return None
    return placing.as_reported(reader, verb, segment, objects=objects) or None  # "as Roe told CNN that X": X


def _unsaid(obj: Token, trigger: Trigger) -> bool:
    """The object is the one told ("told reporters", not "told a joke") or the "it" of the words."""
    if obj.lower_ in STANDING_FOR_WORDS:
        return obj.lower_ in trigger.objects or trigger.addressee
    return trigger.addressee and obj.dep_ in ("dobj", "dative") and obj.lower_ not in trigger.told
