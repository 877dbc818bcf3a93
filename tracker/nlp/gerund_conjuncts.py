"""A verb of saying coordinated with a gerund after a preposition: "answered by praising the council
and saying that the mayor had wasted money", "responded by calling the mayor “reckless” and accusing
him of waste". The parser hangs the second verb on the gerund, which has no subject; the gerund takes
the subject of the verb its preposition modifies (syntax.subject), and so does the verb of saying,
when it reports words of its own: a clause, a quotation, or an object that is what was said."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp import doc_texts, syntax


def subject(verb: Token, says_object: bool) -> Token | None:
    """The speaker of a verb of saying coordinated with a prepositional gerund, or None."""
    if verb.dep_ != "conj" or verb.head.dep_ != "pcomp" or verb.head.i > verb.i:
        return None
    words = any(c.dep_ == "ccomp" for c in verb.children) or syntax.QUOTED_NEXT.match(
        doc_texts.text_of(verb.doc), verb.idx + len(verb)
    )
    if not (words or says_object):
        return None
    return syntax.subject(verb.head, 1, "conj", says_object=True)[0]
