"""Where a reporting verb's content stands when it is not its complement: quotes attached to the
attribution ("“...,” Smith said, “...”", "she told reporters: “...”", a quote the sentence splitter cut
off just before "Smith said.") and the words around a parenthetical attribution ("After a merger, she
said, the label would survive"; "A girl was hurt, police said.").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from tracker.nlp import as_inserted, circumstance_quotes, fronted, own_objects, syntax
from tracker.nlp.framing import Reader
from tracker.nlp.introductions import description_end, phrase_end, set_aside
from tracker.nlp.own_objects import OWN_CONTENT, own_content, reports_object
from tracker.nlp.quotes import ends_with, is_title, quotes_in
from tracker.nlp.types import Quote

QUOTING = r"(?:(?:and\s+)?I\s+quote\b[\s,:—–-]*)?"  # a set phrase: "said, and I quote, “...”"
ATTACHING = re.compile(rf"^[\s,:—–-]*{QUOTING}$")
INTRODUCING = re.compile(rf"^\s*[:,]\s*{QUOTING}$")  # "she told reporters: “...”"
QUOTE_REACH = 3  # characters before a sentence where a quote that belongs to it may close
MAX_ATTRIBUTION_WORDS = 12  # "Lee, the county's chief prosecutor, said": the words after a quote
OPENING = re.compile(r"^[\s.]*[“\"'‘`]{1,2}$")  # an attribution's sentence ends, the next quote opens
NEXT_PARAGRAPH = re.compile(r"^[ \t]*\n\s*[“\"]$")  # a line break, then the quote's opening mark
MOVING = frozenset({"nsubj", "dobj", "prep", "ccomp", "prt"})  # a next predicate's own words
ALONE = re.compile(r"^[”\"'’]{0,2}\s*(?:\n|$|[A-Z“\"‘'])")  # nothing of its sentence after the quote


def attached_quotes(
    reader: Reader, verb: Token, subject: Token | None, segment: Span
) -> list[tuple[int, int]]:
    """Quotes that are the verb's own content: a child inside them, or only commas and dashes
    between them and the attribution ("“...,” Smith said, “...”")."""
    block = [verb] + (
        [] if subject is None else [reader.doc[i] for i in range(*reader.speakers.phrase(subject))]
    )
    first = min(t.idx for t in block)
    last = max(t.idx + len(t) for t in block)
    after_phrase = phrase_end(verb, segment, last)  # "told reporters on Monday: “...”" (introductions.py)
    described = last if subject is None else description_end(subject, last)  # "said Roe, a lawyer, “...”"
    inside = [  # (first, last) character of each dependent's words: "We did it" in “We did it,”
        (min(t.idx for t in words), max(t.idx for t in words))
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass", "punct")
        and (words := [t for t in c.subtree if not (t.is_punct or t.is_space)])
    ]
    # A verb with its own content after it does not take a quote before it (own_objects.own_content)
    has_own = own_content(reader, verb, segment)
    # "“...,” Roe said, recalling a visit": a participle that borrows the speaker of the verb it hangs
    # on does not take that verb's quote, nor does the verb it goes on to ("going on to say that X")
    participle = verb.head if verb.dep_ == "xcomp" else verb
    borrowed = (
        subject is not None
        and subject.head not in (verb, participle)
        and participle.dep_ in ("advcl", "pcomp")
    )
    pieces = []
    # from just before the sentence: a quote the splitter cut off ("“... power?” Roe said.")
    for quote in quotes_in(reader.quotes, segment.start_char - QUOTE_REACH, segment.end_char + 1):
        if (first <= quote.start and quote.end <= last) or _title(reader, quote):
            continue
        holds_child = any(quote.start <= a and b < quote.end for a, b in inside)
        before = (
            quote.end < first
            and not (borrowed or own_objects.said_by_another(reader, verb, quote.start, quote.end))
            and not (has_own and (quote.end <= segment.start_char or not opens(reader, quote, segment)))
            and not (quote.end <= segment.start_char and reports_object(reader, verb))  # own_objects.py
            and ends_with(reader.text, quote, ",.!?…—-")
            and ATTACHING.match(reader.text[quote.end + 1 : first])
        )
        after = (
            quote.start > last
            and (ends_with(reader.text, quote, ".!?…") or circumstance_quotes.runs_on(reader.text, quote))
            and (
                ATTACHING.match(reader.text[last : quote.start - 1])
                or INTRODUCING.match(reader.text[after_phrase : quote.start - 1])
                or (described <= quote.start and ATTACHING.match(reader.text[described : quote.start - 1]))
                or set_aside(verb, segment, last, quote.start, reader.triggers.verbs)
            )
        )
        if holds_child or before or after:
            pieces.append((quote.start, quote.end))
    ahead = introduced(reader, verb, after_phrase, segment)  # "“X.” She went on to say:" / "“Y.”": Y
    return ahead if ahead and all(b <= segment.start_char for _, b in pieces) else pieces or ahead


def _title(reader: Reader, quote: Quote) -> bool:
    """A title in quotation marks ("told “Meet the Press” that ..."), not someone's words: title case,
    a word just before it. Quoted words that open their sentence or follow a comma or a colon are spoken,
    capitalised or not (“Technicals,” Roe said; Roe said, “Probably.”)."""
    before = reader.text[max(0, quote.start - 40) : max(0, quote.start - 1)].rstrip(" ")
    return is_title(quote) and before[-1:].isalnum()


def introduced(reader: Reader, verb: Token, after_phrase: int, segment: Span) -> list[tuple[int, int]]:
    """A quote that opens the next paragraph, introduced by the attribution that ends this one with
    a colon ("In a speech last year, he said:" / "“...”"): the verb's phrase runs up to the colon;
    with no quote there, the next paragraph as a block quote."""
    text, end = reader.text, segment.end_char
    if text[end - 1 : end] != ":" or not INTRODUCING.match(text[after_phrase:end] + " "):
        return []
    nxt = next((q for q in quotes_in(reader.quotes, end, end + 8)), None)
    if nxt is None:
        return block(text, end)
    if not NEXT_PARAGRAPH.match(text[end : nxt.start]) or attributed(reader, nxt):
        return []
    return [(nxt.start, nxt.end)]


BLOCK_START = re.compile(r"[ \t]*\n[ \t]*\n[ \t]*(?=[^\s“\"‘'])")


def block(text: str, end: int) -> list[tuple[int, int]]:
    """ "he said:" closing its paragraph, then a paragraph with no quotation marks: a block quote,
    the whole next paragraph (of at least five words)."""
    opening = BLOCK_START.match(text, end)
    if opening is None:
        return []
    start = opening.end()
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return [(start, stop)] if len(text[start:stop].split()) >= 5 else []


def around(
    reader: Reader, verb: Token, subject: Token | None, segment: Span, *, addressee: bool = False
) -> list[tuple[int, int]]:
    """The words around a parenthetical attribution: "After a merger, she said, the label would
    survive" (the parser hangs "said" on the clause it reports) and "A girl was hurt, police
    said." (what comes before is not parsed as its complement). Nothing when the attribution is
    not set off by commas from at least three words of its sentence."""
    # The parser also hangs a sentence-final attribution on the clause before it ("..., she said."
    # as an adverbial clause, "..., said the company's chief executive." as a conjunct).
    # Not with a subject inherited from the clause it hangs on ("..., further clarifying ...").
    final = verb.dep_ in ("conj", "advcl") and subject is not None and subject.head not in verb.ancestors
    if subject is None or not (verb.dep_ in ("parataxis", "ROOT") or final):
        return []
    first = min(reader.speakers.phrase(subject)[0], verb.i)
    last = verb.i if verb.dep_ == "ROOT" else verb.right_edge.i
    while last > verb.i and reader.doc[last].is_punct:
        last -= 1
    if first <= segment.start or reader.doc[first - 1].text != ",":
        return []
    if reader.text[segment.end_char - 1] == ":":  # "In a speech, Roe said:": what follows is the content
        return []
    if verb.dep_ != "parataxis" and any(
        not (t.is_punct or t.is_space) for t in reader.doc[verb.right_edge.i + 1 : segment.end]
    ):
        return []
    if verb.dep_ != "parataxis" and any(
        (syntax.is_object(c) and not addressee) or c.dep_ in ("ccomp", "xcomp") for c in verb.rights
    ):  # "..., police said the girl was hurt": the complement is the content ("told a panel": not)
        return []
    before = [i for i in range(segment.start, first - 1) if not reader.doc[i].is_punct]
    after = [
        i for i in range(last + 1, segment.end) if not reader.doc[i].is_punct and verb.dep_ == "parataxis"
    ]
    if len(before) + len(after) < 3 or (not after and fronted.only_setting(verb, before)):
        return []
    pieces = [reader.range(before, segment)]
    if after and reader.doc[last + 1].text == ",":
        pieces.append(reader.range(after, segment))
    return pieces


def as_clause(verb: Token) -> bool:
    """ "as the Times reported": an adverbial clause marked "as"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def as_reported(reader: Reader, verb: Token, segment: Span, *, objects: tuple = ()) -> list[tuple[int, int]]:
    """ "As the Times reported, Y" / "Y, as Roe noted, ...": the clause the "as" attribution hangs
    on is what was reported, when the attribution has no content of its own and commas set it off;
    the clause stops at the next clause coordinated with it ("..., and he will ..."). The outlet
    leans on a source for its own sentence, so these take the form "as" (tier 1, confidence.py).
    `objects`: the verb's objects that are not what was said ("told the Ledger", as_objects.py)."""
    if any((syntax.is_object(c) and c not in objects) or c.dep_ in OWN_CONTENT for c in verb.children):
        return []
    first, last = verb.left_edge.i, verb.right_edge.i
    doc, head = reader.doc, verb.head
    while last > verb.i and doc[last].is_punct:
        last -= 1
    before_comma = first > segment.start and doc[first - 1].text == ","
    after_comma = last + 1 < segment.end and doc[last + 1].text == ","
    if not (before_comma or after_comma) or not (segment.start <= head.i < segment.end):
        return []
    stop = next((c.left_edge.i for c in head.rights if c.i > last and c.dep_ in ("conj", "cc")), None)
    words = [
        i
        for i in range(max(head.left_edge.i, segment.start), min(head.right_edge.i + 1, segment.end))
        if not first <= i <= last and (stop is None or i < stop) and not doc[i].is_punct
    ]
    if len(words) < 3:
        return []
    return as_inserted.pieces(reader, head, words, first, segment)  # "And as Roe noted, Y": Y


