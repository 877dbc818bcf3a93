"""A quotation closed by its attribution that the parser did not read as one: “...,” a voice-over in
the ad states. / “...,” the two write. The words after the quote were parsed as a noun phrase with the
verb inside it (a compound, an object, "dep"), so the verb has no subject and no claim was made.

Read from the words alone: a quote whose last word ends in a comma, question or exclamation mark,
then a short speaker phrase of plain words, then a finite form of a general verb of saying (one with
no subject, object or dependent it needs: say, write, state, add ...), then the end of the sentence, a
comma or a preposition ("... the officials state in the paper"). The quote is the content and the
phrase the speaker, resolved from its head word (the word before its first preposition). Kept out: a
participle ("“...,” a sign saying"), a modal ("“...,” he will say"), a clause ("“...,” while
discussing a tweet", "“...,” voiced in his famous demand"), a new sentence after a question or
exclamation ("“Why?” They said, ‘...’"), a verb of the sentence and its object
("“Careless,” features a Ledger report from ..."), a strict verb (suggest, confirm: only for a speaker who
resolves), the writer ("we") and a speaker phrase with punctuation or a quote in it. Its claims are
rated by their own form ("tail"), tier 1 (confidence.jsonl's "other") until a curator reads them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tracker.nlp.framing import Reader
from tracker.nlp.syntax import MODALS
from tracker.nlp.triggers import Draft

MAX_SPEAKER_TOKENS = 8  # "a voice - over in the ad": longer runs are seldom a speaker
QUOTE_ENDS = (",", "?", "!")  # the quote's own last mark: “We did it,” / “Why not?”
CLOSING = ("”", '"', "’", "''")
PREPOSITIONS = frozenset({"in", "on", "at", "of", "for", "from", "with", "about", "to"})
AFTER = frozenset({"in", "on", "at", "as", "to", "during", "after", "before", "while", "when", "from", "via"})
FORM = "tail"
# not in a speaker phrase: a modal (syntax.MODALS, kept out as everywhere: "“...,” he will say"), a word
# that opens a clause ("“...,” while discussing a tweet")
OPENERS = frozenset(
    {"while", "when", "after", "before", "as", "if", "because", "since", "until", "and", "but", "or"}
)
# a lower-case word then one of these opens no speaker ("screenwriter Jo Roe", "a voice-over" do): it is a
# verb of the sentence and its object ("“Careless,” features a Ledger report from ...")
DETERMINERS = frozenset(
    "a an the this that these those his her its their our your my some both all two three few many".split()
)


def from_quote_tail(reader: Reader, verb: Token, segment: Span) -> list[Draft]:
    """The draft of “...,” SPEAKER VERB when the parse gave the verb no claim (see the module)."""
    if verb.lower_.endswith("ing") or not _closes(reader, verb, segment):
        return []
    trigger = next(
        (
            t
            for t in reader.triggers.verbs[verb.lower_]
            if t.unconditional and not t.strict and t.content == "complement"
        ),
        None,
    )
    if trigger is None:
        return []
    reach = range(verb.i - 1, max(verb.i - MAX_SPEAKER_TOKENS - 2, segment.start - 2, -1), -1)
    closing = next((i for i in reach if reader.doc[i].text in CLOSING), None)
    if closing is None or closing + 1 >= verb.i:
        return []
    words = reader.doc[closing + 1 : verb.i]
    if any(not (t.is_alpha or t.text in ("-", "’s", "'s")) or t.i in reader.quoted for t in words):
        return []
    if words[0].lower_ in OPENERS or _verb_and_object(words):
        return []
    if any(_verbal(t) for t in words):
        return []
    mark = reader.doc[closing].idx
    quote = next((q for q in reader.quotes if q.end == mark), None)
    if quote is None or not quote.text.rstrip().endswith(QUOTE_ENDS):
        return []
    if quote.text.rstrip()[-1] in "?!" and words[0].text[0].isupper() and not words[0].ent_type_:
        return []  # “... speculation?” They said, ‘...’: a new sentence, the verb's own quote follows
    head = next((t for t in words if t.lower_ in PREPOSITIONS and t.i > words.start), None)
    head = reader.doc[head.i - 1] if head is not None else words[-1]
    if reader.speakers.is_writer(head):
        return []
    speaker = reader.speakers.resolve(head)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    speaker = replace(speaker, text=reader.text[start:end], start=start, end=end)
    return [Draft(trigger, speaker, [(quote.start, quote.end)], segment, verb, FORM)]


def _verbal(word: Token) -> bool:
    """A modal or a lower-case word ending like a participle ("voiced", "discussing"): a clause, not a
    speaker; names are capitalised ("Ted")."""
    return word.lower_ in MODALS or (word.text.islower() and word.lower_.endswith(("ed", "ing")))


def _verb_and_object(words: Span) -> bool:
    """The phrase opens with a lower-case word other than a determiner, then a determiner: a verb and
    its object ("features a Ledger"), not a speaker ("the two", "screenwriter Jo Roe")."""
    first, second = words[0], words[1] if len(words) > 1 else None
    return (
        first.text.islower()
        and first.lower_ not in DETERMINERS
        and second is not None
        and second.lower_ in DETERMINERS
    )


def _closes(reader: Reader, verb: Token, segment: Span) -> bool:
    """The verb ends its sentence, or only a comma or a preposition follows it."""
    if verb.i + 1 >= segment.end:
        return True
    after = reader.doc[verb.i + 1]
    return after.text in (".", ",", ";") or after.lower_ in AFTER
