"""A speaker set after its verb of saying, which follows a quotation ("“...,” said the woman, who ...",
"“...,” tweeted a user from Dunmore going by the handle X"): the parser often makes the speaker the
subject of a later verb, a second subject of the verb beside a word of the quote ("“Meh,” wrote an
aide": "Meh" and "aide"), or the verb's object."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp.framing import Reader

QUOTE_MARKS = frozenset({'"', "”", "''", "’"})
MAX_INVERTED_WORDS = 8  # "said retired neurosurgeon Jane Roe": the words of an inverted speaker


def inverted_subject(reader: Reader, verb: Token, segment: Span) -> Token | None:
    """ "“...,” said the woman, who ...": the speaker after a verb of saying that follows a quote,
    which the parser made the subject of a later verb or a second subject of this one. The noun phrase
    must start right after the verb, its head be a subject or the verb's own object (“...,” added a
    voter.; not after "told", whose object is the person told), and a comma or the sentence's end
    follow its head or the whole phrase ("tweeted a user from Dunmore going by the handle X."); None
    otherwise."""
    before = reader.doc[verb.i - 1] if verb.i > segment.start else None
    if before is None or (before.i not in reader.quoted and before.text not in QUOTE_MARKS):
        return None
    told = any(t.addressee for t in reader.triggers.verbs.get(verb.lower_, ()))  # “...,” told reporters
    for token in reader.doc[verb.i + 1 : min(segment.end, verb.i + 1 + MAX_INVERTED_WORDS)]:
        if (
            (
                (token.dep_ in ("nsubj", "nsubjpass") and (token.head.i > token.i or token.head == verb))
                or (token.dep_ == "dobj" and token.head == verb and not told)  # “...,” added a voter.
            )
            and token.left_edge.i == verb.i + 1
            and any(e + 1 == segment.end or reader.doc[e + 1].text in (",", ".") for e in _ends(token))
        ):  # set off: "said the woman, who ..."; not "..., suggesting he might run"
            return token
        if token.is_punct:
            return None
    return None


def _ends(phrase: Token) -> tuple[int, int]:
    """The head's own index and its phrase's last word ("tweeted a user from Dunmore going by ...")."""
    return phrase.i, max(t.i for t in phrase.subtree if not t.is_punct)
