"""A participle of saying right after "of" and a person's name shows that person speaking.

"Roe reminds me of Abraham Lincoln saying that “you can fool some of the people ...”": with no comma
between, the participle describes the name it follows, and the parser's reading (a clause of the
main verb, so the subject's words) is wrong. Only after an "of" on a verb: "Roe attacked Doe saying
..." (a comma left out) is still Roe's, and "Roe gives an account of Doe telling ..." is Roe's
account (the noun's owner tells it; PolNeAR train marks Roe).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tracker.nlp.syntax import is_verbal
from tracker.nlp.types import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def depicted(verb: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """The person named just before participle `verb` as the object of an "of" on a verb (see the
    module docstring); None otherwise."""
    if not verb.lower_.endswith("ing") or verb.i == 0 or verb.dep_ not in ("advcl", "acl"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    found = mention_at(name)
    if found is None or found.label != "PERSON" or name.dep_ != "pobj" or name.head.lower_ != "of":
        return None
    return name if is_verbal(name.head.head) else None
