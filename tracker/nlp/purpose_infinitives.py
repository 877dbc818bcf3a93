"""An instruction the parser read as a purpose: "Roe tells his supporters at a rally in Dunmore to stay
home". Without the phrase between, the small model hangs "to stay" on "tells" as its complement
(xcomp: what the one addressed was told to do, instructions.py); with a prepositional phrase between the
addressee and the infinitive it reads a purpose clause (advcl: "to win votes"), and no claim comes out.

The shape is read only where it is plain: a form of a verb of patterns/reporting_verbs.jsonl that takes
the one addressed for its object ("addressee": tell, inform, remind, instruct), with that object (not one
of the words the verb tells as a thing: "told the story at a rally to win votes"), then a prepositional
phrase on the verb, then a "to" infinitive the parser made a purpose clause with no subject or marker
of its own ("in order to"), and no clause or complement on the verb besides. The infinitive is then
hung as its complement (`rehang`) before any rule reads the parse."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

VERBS_FILE = PATTERNS_DIR / "reporting_verbs.jsonl"
OWN = frozenset({"nsubj", "nsubjpass", "mark"})


@cache
def _addressing() -> dict[str, frozenset[str]]:
    """Each form of a verb that takes its addressee for its object, with the things it tells."""
    return {
        form.lower(): frozenset(w.lower() for w in row.get("told", ()))
        for row in read_jsonl(VERBS_FILE)
        if row.get("addressee") and row.get("pos") == "verb"
        for form in row["forms"]
    }


def rehang(doc: Doc) -> int:
    """Hang each such purpose infinitive on its verb as its complement; returns how many."""
    count = 0
    for verb in doc:
        infinitive = _instruction(verb)
        if infinitive is not None:
            infinitive.dep_ = "xcomp"
            count += 1
    return count


def _instruction(verb: Token) -> Token | None:
    told = _addressing().get(verb.lower_)
    if told is None:
        return None
    children = list(verb.children)
    if any(c.dep_ in ("xcomp", "ccomp") for c in children):
        return None
    addressee = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    if addressee is None or addressee.lower_ in told:
        return None
    for clause in children:
        if clause.dep_ != "advcl" or clause.i < addressee.i or any(c.dep_ in OWN for c in clause.children):
            continue
        to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        phrase = any(c.dep_ == "prep" and addressee.i < c.i < clause.i for c in children)
        if to is not None and 0 < clause.i - to.i <= 2 and phrase:  # "to “go ...”": a quotation mark between
            return clause
    return None
