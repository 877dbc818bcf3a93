"""Reading the dependency parse without POS tags: clause roles, subjects, complements, phrases.

The pipeline runs without tagger and lemmatizer, so whether a word is used as a verb is told by the
parser's labels alone (its role and its dependents), never by `pos_` or `lemma_`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from tracker.nlp.doc_texts import text_of
from tracker.nlp.relative_participles import absolute_subject, authored, qualified_noun
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.trailing_participles import earlier_verb
from tracker.nlp.types import Mention

VERBAL_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "parataxis", "csubj"}
)
CLAUSE_CHILDREN = frozenset(
    {"nsubj", "nsubjpass", "ccomp", "dobj", "xcomp", "mark", "aux", "auxpass", "neg", "agent"}
)
PHRASE_LEFT = frozenset({"aux", "auxpass", "neg"})
PHRASE_RIGHT_STOP = frozenset({"punct", "advcl", "conj", "cc", "parataxis", "nsubj", "nsubjpass", "mark"})
OBJECTS = frozenset({"dobj", "attr", "oprd", "dative", "xcomp"})
OBJECT_PREPOSITIONS = frozenset({"as", "about", "of"})  # "described it as", "accused of", not "on Monday"
COMPLEMENT_MARKS = frozenset({"that", "whether"})
CLAIMED = frozenset({"dobj", "nsubj", "nsubjpass"})  # a noun a "that" clause may belong to
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
MODALS = frozenset({"could", "would", "might", "may", "should", "can", "will", "must", "'d", "'ll", "shall"})


def segments(doc: Doc) -> list[Span]:
    """The sentences of `doc`, cut at line breaks (headlines, list items) and stripped of whitespace."""
    segments: list[Span] = []
    for sentence in doc.sents:
        start = sentence.start
        for token in (*sentence, None):
            if token is None or (token.is_space and "\n" in token.text):
                stop = sentence.end if token is None else token.i
                while start < stop and doc[start].is_space:
                    start += 1
                while stop > start and doc[stop - 1].is_space:
                    stop -= 1
                if stop > start:
                    segments.append(doc[start:stop])
                start = stop + 1 if token is not None else stop
    return segments


PARTICIPLE_MARKS = frozenset({"when", "if", "as", "once", "after", "unless", "while", "before", "until"})
# not "without"
PARTICIPLE_PREPOSITIONS = frozenset({"by", "before", "after", "since", "while", "in", "when", "upon"})
QUOTED_NEXT = re.compile(r"[,:]?\s*[“\"]")
OPENS_QUOTE = re.compile(r"\s*[“\"]")
IRREGULAR_PARTICIPLES = frozenset({"told", "written", "said", "shown", "given", "warned"})


def is_verbal(token: Token) -> bool:
    """Used as a verb: the parser gives it a clause role or clause dependents (there are no POS tags)."""
    if token.dep_ in ("amod", "compound", "poss", "det"):
        return False
    return token.dep_ in VERBAL_DEPS or any(c.dep_ in CLAUSE_CHILDREN for c in token.children)


def subject(
    verb: Token, depth: int = 0, via: str = "", *, says_object: bool = False
) -> tuple[Token | None, bool]:
    """(speaker head, passive) of a reporting verb; inherited along coordination and participles (`via`: the
    inheritor's relation); from a passive its subject speaks unless an agent is given and the inheritor is no
    conjunct ("was announced by the board, noting ...") or a preposition's ("was booed (and heckled) by fans
    after telling ..."); `says_object`: a participle's object is what was said ("after announcing her run");
    a quoted title after the verb is no subject ("said on “Meet the Press”")."""
    titles = {c for c in verb.children if c.left_edge.i > verb.i and verb.doc[c.left_edge.i - 1].text in '“"'}
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c not in titles]
    if subjects:  # two: a boundary missed (nearest: the verb's) or a hyphen ("said xAI co-founder Jo")
        run = all(b.left_edge.i == a.right_edge.i + 1 for a, b in zip(subjects, subjects[1:], strict=False))
        return subjects[-1] if run else min(subjects, key=lambda c: abs(verb.i - c.i)), False
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    for child in verb.children:
        if child.dep_ != "nsubjpass":
            continue
        if via and (agent is None or via in ("conj", "pcomp")):  # "was angered by X and predicted"
            return child, False
        name = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return name, name is None
    if agent is not None and not (via == "pcomp" and verb.dep_ == "conj"):  # "Asked by Roe whether ...": Roe
        name = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if name is not None:
            return name, False
    if verb.dep_ == "advcl" and is_past_participle(verb):  # "Asked about X, Roe said": who asked is not said;
        controlled = via == "xcomp" and depth < 4  # "Roe, when pressed to explain": the one pressed, Roe
        return subject(verb.head, depth + 1, "advcl") if controlled else (None, True)
    if (
        verb.dep_ == "xcomp"
        and verb.head.lower_ in speaker_words().causing
        and any(c.lower_ == "to" for c in verb.children)
    ):
        # object control: "The defeat led Roe to declare ...", "Roe was forced to admit ...": Roe
        controller = next(
            (c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < verb.i), None
        )
        if controller is not None:
            return controller, False
    marked = any(c.dep_ == "mark" for c in verb.children)
    if (
        depth < 4
        and verb.head != verb
        and (verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and not marked))
    ):
        if (noun := qualified_noun(verb) or absolute_subject(verb) or authored(verb)) is not None:
            return noun, False
        head = earlier_verb(verb) or verb.head  # "X said Y was Z, adding ...": X's (trailing_participles.py)
        return subject(head, depth + 1, verb.dep_)
    if (  # "distanced himself by saying ...", "before explaining why ...": the head verb's subject,
        depth < 4  # when the participle reports words (a clause or a quote), not "by admitting students"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ in PARTICIPLE_PREPOSITIONS
        and verb.head.head.dep_ in VERBAL_DEPS
        and (
            any(c.dep_ == "ccomp" for c in verb.children)
            or QUOTED_NEXT.match(text_of(verb.doc), verb.idx + len(verb))
            or (says_object or via == "xcomp")  # "was defensive in trying to explain ...": the mayor
        )
    ):
        return subject(verb.head.head, depth + 1, "pcomp")
    if verb.dep_ == "acl":
        sender = _sender(verb, depth)
        return (verb.head if sender is None else sender), False
    return None, False


def _sender(participle: Token, depth: int) -> Token | None:
    """Who speaks a participle hung on the one addressed ("made a pitch to farmers saying ..."): the subject
    of the verb the address belongs to, when a word of addressing stands between it (or a noun) and "to"."""
    addressed = participle.head
    to = addressed.head
    if not (participle.lower_.endswith("ing") and addressed.dep_ == "pobj" and to.lower_ == "to"):
        return None
    doc = participle.doc
    if not any(t.lower_ in speaker_words().addressing for t in doc[min(to.head.i, to.i) : to.i]):
        return None
    verb = to.head
    while verb.dep_ not in VERBAL_DEPS and verb.head != verb:
        verb = verb.head
    return subject(verb, depth + 1)[0] if depth < 4 and verb.dep_ in VERBAL_DEPS else None


def is_past_participle(verb: Token) -> bool:
    """ "asked", "told": without tags, the form of a reporting verb with no subject of its own."""
    if not (verb.lower_ in IRREGULAR_PARTICIPLES or verb.lower_.endswith("ed")):
        return False
    before = verb.doc[verb.sent.start : verb.i]
    word = next((t for t in reversed(before) if not (t.is_punct or t.is_space)), None)
    return word is None or word.lower_ in PARTICIPLE_MARKS  # "Asked ...", "when asked ..."


def hypothetical(verb: Token, segment: Span, *, modals: bool = True) -> bool:
    """A question, a condition or (unless `modals` is false) a modal: "If the court rules ...", "Acme
    could argue ..."; a negated report keeps its modal ("would not say whether ...")."""
    if segment.text.rstrip().endswith("?") and not _opens_quote(verb, segment):
        return True  # a question; a quoted one ("?”", or a quote the splitter cut at "?") is content
    return any(
        (c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS)
        or (modals and c.dep_ == "aux" and c.lower_ in MODALS)
        for c in verb.children
    )


def _opens_quote(verb: Token, segment: Span) -> bool:
    """A quotation opens after the verb and is still open at the sentence's end: its "?" is the quote's."""
    tail = text_of(verb.doc)[verb.idx : segment.end_char]
    return tail.count("“") > tail.count("”") or tail.count('"') % 2 == 1


def has_object(verb: Token, objects: frozenset[str]) -> bool:
    """The verb's object, complement or "to" object is one of `objects` ("respond to a request")."""
    direct = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "nsubjpass")]
    to = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(c.lower_ in objects for c in direct + to)


