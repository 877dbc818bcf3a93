"""The speaker's next act, hung by the parser on the name a naming gives: "called it “shameful” and
called on leaders to ...", "called Roe the “ultimate hypocrite,” linking to a story about ...". The
name is what was said of its object; a verb conjoined to it or a participle set off after it by a comma
is something else the speaker did (or said, read as its own claim), so the naming's words stop before
its conjunction or comma. More names stay ("a liar and a cheat", "a liar who was not honest")."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

ACTS = frozenset({"prep", "dobj", "xcomp", "ccomp", "prt", "dative", "advmod"})  # a verb's own words
NOUNISH = frozenset({"det", "poss", "amod", "compound", "nummod"})  # "and a cheat", "and his pawn"


def trailing(verb: Token, indices: Collection[int], saying: Collection[str]) -> set[int]:
    """The indices of `indices` from the conjunction or the comma before such an act on; none when
    the verb gives no name (an "oprd": "called him a liar") or the name has no act after it."""
    for name in (c for c in verb.children if c.dep_ == "oprd"):
        for child in name.rights:
            start = _act_start(name, child, saying)
            if start is not None:
                return {i for i in indices if i >= start}
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
