"""A document named in one sentence and printed in the next under "it": "The email, sent by Roe to
Doe in 2017, was projected for the jury. It read: “...”" (the fifth trial set's v096, v097). A verb
that reports only with certain subjects (reporting_verbs.jsonl "subjects": "read" with a document)
takes an "it" as the subject of the sentence before it, or that subject's appositive ("Exhibit 12, a
text from Roe, was shown to jurors."), and the document's author speaks through it as when it is
named in the sentence itself ("A 2018 email from Roe read: “...”")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp.triggers import Trigger

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def antecedent(subject: Token | None) -> Token | None:
    """The subject of the sentence before, which "it" (`subject`, a subject itself) may stand for; None
    when `subject` is no subject "it" or there is no sentence before."""
    if subject is None or subject.lower_ != "it" or subject.dep_ != "nsubj":
        return None
    sentence = subject.sent
    if sentence.start == 0:
        return None
    before = subject.doc[sentence.start - 1].sent
    return next((c for c in before.root.children if c.dep_ in SUBJECTS), None)


def subject_heads(subject: Token | None) -> set[str]:
    """The subject's head words a trigger's "subjects" are matched with: its own, a judge's title
    ("Judge Jo Roe found that ..."), and, for "it", the document of the sentence before and its
    appositive."""
    if subject is None:
        return set()
    found = {subject.lower_}
    if subject.ent_type_ == "PERSON":
        found |= {c.lower_ for c in subject.children if c.dep_ == "compound" and c.is_title}
    if (named := antecedent(subject)) is not None:
        found |= {named.lower_, *(c.lower_ for c in named.children if c.dep_ == "appos")}
    return found


def people_of(subject: Token, trigger: Trigger, segment: Span) -> list[Token]:
    """Who speak: the subject and its conjuncts in the segment ("Roe and Doe said"); for "it", the
    document of the sentence before (or its appositive) when the trigger reports only with such a
    subject ("It read: “...”": the email's author speaks)."""
    named = antecedent(subject) if trigger.subjects else None
    words = [] if named is None else [t for t in (named, *named.children) if t == named or t.dep_ == "appos"]
    first = next((t for t in words if t.lower_ in trigger.subjects), subject)
    return [first, *(c for c in subject.conjuncts if c.i in range(segment.start, segment.end))]
