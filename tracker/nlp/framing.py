"""Attributions that are not a reporting verb: the outlet's framing of what someone said.

- A characterising noun with a possessor and content: "Smith's argument that ...", "His defense: that
  ...", "Acme's counterargument is more direct: ...", "Smith's “everyone does it” argument" (the
  quote is the content). Without content ("Smith's admission holds ...") there is no claim.
- An evidential adverb ("reportedly", "allegedly") in a clause that is not already reported speech:
  a claim with speaker "".
- "according to X": X speaks; the content is the rest of the clause, on the larger side of the phrase,
  or the clause before the comma that sets it off when the words after X go on describing X; inside
  brackets, the bracket's words only (bracketed.py); "Per X," likewise, when X is named (per_source.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from tracker.nlp import attributives, bracketed, per_source, possessed_things, syntax
from tracker.nlp.quotes import quotes_in
from tracker.nlp.speakers import SpeakerResolver
from tracker.nlp.triggers import Draft, Trigger, Triggers
from tracker.nlp.types import Quote

COPULAS = frozenset({"is", "was", "are", "were", "remains", "remained", "be", "been"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
POINTERS = frozenset({"that", "this"})  # "That’s according to ...": the sentence before, in one word
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "where", "when"})
COLON_REACH = 8  # tokens between a characterising noun and its colon ("Acme's counterargument is ...:")
DESCRIBERS = frozenset({"appos", "relcl", "acl"})  # what a comma sets off after a name, still about it


class Reader(Protocol):
    doc: Doc
    text: str
    quotes: list[Quote]
    quoted: set[int]  # indices of the tokens inside quotation marks
    speakers: SpeakerResolver
    triggers: Triggers

    def range(self, indices: Iterable[int], segment: Span) -> tuple[int, int]: ...


def from_noun(reader: Reader, noun: Token, segment: Span, trigger: Trigger) -> list[Draft]:
    """A possessed characterising noun with a "that" clause, a copula and a clause, or a colon."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return []
    clause = next((c for c in noun.children if syntax.is_complement(c)), None)
    if clause is None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lower_ in COPULAS:
        clause = next((c for c in noun.head.children if c.i > noun.head.i and syntax.is_complement(c)), None)
    if clause is not None:
        pieces = [reader.range(range(clause.left_edge.i, clause.right_edge.i + 1), segment)]
    else:
        colon = next(
            (t for t in reader.doc[noun.i + 1 : min(noun.i + COLON_REACH, segment.end)] if t.text == ":"),
            None,
        )
        if colon is None or colon.i + 1 >= segment.end:
            return []
        pieces = [reader.range(range(colon.i + 1, segment.end), segment)]
    owner = possessed_things.thing_for(owner, reader.speakers.mention_at) or owner  # "its claim": a thing's
    return [Draft(trigger, reader.speakers.resolve(owner), pieces, segment)]


def quoted_characterisations(reader: Reader, segment: Span, done: set[int]) -> list[Draft]:
    """Smith's “everyone does it” argument: possessor, quote, characterising noun."""
    drafts = []
    for quote in quotes_in(reader.quotes, segment.start_char, segment.end_char):
        if not segment.start_char < quote.start - 1 < quote.end + 1 < segment.end_char:
            continue
        after = reader.doc.char_span(quote.end + 1, segment.end_char, alignment_mode="expand")
        before = reader.doc.char_span(segment.start_char, quote.start - 1, alignment_mode="expand")
        if not after or not before or len(before) < 2 or before[-1].text not in POSSESSIVE:
            continue
        noun = next((t for t in after if not t.is_space), None)
        if noun is None or noun.lower_ not in reader.triggers.nouns or noun.idx > quote.end + 3:
            continue
        done.add(noun.i)
        speaker = reader.speakers.resolve(before[-2])
        drafts.append(Draft(reader.triggers.nouns[noun.lower_], speaker, [(quote.start, quote.end)], segment))
    return drafts


def from_adverb(reader: Reader, adverb: Token, segment: Span, trigger: Trigger) -> list[Draft]:
    head = adverb.head
    if not syntax.is_verbal(head) or any(
        a.lower_ in reader.triggers.verbs and syntax.is_verbal(a) for a in (head, *head.ancestors)
    ):
        return []  # already the content of an attributed claim
    first = head.head.left_edge.i if head.dep_ in ("acl", "relcl") else head.left_edge.i
    return [Draft(trigger, None, [reader.range(range(first, head.right_edge.i + 1), segment)], segment)]


