"""A verb of saying with an object of its own does not take the quote that closed the sentence before:
"“It was a mistake.” Roe admitted the error on Monday." reports "the error", and "“...” She noted a
rally planned for Saturday" the rally. The quote is someone's words the sentence before ended with
(most often the same speaker's, already attributed or standing alone); before this rule the verb took
it as its content and its own object was lost.

Not an object of its own: the one spoken to ("told reporters", "asked the mogul", "urged them": a
verb whose object is its addressee or that asks, a pronoun, a name), a pronoun that stands for the
quote ("admitted it", "clarified that"), and a verb under another ("had helped add momentum": not a
report).

Nor does a verb take a quote before it that is the object of a clause opened by "when", "after" and the
like, which the parser made the verb's head ("When a fan shouted, “Go,” Roe joked, “...”": the fan
shouted "Go", Roe's words are the quote after).

Nor does a verb whose object is followed by the preposition that holds its content ("accused it of
stealing jobs", "described the plan as a gift": `charges`) take a quote before it that does not open
its sentence: "Although he says he “loves China,” he also accuses it of stealing jobs" accuses China
of stealing, not "loves China" (`own_content` gathers what counts as content of its own). On
PolNeAR train one claim gained (matched), no other changed.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp.framing import Reader
from tracker.nlp.quotes import quotes_in

PRONOUNS = frozenset(
    "me you him her us them it this that these those so one everyone everybody anyone all both".split()
)
OPENING = frozenset({"when", "after", "as", "while", "before", "once"})  # "When a fan shouted “Go,” Roe ..."
OWN_CONTENT = frozenset({"ccomp", "xcomp", "oprd"})  # "called him a liar": its own content
CHARGING = frozenset({"of", "as"})  # "accused Roe of lying", "described it as a gift"
ADDRESSED = frozenset({"PERSON", "NORP", "ORG", "GPE"})  # a name: the one spoken to ("told CNN")


def reports_object(reader: Reader, verb: Token) -> bool:
    """The verb has an object of its own after it, not its addressee (see the module)."""
    triggers = reader.triggers.verbs.get(verb.lower_, ())
    if verb.dep_ == "xcomp" or any(t.addressee or t.kind_hint == "question" for t in triggers):
        return False
    thing = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    return thing is not None and thing.lower_ not in PRONOUNS and thing.ent_type_ not in ADDRESSED


def said_by_another(reader: Reader, verb: Token, start: int, end: int) -> bool:
    """The quote at characters `start`-`end` is the object of the verb the parser hung `verb` on, a
    clause opened by "when", "after" and the like with a subject of its own ("When a fan shouted,
    “Go,” Roe joked": the fan's shout)."""
    head = verb.head
    return (
        head != verb
        and head.idx < start
        and any(
            c.dep_ in ("advmod", "mark") and c.lower_ in OPENING and c.i == head.left_edge.i
            for c in head.children
        )
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        and any(c.dep_ == "dobj" and start <= c.idx < end and c.i in reader.quoted for c in head.children)
    )


def own_content(reader: Reader, verb: Token, segment: Span) -> bool:
    """The verb has its own clause, predicate, quote or charge after it ("Smith said he would ...", "Roe
    called the plan “a disgrace”", "accused it of ..."): it does not take a quote before it, which closed
    the sentence before or belongs to an opening phrase ("Citing “...,” ...") unless it opens the sentence."""
    return (
        any(c.dep_ in OWN_CONTENT and c.i > verb.i for c in verb.children)
        or charges(verb)
        or (
            any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
            and any(q.start > verb.idx for q in quotes_in(reader.quotes, verb.idx, segment.end_char))
        )
    )


def charges(verb: Token) -> bool:
    """The verb has an object after it and, after that, "of" or "as" with its own words (see the module)."""
    thing = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    return thing is not None and any(
        c.dep_ == "prep" and c.lower_ in CHARGING and c.i > thing.i and any(c.children) for c in verb.rights
    )