def has_dependent(verb: Token, wanted: frozenset[str]) -> bool:
    """One of the verb's dependents is in `wanted`: a relation ("oprd"), a preposition ("prep:for"),
    or "dobj:quote", an object holding or followed by a quotation after its first word ("called the
    plan “a disgrace”", "called Roe “the Mayor”" with Roe hung on the quoted noun), "predicate" (an
    object named something the parser misread: "calling Roe a fraud") or "advcl:for" (a clause marked "for": "called for Roe to quit")."""
    if "dobj:quote" in wanted and any(
        c.dep_ == "dobj"
        and (
            any(t.i > c.left_edge.i and t.text in ("“", '"') for t in c.subtree)
            or OPENS_QUOTE.match(text_of(verb.doc), c.right_edge.idx + len(c.right_edge))
        )
        for c in verb.children
    ):
        return True
    if "predicate" in wanted and any(_names(c) for c in verb.children):
        return True
    return any(
        c.dep_ in wanted or f"{c.dep_}:{c.lower_}" in wanted or f"{c.dep_}:{_mark(c)}" in wanted
        for c in verb.children
    )


def _mark(clause: Token) -> str:
    return next((c.lower_ for c in clause.children if c.dep_ == "mark"), "")


def _names(child: Token) -> bool:
    """The parser's reading of "called Roe a fraud" / "called her son her hero" as an object with
    an appositive not set off by a comma, or a bare xcomp with an object of its own."""
    if child.dep_ == "dobj":
        return any(c.dep_ == "appos" and child.doc[c.left_edge.i - 1].text != "," for c in child.rights)
    return (
        child.dep_ == "xcomp"
        and not any(c.dep_ == "aux" for c in child.children)
        and any(c.dep_ in ("dobj", "attr") for c in child.children)
    )


