"""Words the parser made a speaker that only stand where the speaker's act or audience is named.

A participle or an infinitive of saying is hung by the parser on the nearest noun, which is not always
who speaks:
- a noun of an act ("made a third attempt to calm the critics, writing that ...", "took turns
  rebutting ...", "are taking pains to say ...", "In an effort to clarify ..., Roe said"): the one who
  makes the attempt speaks, the subject of the verb the noun hangs from;
- the one a message is sent to ("emailed supporters saying ..."): the sender speaks, the subject of
  the verb of sending. ("a pitch to farmers saying ..." is syntax.py's: the one addressed after "to".)
- a document given in a relative clause ("A speech Roe gave on Tuesday called for ..."): who gave it;
- a document the words were put "in" ("hit back in a column stating ...", "wrote in a letter
  saying ..."): who wrote in it, the subject of that verb, issues it (speakers.py resolves it as the
  document's issuer).
The nouns of acts and the verbs of sending are rules as data (patterns/speakers.jsonl: "act", "send").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.syntax import subject

CONTAINING = frozenset({"in", "on", "through", "via"})  # "in a statement", "on its website"


def _governing_verb(noun: Token) -> Token | None:
    """The verb `noun` is the object of, directly or through a preposition ("made an attempt", "In an
    effort to ..., Roe said"); None for a subject or a noun under another noun."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i != noun.head.i:
        verb = noun.head.head
        return verb if not _nominal(verb) else None
    return None


def _nominal(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "conj")


def actor(noun: Token, quoted: Collection[int] = ()) -> Token | None:
    """Who speaks in place of `noun` when it names an act of theirs or the one their message went to
    (see the module docstring): the subject of the verb it hangs from; None when it is neither, or
    when that subject is a word inside quotation marks (token indices `quoted`) and `noun` is not:
    "“Meh,” wrote an aide who ...", where the parser made the quote's word the subject of "wrote"
    and the writer its object."""
    words = speaker_words()
    lower = noun.lower_
    verb = _governing_verb(noun)
    if verb is None:
        return None
    if lower in words.acts or (noun.dep_ == "dobj" and verb.lower_ in words.sending):
        found = subject(verb)[0]
        inside = found is not None and found.i in quoted and noun.i not in quoted
        return found if found is not None and found.i != noun.i and not inside else None
    return None


def issuing_verb(document: Token) -> Token | None:
    """The verb whose subject put `document` out: a verb of issuing on it with its agent ("a lawsuit
    filed by a former aide alleging ...", "guidelines issued by the administration": before the verb
    it is the object of, "slammed a lawsuit filed by ..."), the one it is the object of ("Roe issued a
    statement saying ..."), a verb of issuing in a relative clause on it ("A speech Roe gave on
    Tuesday called for ...", "the memo her office released"; not "a memo Roe mocked") or the one that
    wrote "in" it ("Roe hit back in a column stating ...")."""
    issuing = speaker_words().issuing
    filed = next((c for c in document.children if c.dep_ == "acl" and _named_agent(c)), None)
    if filed is not None and filed.lower_ in issuing:
        return filed
    if document.dep_ == "dobj":
        return document.head
    clause = next((c for c in document.rights if c.dep_ == "relcl"), None)
    if clause is not None and clause.lower_ in issuing:
        return clause
    if document.dep_ == "pobj" and document.head.lower_ in CONTAINING:
        return _governing_verb(document)
    return None


def _named_agent(participle: Token) -> bool:
    """The participle names who did it after "by" ("filed by a former aide"; not "conducted by comparing")."""
    return any(g.dep_ == "pobj" for a in participle.children if a.dep_ == "agent" for g in a.children)
