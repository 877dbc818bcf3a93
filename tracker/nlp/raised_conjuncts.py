"""A finite verb of saying (a past tense or a third person) that the parser coordinated with the verb
of a lower clause whose form it does not share: "Roe backed off her forecast that prices would fall,
and blamed the drought", "Roe ran on her promise to cut taxes and accused Doe of waste". The parser
hangs "blamed" on "fall" (the forecast's clause) and "accused" on "cut" (the promise's infinitive),
so it would take their subject ("prices") or the noun they hang on ("her promise") as its speaker. A
finite verb cannot share a modal or a "to" ("would fall and blamed"; "would fall and warn" can): it
goes on with the nearest clause above that has a subject of its own, and that subject speaks.
misparsed._reporting_conjunct does the same where the lower clause hangs on a verb of saying."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp import syntax
from tracker.nlp.framing import Reader
from tracker.nlp.triggers import speaks

NON_FINITE = frozenset({"would", "will", "could", "might", "may", "should", "can", "must", "to", "'d", "'ll"})
PAST_IRREGULAR = frozenset({"said", "told", "wrote", "spoke", "gave", "made"})
LOWER = frozenset({"ccomp", "acl", "xcomp", "relcl"})  # the clause the conjunct was hung in


def raised(reader: Reader, verb: Token) -> Token | None:
    """The verb of the clause above that `verb` goes on with, or None when it is no such conjunct."""
    head = verb.head
    own = {c.dep_ for c in verb.children}
    if not (
        verb.dep_ == "conj"
        and speaks(reader.triggers, verb.lower_)
        and _finite(verb)
        and not own & {"nsubj", "nsubjpass", "aux", "auxpass"}
        and head.dep_ in LOWER
        and any(c.dep_ == "aux" and c.lower_ in NON_FINITE for c in head.children)
    ):
        return None
    for above in head.ancestors:  # "her promise to cut": from the noun up to the verb with a subject
        if above.dep_ in syntax.VERBAL_DEPS and any(c.dep_ == "nsubj" for c in above.children):
            return above
    return None


def _finite(verb: Token) -> bool:
    """A past tense ("blamed", "said") or a present third person ("blames"): not the bare form a
    modal takes ("would fall and warn")."""
    lower = verb.lower_
    return (
        lower in PAST_IRREGULAR
        or (lower.endswith("ed") and len(lower) > 4)
        or (lower.endswith("s") and not lower.endswith(("ss", "us")))
    )
