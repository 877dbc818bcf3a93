"""Another speaker's report that a content runs on into: "The agency admitted it had erred when an
inspector reported high arsenic levels", "Roe said the claim was false — while her allies have
accused Doe of ...", "urged the board to act after the Ledger reported that ...". The parser hangs
the second report (a verb of saying with a subject and words of its own) on the reported clause or
phrase as a conjunct or an adverbial clause, so the first speaker's content would take it in and the
one claim would cover two attributions (the scorer then matches it to the second, under the wrong
speaker). The reported words stop before it, its comma, dash or joining word included; its own verb
reports it as a claim of its own speaker. Not cut: a report by a pronoun ("said X, though they blame
Y": most often the same speaker going on), one not set off ("only because Doe asked"), and verbs that
report only with some objects ("called", "gave"). A figure another subject puts on the same thing is
its report too ("Forbes says it is $4.5 billion and Wealth-X has it at $4.5 billion"). Evidence
("records show") cuts only in a clause opening with "though" or "although": the outlet's
counter-evidence ("said he never wanted the money, though records show he asked for a stake")."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.framing import Reader

JOINING = frozenset({"conj", "advcl"})  # how the parser hangs the second report on the clause
OWN_WORDS = frozenset({"ccomp", "dobj", "xcomp", "dative", "oprd"})  # what the second report says
# not another speaker: a relative pronoun, or a personal one that goes on with the same speaker
# ("said X, though they blame Y")
NOT_ANOTHER = frozenset(
    {"who", "which", "that", "whom", "whose", "he", "she", "they", "it", "we", "i", "you", "one"}
)
CONCEDING = frozenset({"though", "although"})
# "has it at $4.5 billion", "puts the cost at", "pegs it at": another source's figure (_estimate)
ESTIMATING = frozenset(
    {"has", "have", "had", "put", "puts", "peg", "pegs", "pegged", "place", "places", "placed"}
)
AMOUNTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY"})
FIGURES = frozenset(
    {"it", "them", "figure", "number", "total", "cost", "value", "toll", "tally", "count", "price"}
)
SETTING_OFF = frozenset({",", "—", "–", "--", ";", "and", "but", "while", "when", "as", "after", "whereas"})


def another_report(reader: Reader, complement: Token) -> Token | None:
    """The verb of the first report of another subject that the clause `complement` runs on into,
    after the clause's own verb; None when there is none."""
    for nested in complement.subtree:
        if nested.i > complement.i and _reports(reader, nested):
            return nested
    return None


def cut(reader: Reader, complement: Token) -> set[int]:
    """Tokens of `complement` from another report it runs on into to its end: that report's words,
    and the comma, dash or conjunction that joins them on."""
    nested = another_report(reader, complement)
    if nested is None:
        return set()
    first = nested.left_edge.i
    while first > complement.i + 1 and reader.doc[first - 1].lower_ in SETTING_OFF:
        first -= 1
    return set(range(first, complement.right_edge.i + 1))


def _reports(reader: Reader, verb: Token) -> bool:
    """A verb of saying for any subject and object ("reported", "accused"; not "called", "gave",
    "found", which report only with some of them) joined on as a clause, active, with a subject of
    its own that is no pronoun and words of its own (a clause, an object), set off from what comes
    before it."""
    own = {c.dep_ for c in verb.children}
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return (
        verb.dep_ in JOINING
        and subject is not None
        and (
            any(
                (t.unconditional and not t.evidence) or (t.evidence and _conceding(verb, subject, t.subjects))
                for t in reader.triggers.verbs.get(verb.lower_, ())
            )
            or _estimate(verb)
        )
        and subject.lower_ not in NOT_ANOTHER
        and bool(own & OWN_WORDS)
        and _set_off(reader, verb)
    )


def _estimate(verb: Token) -> bool:
    """Another source's figure for the same thing: "it" (or "the figure", "the cost") put at an amount
    ("Forbes says it is $4.5 billion and Wealth-X has it at $4.5 billion", "puts the cost at $6
    billion"); not "had dinner at 7"."""
    if verb.lower_ not in ESTIMATING:  # the forms: the pipeline's parser sets no lemmas
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in FIGURES]
    at = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"]
    return bool(objects) and any(
        o.ent_type_ in AMOUNTS or o.like_num for p in at for o in p.children if o.dep_ == "pobj"
    )


def _conceding(verb: Token, subject: Token, subjects: frozenset[str]) -> bool:
    """Evidence the outlet sets against the words in a clause opening with "though" or "although"
    ("said he never wanted the money, though records show he asked for a stake"): no more of them."""
    return subject.lower_ in subjects and any(
        c.dep_ == "mark" and c.lower_ in CONCEDING for c in verb.children
    )


def _set_off(reader: Reader, verb: Token) -> bool:
    """A comma, a dash, a coordinating or subordinating word just before the clause, or as its
    first word ("..., and Doe said", "when Doe reported")."""
    first = verb.left_edge
    return first.lower_ in SETTING_OFF or (first.i > 0 and reader.doc[first.i - 1].lower_ in SETTING_OFF)