def opens(reader: Reader, quote: Quote, segment: Span) -> bool:
    """The quote opens its sentence: nothing but its opening mark before it."""
    return not reader.text[segment.start_char : max(segment.start_char, quote.start - 1)].strip()


def resumed(
    reader: Reader, verb: Token, segment: Span, pieces: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """“X,” Roe said. “Y.”: a quote standing alone as the next sentence of the paragraph goes on in
    the words of the attribution just before it, when that attribution closes its sentence after
    the quote it reports."""
    if (
        not pieces
        or pieces[-1][1] > verb.idx
        or handed_on(reader, verb) is not None
        or moves_on(reader, verb)
    ):
        return pieces  # “X,” Roe said, adding that Y. “Z.”: Z goes on from "adding"
    tail = max([verb.right_edge.i, *(c.right_edge.i for c in verb.children if c.dep_ == "nsubj")])
    return _resume(reader, verb, tail, segment, pieces)


def moves_on(reader: Reader, verb: Token) -> bool:
    """ "“X,” Roe said, then turned to Y. “Z.”", "“X,” Roe said, and her aide cut in. “Z.”": another
    predicate after the attribution's, with words or a subject of its own; the quote after it goes on
    from that one, not in X's words. Not a verb of saying ("and argued ..."),
    whose own attribution reads the quotes around it."""
    return any(
        (
            c.dep_ in ("conj", "dep")
            and c.lower_ not in reader.triggers.verbs
            and any(g.dep_ in MOVING for g in c.children)
        )
        for c in verb.rights
    )


def _resume(
    reader: Reader, verb: Token, tail: int, segment: Span, pieces: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`pieces` and the quote alone as the next sentence, when the attribution's sentence ends at `tail`."""
    text, doc = reader.text, reader.doc
    if any(not (t.is_punct or t.is_space) for t in doc[tail + 1 : segment.end]):
        return pieces  # the attribution's sentence goes on
    end = doc[tail].idx + len(doc[tail])
    nxt = next((q for q in reader.quotes if q.start > end), None)
    if (
        nxt is None
        or not OPENING.match(text[end : nxt.start])
        or "\n\n" in text[verb.idx : nxt.start]
        or nxt.text.rstrip()[-1:] not in ".!?…"
        or not ALONE.match(text[nxt.end :])
        or attributed(reader, nxt)
        or _title(reader, nxt)  # said on WKRP's “Good Morning Ohio.”
    ):
        return pieces
    return [*pieces, (nxt.start, nxt.end)]


def handed_on(reader: Reader, verb: Token) -> Token | None:
    """ "“X,” Roe said, adding that Y.": a participle of saying with a clause or an object of its own
    ("adding a plug for his book") that closes the attribution's sentence; a quote standing alone
    after it goes on in its words, not in X's."""
    for child in verb.rights:
        if (
            child.dep_ == "advcl"
            and child.lower_.endswith("ing")
            and child.lower_ in reader.triggers.verbs
            and any(c.i > child.i and (c.dep_ == "ccomp" or syntax.is_object(c)) for c in child.children)
        ):
            return child
    return None


def continued(
    reader: Reader, verb: Token, segment: Span, pieces: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """ "“X,” Roe said, adding that Y. “Z.”": the participle's clause Y, then Z, when the participle
    closes the sentence of an attribution whose quote comes before it."""
    if not pieces or verb.dep_ != "advcl" or handed_on(reader, verb.head) != verb:
        return pieces
    head = verb.head
    if not _quote_before(reader, head, segment):
        return pieces
    return _resume(reader, verb, verb.right_edge.i, segment, pieces)


def _quote_before(reader: Reader, verb: Token, segment: Span) -> bool:
    """A quote of the sentence closes before `verb` (“X,” Roe said, ...)."""
    return any(
        q.end <= verb.idx for q in quotes_in(reader.quotes, segment.start_char - QUOTE_REACH, verb.idx)
    )


def attributed(reader: Reader, quote: Quote) -> bool:
    """The quote has an attribution of its own in the words that follow it (“Y.” Lee said.)."""
    after = reader.text[quote.end + 1 : quote.end + 120].split("\n", 1)[0]
    words = re.findall(r"[\w’']+", after.split(".", 1)[0].lower())
    return len(words) <= MAX_ATTRIBUTION_WORDS and any(w in reader.triggers.verbs for w in words)
