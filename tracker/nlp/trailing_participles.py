"""A participle of saying that the parser hung on the wrong clause, whose subject would speak it.
"X said that Y was Z, adding ...": one hung on the reported clause is the reporter's (not one that
after_quotes.py keeps: "“...,” Y added, saying"); when that reporter is a participle on an object
("X slammed a lawsuit alleging that Y, calling it ..."), the object's verb's (X's: `handler`). And one set off after a finished clause but hung on
a later clause: "The senator spoke for an hour, going on to say the state has spent decades on the
problem, young voters do not want to hear it again". The parser makes "going" a clause of "want",
whose subject ("young voters", words of the report's own sentence) would then speak it; it goes on
with the clause before its comma, whose verb the later clause hangs from ("spoke": the senator). Not
a participle opening a clause of its own after a conjunction ("Roe said X, and, citing Y, Doe argued
Z": Doe cites). And one the parser hung on a later root clause beside the reporting clause before it
("“...,” Whitlock said, going on to say that X, young voters do not want Y": "said" is a "parataxis"
of "want"): it goes on with that clause (beside). And one set off after a relative clause that has said its own words: "The mayor
refused to pay a contractor who said he was owed money, saying, “The work was poor.”" The parser hangs
"saying" on "said", whose "who" would make the contractor speak it twice; it goes on with the clause
the contractor belongs to (the mayor). A relative clause with a subject of its own ("which Roe called
“a disgrace,” blaming ...") is relative_reports.py's."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.after_quotes import keeps_participle

OWN = frozenset({"mark", "nsubj", "nsubjpass"})  # a participle with these is a clause of its own
LATER = frozenset({"advcl", "conj", "parataxis"})  # how the later clause hangs from the earlier one
RELATIVE_WORDS = frozenset({"who", "that", "which"})
NOMINAL = frozenset({"dobj", "pobj", "prep", "appos", "attr", "dative", "conj"})  # from a noun to its verb
MAX_DEPTH = 4
BESIDE = frozenset({"parataxis", "ccomp"})  # a reporting clause hung beside the later root clause


def _set_off(participle: Token) -> bool:
    """`participle` is an "-ing" "advcl" with no subject or subordinating word of its own, right after a
    comma: the shape every rule here starts from."""
    return (
        participle.dep_ == "advcl"
        and participle.lower_.endswith("ing")
        and not any(c.dep_ in OWN for c in participle.children)
        and participle.i >= 1
        and participle.doc[participle.i - 1].text == ","
    )


def trailing(participle: Token) -> bool:
    """`participle` (`_set_off`) comes right after a comma that closes a clause of the verb its head
    hangs from, and its head comes after it."""
    doc, head = participle.doc, participle.head
    earlier = head.head
    if not (
        _set_off(participle)
        and head.i > participle.i
        and head.dep_ in LATER
        and earlier != head
        and earlier.i < participle.i - 1
    ):
        return False
    closing = doc[participle.i - 2]  # the last word of the clause before the comma: the earlier verb's
    return (
        closing.dep_ not in ("cc", "mark")
        and (closing == earlier or earlier.is_ancestor(closing))
        and not head.is_ancestor(closing)
    )


def earlier_verb(participle: Token) -> Token | None:
    """The verb whose subject speaks `participle` instead of its head's: the verb the head hangs from,
    for a participle hung on a reported clause (not one after_quotes.py keeps) or a trailing one."""
    head = participle.head
    if head.head == head:
        return beside(participle)
    reported = participle.dep_ == "advcl" and head.dep_ == "ccomp" and not keeps_participle(participle)
    if reported:
        return handler(head.head) or head.head
    return head.head if trailing(participle) else after_relative(participle)


def handler(reporter: Token) -> Token | None:
    """The verb whose object a participle of saying describes ("slammed a lawsuit alleging that X,
    calling it ..."): a participle set off after that participle's words goes on with the one who
    slammed it, not with the lawsuit; None when `reporter` is no participle on an object."""
    noun = reporter.head
    if reporter.dep_ != "acl" or noun.dep_ != "dobj" or noun.head == noun:
        return None
    return noun.head


def after_relative(participle: Token) -> Token | None:
    """The verb of the clause whose noun a relative clause describes, when `participle` (set off by a
    comma, with no subject of its own) hangs on that relative clause's verb after the words it reports
    (its own "ccomp", ended before the participle) and the relative clause's subject is its relative
    word; None for any other shape."""
    clause = participle.head
    if not (
        _set_off(participle)
        and clause.dep_ == "relcl"
        and clause.i < participle.i
        and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_WORDS for c in clause.children)
        and any(c.dep_ == "ccomp" and c.right_edge.i < participle.i - 1 for c in clause.children)
    ):
        return None
    head = clause.head  # the noun described: "a contractor"
    for _ in range(MAX_DEPTH):
        if head.dep_ not in NOMINAL or head.head == head:
            break
        head = head.head
    return head if head != clause.head and head.dep_ not in NOMINAL else None


def beside(participle: Token) -> Token | None:
    """The reporting clause the parser hung beside a later root clause, before `participle` and its
    comma: "“...,” Roe said, going on to say that X, young voters do not want Y" makes "want" the root
    with "said" its "parataxis" and "going" its "advcl"; "said" (with a subject of its own) goes on."""
    root, doc = participle.head, participle.doc
    if not (_set_off(participle) and root.i > participle.i and participle.i >= 2):
        return None
    clause = doc[participle.i - 2]
    while clause.head != root and clause.head != clause:
        clause = clause.head
    if clause.head != root or clause == root or clause.dep_ not in BESIDE or clause.i > participle.i:
        return None
    return clause if any(c.dep_ == "nsubj" for c in clause.children) else None