def negated(verb: Token, quoted: set[int] | frozenset[int] = frozenset()) -> bool:
    """The verb is negated ("never said"), not by a "not" in quoted words (`quoted`: “Absolutely not,” ...)."""
    return any(c.dep_ == "neg" and c.i not in quoted for c in verb.children)


def is_object(token: Token) -> bool:
    return token.dep_ in OBJECTS or (token.dep_ == "prep" and token.lower_ in OBJECT_PREPOSITIONS)


def mention_head(doc: Doc, mention: Mention) -> Token | None:
    """The head word of a mention's span (None when no tokens cover it)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return None if span is None else span.root


def with_conjunction(token: Token, head: Token) -> set[int]:
    """The tokens of `token`'s phrase, with the "and" before it when that joins it to `head`
    ("said that X and predicted that Y": "and predicted that Y")."""
    first = token.left_edge.i
    if token.doc[first - 1].dep_ == "cc" and token.doc[first - 1].head == head:
        first -= 1
    return set(range(first, token.right_edge.i + 1))


def is_complement(token: Token) -> bool:
    """A "that"/"whether" clause (not a relative clause)."""
    return token.dep_ in ("acl", "ccomp", "relcl", "attr", "advcl") and any(
        c.dep_ == "mark" and c.lower_ in COMPLEMENT_MARKS for c in token.children
    )


def phrase(verb: Token) -> list[int]:
    """The verb with its auxiliaries and negation and its right-hand dependents (not other clauses)."""
    first = min([verb.i] + [c.left_edge.i for c in verb.lefts if c.dep_ in PHRASE_LEFT])
    last = verb.i
    for child in verb.rights:
        if child.i == verb.i + 1 and child.text in (",", "“", '"', "‘", "'"):
            continue  # "Roe said, those donations paid for ...", "admitted “one lapse”": the object after
        if child.dep_ in PHRASE_RIGHT_STOP and not (child.dep_ == "advcl" and _mark(child) == "for"):
            break  # "called for Roe to resign": the clause the verb asks for is its own
        last = child.right_edge.i
    return list(range(first, last + 1))


def misattached_complement(verb: Token) -> tuple[int, int] | None:
    """A "that" clause the parser hung lower than the verb ("told reporters outside the courthouse
    that ..." parsed as a relative clause of "courthouse"): (first, last) token index, from "that".

    A "that" marking a clause (dep mark) introduces a complement; a relative "that" is its subject or
    object instead, so it is not taken.
    """
    for token in verb.subtree:
        if token.i > verb.i and token.dep_ == "mark" and token.lower_ == "that" and token.head != verb:
            path = [token.head, *(a for a in token.head.ancestors if a.i > verb.i and verb in a.ancestors)]
            if not any(t.dep_ in CLAIMED for t in path[1:]):  # not "denied the report that"
                return token.i, token.head.right_edge.i
    return None


def passive_topic(verb: Token) -> tuple[int, int] | None:
    """What a passive report with an agent reports: its passive subject ("The merger was first
    reported by the Ledger") or the noun its participle qualifies ("a fact first reported by Roe");
    (first, last) token index, or None."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    topic = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if topic is not None:
        return topic.left_edge.i, topic.right_edge.i
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        return verb.head.left_edge.i, verb.left_edge.i - 1
    return None
