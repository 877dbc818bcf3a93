"""The speaker's next act, hung by the parser inside a phrase content: on the name a naming gives
("called it “shameful” and called on leaders to ...", "called Roe the “ultimate hypocrite,” linking to a
story about ..."), or on the infinitive of what was asked or urged ("asking supporters to raise their
hands and pledge loyalty, creating tableaus that critics have likened to ..."). The name is what was
said of its object, the infinitive what was asked; a verb conjoined to the name, or a participle set off
by a comma after either, is something else the speaker did (or said, read as its own claim), so the
words stop before its conjunction or comma. More names stay ("a liar and a cheat", "a liar who was not
honest")."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from tracker.nlp.postmodifiers import set_off_participle

ACTS = frozenset({"prep", "dobj", "xcomp", "ccomp", "prt", "dative", "advmod"})  # a verb's own words
NOUNISH = frozenset({"det", "poss", "amod", "compound", "nummod"})  # "and a cheat", "and his pawn"


def trailing(verb: Token, indices: Collection[int], saying: Collection[str]) -> set[int]:
    """The indices of `indices` from the conjunction or the comma before such an act on; none when
    the verb gives no name (an "oprd": "called him a liar") nor an infinitive ("xcomp": "asked X to
    Y") with such an act after it."""
    for name in (c for c in verb.children if c.dep_ == "oprd"):
        for child in name.rights:
            start = _act_start(name, child, saying)
            if start is not None:
                return {i for i in indices if i >= start}
    for asked in (c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i):
        for done in asked.subtree:
            if done.dep_ == "advcl" and done.head != verb and set_off_participle(done):
                return {i for i in indices if i >= done.i - 1}
    return set()


def _act_start(name: Token, child: Token, saying: Collection[str]) -> int | None:
    doc = name.doc
    if child.dep_ == "conj" and _verb_like(child, saying):
        joins = [c.i for c in name.children if c.dep_ in ("cc", "punct") and name.i < c.i < child.i]
        return min(joins, default=child.left_edge.i)
    if child.dep_ == "acl" and child.lower_.endswith("ing"):
        commas = [t.i for t in doc[name.i + 1 : child.i] if t.text == ","]
        return commas[0] if commas else None
    return None


def _verb_like(conj: Token, saying: Collection[str]) -> bool:
    """A conjunct that acts: a verb of saying, or a past or -ing form with a verb's dependents and
    nothing of a noun's (no tagger runs: the form and the dependents tell)."""
    children = {c.dep_ for c in conj.children}
    if children & NOUNISH:
        return False
    return conj.lower_ in saying or (conj.lower_.endswith(("ed", "ing")) and bool(children & ACTS))
