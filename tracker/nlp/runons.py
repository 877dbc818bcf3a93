"""Reported words that run on into the reporter's own next act: a participle of saying set off by a
comma deep inside the reported clause ("Roe said Doe will have to choose a side, saying, “...”"). The
parser hangs it on the nearest verb, which would make it part of the reported words and give it the
reported clause's subject as its speaker; it goes on with the reporter instead."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from tracker.nlp import syntax
from tracker.nlp.doc_texts import text_of
from tracker.nlp.triggers import Trigger


def reporter(participle: Token, verbs: Mapping[str, Sequence[Trigger]]) -> Token | None:
    """The verb of saying (one for any subject and object: not "made" a comment) whose complement holds
    `participle` below its own verb, when the participle is a verb of saying set off by a comma, with no
    subject or subordinating word of its own, reporting words (a clause or a quote); None otherwise. One hung on the complement's own verb is not read here
    (misparsed.reported_apart keeps it apart already)."""
    own = {c.dep_ for c in participle.children}
    if not (
        participle.dep_ == "advcl"
        and participle.lower_.endswith("ing")
        and participle.lower_ in verbs
        and not own & {"mark", "nsubj", "nsubjpass"}
        and participle.i > 0
        and participle.doc[participle.i - 1].text == ","
        and (
            "ccomp" in own
            or syntax.QUOTED_NEXT.match(text_of(participle.doc), participle.idx + len(participle))
        )
    ):
        return None
    for clause in participle.ancestors:
        if clause.dep_ == "ccomp" and any(
            not t.subjects and not t.objects for t in verbs.get(clause.head.lower_, ())
        ):
            return clause.head if clause != participle.head else None
    return None


def apart(complement: Token, verbs: Mapping[str, Sequence[Trigger]]) -> set[int]:
    """Tokens of `complement` that such a participle (with its comma) holds: the reporter's, not the
    reported words."""
    for nested in complement.subtree:
        if reporter(nested, verbs) == complement.head:
            return set(range(nested.i - 1, nested.right_edge.i + 1))
    return set()
