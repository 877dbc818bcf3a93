"""A speaker described by a phrase after it, which the parser took for the speaker's own predicate.

"Activists clamoring to block the merger say they are gaining ground", "Sources close to the talks say
it is over", "Voters going to the polls today say they are tired": the parser reads "activists
clamoring to ..." as a clause of its own (the noun its subject, the participle or adjective its verb)
and leaves "say" with no subject, hung on that word or hanging it as a clause of its own. The phrase is
no clause when its word has no auxiliary, no subordinating word and nothing between it and the verb of
saying (not "Republicans are backing the plan, say aides", nor "While Roe was speaking, say ..."): the
noun before it is the speaker of the verb. A participle set off by commas on both sides describes
its noun too ("Sen. Roe, noting the size of the crowd, said, “...”"). Only for a verb that reports a
clause or a quotation after it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import syntax
from tracker.nlp.doc_texts import text_of
from tracker.nlp.triggers import can_speak

FINITE = frozenset({"aux", "auxpass", "mark", "neg", "nsubjpass", "expl"})  # a clause of its own


def subject(verb: Token, segment: Span) -> Token | None:
    """The noun whose describing phrase the parser made the head (or a clause) of `verb`, a verb of
    saying with no subject and a clause or a quotation after it; None when there is none."""
    quoted = syntax.QUOTED_NEXT.match(text_of(verb.doc), verb.idx + len(verb))
    if not (quoted or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)):
        return None
    if verb.dep_ in ("dep", "ccomp", "parataxis") and verb.head.i < verb.i:
        word = verb.head  # "sources privy to the talks say ...": "say" hung on "privy"
        last = max((t.i for t in word.subtree if t.i < verb.i and t not in verb.subtree), default=-1)
    else:  # "activists clamoring to block X say ...": "clamoring" an adverbial clause of "say"
        word = next((c for c in verb.lefts if c.dep_ in ("advcl", "ccomp")), None)
        last = word.right_edge.i if word is not None else -1
    if word is None or word.is_punct or not word.is_lower:
        return None
    if any(c.dep_ in FINITE or (c.dep_ == "ccomp" and c != verb) for c in word.children):
        return None  # a clause of its own: "One in three said X and one in four said Y"
    comma = verb.doc[verb.i - 1].text == ","
    if comma and not set_off_participle(word):
        return None
    ends = (verb.i - 1, verb.i - 2) if comma else (verb.i - 1,)  # the phrase runs up to the verb
    if last not in ends or (not comma and verb.doc[last].is_punct):
        return None
    noun = next((c for c in word.lefts if c.dep_ == "nsubj"), None)
    if noun is None or noun.left_edge.i < segment.start or not can_speak(noun):
        return None
    before = verb.doc[noun.left_edge.i - 1] if noun.left_edge.i > segment.start else None
    if before is not None and before.text != "," and not (before.dep_ == "cc" and before.i == segment.start):
        return None  # the noun phrase opens its clause ("But activists ...", "..., sources ...")
    return noun


def set_off_participle(word: Token) -> bool:
    """An -ing form right after a comma: "Roe, noting the size of the crowd, said ..." (here the comma
    after the participle is checked by the caller); ", creating ..." after a naming (predicate_tails.py)."""
    return word.lower_.endswith("ing") and word.i > 0 and word.doc[word.i - 1].text == ","
