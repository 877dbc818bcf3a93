"""A reported clause whose subject noun the parser read as its verb: "testified that answers from the
rival model made up most of the data" parses "answers" as the complement's verb (with "that" as its
subject) and hangs the real verb, "made up ...", on the verb of saying as a clause of its own; the
content stopped at "that answers from the rival model", a fragment no reader would sign.

The complement has no verb's words of its own (no auxiliary, no object, no predicate, no subject
but a "that"), and the words after it start, with no comma, no mark and no subject between, a verb
hung on the verb of saying: that verb is the clause's, and the content runs on to its end. The "that"
the parser made a subject is the complementizer, dropped from the content as one would be.

A complement with a verb of its own runs on only to a clause that opens with an auxiliary and has no
subject ("... and that any answers its engineers collected were used ...": "were used" is no clause of
the verb of saying).

No tagger runs in the pipeline, so which word is a noun is read from the parse alone."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from tracker.nlp import glosses

OWN_WORDS = frozenset(
    {"aux", "auxpass", "neg", "dobj", "obj", "nsubjpass", "ccomp", "xcomp", "acomp", "attr", "oprd", "prt"}
)
RUN_ON = frozenset({"ccomp", "advcl", "conj", "dep", "xcomp", "parataxis"})
COMPLEMENTIZERS = frozenset({"that"})
AUXILIARIES = frozenset({"aux", "auxpass", "neg"})


def _verbless(complement: Token) -> bool:
    """The complement has none of a verb's own words: its only subject, if any, is a "that"."""
    children = list(complement.children)
    if any(c.dep_ in OWN_WORDS for c in children):
        return False
    subjects = [c for c in children if c.dep_ == "nsubj"]
    return all(s.lower_ in COMPLEMENTIZERS and s.i < complement.i for s in subjects)


def _next_verb(verb: Token, complement: Token) -> Token | None:
    """The verb hung on the verb of saying whose clause starts right after the complement's last word,
    with nothing of its own before it (no subject, no mark) but auxiliaries: "...
    that any answers its engineers collected were used ..." ("were used" has no subject: the parser
    took it from the complement, whose subject "answers" it read as a verb)."""
    after = complement.right_edge.i + 1
    if after >= len(verb.doc):
        return None
    word = verb.doc[after]
    real = word.head if word.dep_ in AUXILIARIES else word
    if real.head != verb or real.dep_ not in RUN_ON or real.is_punct or real.left_edge.i != after:
        return None
    return real if all(verb.doc[i].dep_ in AUXILIARIES for i in range(after, real.i)) else None


def run_on(verb: Token, complement: Token, saying: Collection[str]) -> tuple[set[int], set[int]]:
    """(indices added, indices dropped) for a complement whose subject noun was read as its verb:
    the real verb's clause after it is added, the "that" read as its subject dropped. After a
    complement with a verb of its own, a verb of `saying` is a report of its own ("they will not attend
    and others have said ..."): not run on to."""
    if complement.i < verb.i:
        return set(), set()
    real = _next_verb(verb, complement)  # a complement with a verb of its own: only a subjectless auxiliary
    if real is None:
        return set(), set()
    verbless = _verbless(complement)
    if not verbless and (real.i == complement.right_edge.i + 1 or real.lower_ in saying):
        return set(), set()
    added = set(range(complement.right_edge.i + 1, real.right_edge.i + 1)) - glosses.trailing(real)
    first = complement.left_edge
    dropped = {first.i} if first.lower_ in COMPLEMENTIZERS and first.dep_ == "nsubj" else set()
    return added, dropped
