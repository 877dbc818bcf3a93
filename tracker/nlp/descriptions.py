"""What a verb of describing says its object is: "described the dinner as Washington celebrating
itself", "characterised the agency as poorly managed". The parser often hangs the "as" phrase apart
from the object, as an adverbial clause of the verb or of a verb above it ("were more likely to
describe her as likable"), so the verb's phrase stopped at the object; PolNeAR's content, like a
reader's, is the object with what it is described as. Read for the triggers marked "predicate"
(patterns/reporting_verbs.jsonl: describe, characterise).

An "as" clause with a subject and a verb of its own, or an auxiliary, tells when ("described the
scene as he walked in", "as it was being counted"): it is not taken.

The same shape in every order (issue 12): an object after its description ("is describing as
“reckless” a rival's plan": `shifted`) and a quoted name after its object ("called the merger “a
terrible deal”": `with_object`, for the naming verbs too) are content with the object, as PolNeAR
train marks them (53 of its quoted names: the object with the quote)."""

from __future__ import annotations

from spacy.tokens import Token

AUXILIARIES = frozenset({"aux", "auxpass"})
CLOSING = frozenset({"”", '"'})


def predicate(verb: Token, last: int) -> range:
    """Token indices of the "as" phrase right after `last` (the last token of the verb's phrase);
    empty when there is none or it tells when."""
    doc = verb.doc
    at = last + 1
    if at >= len(doc) or doc[at].lower_ != "as":
        return range(0)
    opened = doc[at] if doc[at].dep_ == "prep" else doc[at].head
    if opened.left_edge.i != at or opened.i < at or verb in opened.subtree:
        return range(0)  # "as" must open the phrase it belongs to
    if any(c.dep_ in AUXILIARIES for c in opened.children):
        return range(0)  # "as he was leaving"
    if any(c.dep_ == "nsubj" for c in opened.children) and not opened.lower_.endswith("ing"):
        return range(0)  # "as he walked in"; "as Washington celebrating itself" stays
    return range(at, opened.right_edge.i + 1)


def shifted(verb: Token) -> range:
    """Token indices of the description and the object after `verb` when the object follows its
    description ("is describing as “reckless” a rival's plan", "dismissed as “nonsense” the report that
    ..."): the parser hangs that object on the "as" (a second object, an apposition) or on the verb
    after the "as" phrase. PolNeAR's content is then the description and the object in the order
    written, without the "as" ("was to label as" is its cue): the words of "described the plan as
    reckless". Empty when the verb has an object before, a clause or a passive subject, or the "as"
    phrase is only a description ("described as “a fraud”", "which he described as his home")."""
    doc = verb.doc
    opened = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if opened is None or opened.lower_ != "as" or opened.head != verb or opened.dep_ != "prep":
        return range(0)
    if any(c.dep_ in ("ccomp", "oprd", "agent", "nsubjpass", "auxpass") for c in verb.children):
        return range(0)
    after = [c for c in verb.children if c.dep_ == "dobj"]
    if after:  # "dismissed as a fraud the claim that ...": the object hung on the verb
        thing = after[0] if after[0].left_edge.i == opened.right_edge.i + 1 else None
    else:  # a second object of "as", or one apposed to the description
        inner = [t for t in opened.subtree if t.dep_ in ("pobj", "appos") and t.i > opened.i + 1]
        thing = inner[-1] if inner and inner[-1].right_edge.i == opened.right_edge.i else None
        if thing is not None and not any(w.is_alpha for w in doc[opened.i + 1 : thing.left_edge.i]):
            thing = None  # "described as “a fraud”": the description alone
    return range(opened.i + 1, thing.right_edge.i + 1) if thing is not None else range(0)


def with_object(verb: Token, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`pieces` (the quotes a verb of naming or describing takes for its content) widened back to its
    object when the first quote holds what the object is called ("called the merger “a terrible deal”",
    "described the plan as “reckless”"): PolNeAR's content is the object with its name, as unquoted
    ("called him a liar"). Unchanged when the quote is not the name of an object before it."""
    doc = verb.doc
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    named = [c for c in verb.children if thing is not None and c.i > thing.right_edge.i]
    named = [c for c in named if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")]
    if not pieces or thing is None or not named:
        return pieces
    start, end = pieces[0]
    first = doc[thing.left_edge.i].idx
    if not (first < start and any(start <= t.idx < end for c in named for t in c.subtree)):
        return pieces
    closing = doc.text[end : end + 1] in CLOSING  # the name's closing mark, as a whole quotation
    return [(first, end + closing), *pieces[1:]]