def from_phrase(reader: Reader, phrase: Token, segment: Span, trigger: Trigger) -> list[Draft]:
    """A source named by a phrase: "according to X", or "Per X," when per_source.py says it names one."""
    if phrase.lower_ == per_source.WORD:
        named = per_source.names_source(phrase, segment, reader.speakers)
    else:
        named = phrase.i + 1 < len(reader.doc) and reader.doc[phrase.i + 1].lower_ == "to"
    return from_according(reader, phrase, segment, trigger) if named else []


def from_according(reader: Reader, according: Token, segment: Span, trigger: Trigger) -> list[Draft]:
    to = reader.doc[according.i + 1]
    source = next((c for c in (*to.children, *according.children) if c.dep_ == "pobj"), None)
    if source is None:
        return []
    clause = according.head
    while (clause.dep_ not in syntax.VERBAL_DEPS or attributives.describes(clause)) and clause.head != clause:
        clause = clause.head  # up to the clause ("leads Roe by 12 pledged delegates according to ...")
    skip = set(range(according.i, _source_end(reader.doc, to, source) + 1))
    if clause.i < according.i:  # "A according to X, but B vowed ...": X reports A, not B
        for joined in (c for c in clause.rights if c.dep_ in ("cc", "conj") and c.i > according.i):
            skip |= set(range(joined.left_edge.i, joined.right_edge.i + 1))
    tokens = [i for i in range(clause.left_edge.i, clause.right_edge.i + 1) if i not in skip]
    left = [i for i in tokens if i < according.i]
    right = [i for i in tokens if i > according.i]
    side = right if len(right) >= len(left) else left
    words = [i for i in left if not reader.doc[i].is_punct]
    after_comma = reader.doc[according.i - 1].text == ","
    if clause.i < according.i and len(words) >= 3 and after_comma:
        side = left  # "Y, according to a poll last week - the same as ...": the clause it follows
    elif after_comma and _describes_source(reader.doc, right):  # "Y, according to sources who ..."
        side = _clause_before(reader.doc, segment, according.i - 1) or side
    if _points_back(reader, words):
        side = words[:1]  # "That’s according to reports filed on Friday": "That" stands for what came before
    other = left if side is right else right  # "... (15 percent, according to X)": the bracket's words
    side = bracketed.within(side, according, segment) or bracketed.within(other, according, segment)
    if not side:
        return []
    return [Draft(trigger, reader.speakers.resolve(source), [reader.range(side, segment)], segment)]


def _source_end(doc: Doc, to: Token, source: Token) -> int:
    """The last token of "according to X". The comma after the name ends it: what the parser hung on
    the name after that comma is the account, not more of the name ("According to talk show host Dan
    Reyes, the plan reeks of “panic”", read as one long noun phrase with "reeks" an apposition of the
    name; "According to the FBI summary, Mills and an aide asked ...", the subject hung on "summary").
    An apposition or a relative clause set off by commas ("According to Dan Reyes, a talk show host,
    the plan ...") still describes the name."""
    end = max(to.right_edge.i, source.right_edge.i)
    comma = source.i + 1
    if not (comma < end and doc[comma].text == ","):
        return end
    for describer in (c for c in source.rights if c.dep_ in DESCRIBERS):
        closing = describer.right_edge.i + 1
        if closing < len(doc) and doc[closing].text == ",":
            return closing
    return comma


def _describes_source(doc: Doc, right: list[int]) -> bool:
    """The words after "according to X" go on describing X, whatever the parser hung them on: they follow
    the source's words with no comma between ("according to sources who spoke to the Ledger but were not
    authorized to ...", "according to an interview her brother gave"), or open a relative clause after
    one (", where 300 seats will be decided")."""
    words = [i for i in right if not doc[i].is_punct]
    if not words:
        return False
    before, first = doc[words[0] - 1], doc[words[0]]
    return not before.is_punct or first.lower_ in RELATIVE_WORDS


def _clause_before(doc: Doc, segment: Span, comma: int) -> list[int]:
    """The words of the segment before the comma that sets off "according to", when they hold a
    subject with its verb."""
    words = [i for i in range(segment.start, comma) if not doc[i].is_punct]
    has_clause = any(
        doc[i].dep_ in ("nsubj", "nsubjpass") and segment.start <= doc[i].head.i < comma for i in words
    )
    return words if has_clause and len(words) >= 3 else []


def _points_back(reader: Reader, words: list[int]) -> bool:
    """The words before "according to" are only a demonstrative and a copula ("That’s", "This is"),
    not a complementizer alone ("reported that, according to X, ...")."""
    doc = reader.doc
    return (
        len(words) == 2 and doc[words[0]].lower_ in POINTERS and doc[words[1]].lower_ in COPULAS | POSSESSIVE
    )
