"""A reporting verb the parser hung on its own object as a modifier: "Kicking off the day in Salem, Roe
accused Doe, the senator, of being careless", "Marking the end of the primaries, Roe told supporters
that ...", "In interviews Wednesday, Roe dismissed critics who called the remarks sexist". After a
long opening phrase the small model reads "Roe accused Doe" like "the Roe-appointed judge": the name a
compound or stray modifier, the verb an adjective on the noun after it, and the opening phrase or that
noun the root of the sentence. Every rule that reads the verb then sees no verb (syntax.is_verbal), so
the report is lost, or a verb further on takes the run of words before it as its speaker ("In
interviews Wednesday, Roe dismissed critics who called ...": "interviews Wednesday, Roe dismissed
critics" called, not "critics").

The shape is read only where it is plain: a past form of a reporting verb ("accused", "told", not
"-ing") that the parser made an `amod` of the very next word, right after a speaking name (a PERSON
or ORG mention) that itself opens its clause after a comma or a dash. Then the parse is put back the
way the sentence reads before any rule runs (`rehang`): the verb takes the place of the sentence's root,
the name becomes its subject, the noun its object; the opening phrase hangs on the verb, and what the
old root held after the verb (a "that" clause, a date, a coordinated clause) too. The noun keeps its
own modifiers ("Doe, the senator", "critics who called ...").
Caveats: a name joined to a past form with no comma before it ("the Trump-backed plan", "Obama
appointed judges ruled ...") is left as parsed; so is a sentence whose root comes after the noun.

Measured on PolNeAR train (issue 12): five sentences of this shape, four re-hung (the fifth's root,
a list's last noun, comes after the noun). Claims: an accusation and a "told ... that" added, a
"noted that" given back its speaker (it had gone to the opening phrase's subject), "critics" made the
speaker of "called the remarks sexist", two pronouns after the repaired sentence now resolved.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from tracker.nlp.types import Mention

SPEAKING = frozenset({"PERSON", "ORG"})
OPENERS = frozenset({",", "-", "--", "—", "–"})  # what ends the opening phrase before the name
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "npadvmod", "prep", "xcomp"})


def rehang(doc: Doc, mentions: Sequence[Mention], verbs: Collection[str]) -> int:
    """Re-hang every verb of the shape above on its sentence as its predicate; `verbs` are the
    reporting verbs' forms. Changes `doc`'s parse in place; returns how many verbs it re-hung."""
    names = {m.end: m for m in mentions if m.label in SPEAKING}
    repaired = 0
    for verb in doc:
        name = _name_before(doc, verb, names) if _shape(verb, verbs) else None
        if name is not None:
            _rehang(verb, name)
            repaired += 1
    return repaired


def _shape(verb: Token, verbs: Collection[str]) -> bool:
    """A lower-case past form of a reporting verb parsed as a modifier of the next word."""
    return (
        verb.dep_ == "amod"
        and verb.lower_ in verbs
        and verb.text[0].islower()
        and not verb.lower_.endswith("ing")
        and verb.head.i == verb.i + 1
        and verb.i > 0
    )


def _name_before(doc: Doc, verb: Token, names: dict[int, Mention]) -> range | None:
    """Token indices of the speaking name just before `verb`, when a comma or a dash opens it."""
    before = doc[verb.i - 1]
    mention = names.get(before.idx + len(before))
    if mention is None:
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == verb.sent.start or span.end != verb.i:
        return None
    return range(span.start, span.end) if doc[span.start - 1].text in OPENERS else None


def _rehang(verb: Token, name: range) -> None:
    """Make `verb` its sentence's root, with the name as its subject and the noun as its object."""
    doc, noun = verb.doc, verb.head
    root = verb.sent.root
    if root.i > noun.i and root != noun:
        return  # the root comes after the noun: some other reading, left alone
    left, right = name.start, noun.i
    if root == noun:  # the opening phrase, and the clause's own dependents after the noun
        moved = [c for c in noun.children if c.i < left or (c.i > right and _of_clause(c))]
    else:  # the opening phrase was the root: it and what it held after the noun
        moved = [c for c in root.children if c.i > right] + [root]
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head, noun.dep_ = verb, "dobj"
    last = doc[name[-1]]
    last.head, last.dep_ = verb, "nsubj"
    for i in name[:-1]:
        doc[i].head, doc[i].dep_ = last, "compound"
    for child in moved:
        if child in (noun, verb, last):
            continue
        child.head = verb
        if child == root:
            child.dep_ = "advcl" if child.lower_.endswith(("ing", "ed")) else "prep"


def _of_clause(child: Token) -> bool:
    """A dependent of the noun root that belongs to the clause: a complement, a date, a phrase ("of
    being careless"), the final stop, a coordinated clause with its own subject and its "and"."""
    if child.dep_ == "conj":
        return any(c.dep_ == "nsubj" for c in child.children)
    if child.dep_ == "punct":  # the final stop; a comma stays with the phrase it sets off
        return child.i == child.sent.end - 1
    if child.dep_ == "cc":
        return any(_of_clause(c) for c in child.head.children if c.dep_ == "conj" and c.i > child.i)
    return child.dep_ in CLAUSE_DEPS
