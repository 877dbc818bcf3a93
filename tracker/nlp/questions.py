"""A question someone asked, reported: its question mark is the asker's, not the writer's.

"The moderator asked the candidates a simple question: Who will win on Sunday?", "Roe asked: “Who
paid for it?”": a sentence ending in a question mark is a question of the writer's, no report
(syntax.hypothetical), except the question a verb of asking introduces, set off after it by a colon
or a quotation mark. "Did Roe ask for a recount?" stays a question: nothing sets the question off
after the verb. What was asked is a claim of kind "question" (tier 0: never published as an
assertion); the conditions and modals of the verb's own clause still make it no report ("If Roe
asked: ..." is none). A content keeps the "whether" that opens a clause standing as its subject
("Whether Roe lied is for the jury to decide, the judge said"): without it the words assert.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from tracker.nlp import modal_names, syntax
from tracker.nlp.doc_texts import text_of
from tracker.nlp.triggers import Trigger

SET_OFF = re.compile(r"[^?]*?(?::\s*|[,:]?\s*[“\"])\S")  # a colon or an opening quotation mark, then words
COLON = re.compile(r"[^?:“”\"]*?:\s*(?=[^\s“\"])")  # a colon, no quotation mark before it or just after it


def hypothetical(verb: Token, segment: Span, trigger: Trigger) -> bool:
    """syntax.hypothetical for a reporting verb, but a verb of asking whose question follows it, set off
    by a colon or a quotation mark, is no question itself: the question mark ending the sentence ends
    what was asked."""
    if trigger.kind_hint == "question" and asks_set_off(verb, segment):
        return any(
            (c.dep_ == "mark" and c.lower_ in syntax.HYPOTHETICAL_MARKS)
            or (c.dep_ == "aux" and c.lower_ in syntax.MODALS)
            for c in verb.children
        )
    named = modal_names.modal_name(verb)  # "Will urged ...": a name, no modal (modal_names.py)
    if named is not None and not trigger.negated:
        return syntax.hypothetical(verb, segment, modals=False) or any(
            c.dep_ == "aux" and c.lower_ in syntax.MODALS and c != named for c in verb.children
        )
    return syntax.hypothetical(verb, segment, modals=not trigger.negated)


def asks_set_off(verb: Token, segment: Span) -> bool:
    """The segment ends in a question mark, the words before the verb hold none, and a colon or an
    opening quotation mark sets the question off after the verb."""
    doc = verb.doc
    if not segment.text.rstrip(" ”\"'’").endswith("?") or "?" in text_of(doc)[segment.start_char : verb.idx]:
        return False
    return SET_OFF.match(text_of(doc), verb.idx + len(verb), segment.end_char) is not None


def after_colon(verb: Token, trigger: Trigger, segment: Span) -> range | None:
    """The tokens of the question a verb of asking sets off after it by a colon ("asked herself this:
    Would I rather save?", "asked the voters a simple question: Who will win?"): what was asked, not a
    quotation earlier in the sentence (a book's title) nor the verb's objects. None when a quotation
    mark sets it off (the quote is the content) or the verb asks no question set off."""
    if trigger.kind_hint != "question" or not asks_set_off(verb, segment):
        return None
    found = COLON.match(text_of(verb.doc), verb.idx + len(verb), segment.end_char)
    if found is None:
        return None
    first = next((t.i for t in segment if t.idx >= found.end()), None)
    return None if first is None else range(first, segment.end)


def leading_mark(token: Token) -> bool:
    """A subordinating word that opens a content and goes with it ("that", "whether" after the verb:
    "said that X", "asked whether X"), unless it is a "whether" opening the sentence or a clause set off
    by punctuation whose clause is the subject of the content's own ("Whether Roe lied is for the jury
    to decide"): there it is part of the words. A "that" the parser made so is a complementizer. Nor is
    the mark of a clause fronted inside the content ("said that, if the board had known, it would have
    stopped the sale", "although ...", "because ..."): its clause modifies a verb after it, and without
    the "if" the content asserts what was only a condition; an "if" clause hung on the verb of saying
    ("asked if she would run") modifies a verb before it and is what was asked. A "that" stays a
    complementizer wherever the parser hangs it."""
    if token.dep_ != "mark":
        return False
    if token.lower_ != "that" and token.head.dep_ == "advcl" and token.head.head.i > token.i:
        return False
    opens = token.i == token.sent.start or not token.doc[token.i - 1].is_alpha
    return not (token.lower_ == "whether" and opens and token.head.dep_ in ("csubj", "csubjpass"))
