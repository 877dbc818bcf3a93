"""A free relative the parser took for a report: "Everything Smith says is a lie", "Nothing Roe said
“will help,” Doe said", "All Roe said was that ...": what follows is not what the speaker said.

"All" also quantifies the speakers themselves: "All the Democrats insisted that ...", "All three
candidates have said ...", "Virtually all analysts say ...". The parser hangs it on the subject in
both readings; it is a free relative only when the reporting verb is followed at once by the
predicate whose subject the relative is ("All Roe said was ...", "All the aides said is ...").

A report in a relative clause with no relative word ("the amount Roe said she paid", "the kind of tone
Roe said he would set") is background to the sentence, as the clause opened by "that" or "which" is
(confidence.jsonl's "embedded" rule, read by the word before the speaker): its content leaves out what
the noun stands for. It is rated by that rule's form (`contact_form`).
"""

from __future__ import annotations

from spacy.tokens import Token

FREE_RELATIVES = frozenset({"everything", "anything", "nothing", "something", "whatever", "all"})
WHOLE_RELATIVES = FREE_RELATIVES - {"something"}  # "something aides argue is possible" is a report
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "why", "what"})
EMBEDDED = "embedded"
QUANTIFIERS = frozenset({"all"})  # a free relative or a quantifier of the speakers
PREDICATES = frozenset(
    {"is", "was", "are", "were", "will", "would", "has", "had", "may", "might", "could", "can", "must"}
    | {"should", "does", "did", "’s", "'s", "seems", "seemed", "remains", "remained", "sounds", "sounded"}
)


def free_relative(subject: Token, verb: Token) -> bool:
    """Whether the reporting `verb` with this `subject` sits in a free relative, not a report."""
    if verb.dep_ == "relcl" and verb.head.lower_ in WHOLE_RELATIVES:
        return True
    words = {c.lower_ for c in subject.children if c.i < subject.i} & FREE_RELATIVES
    if not words:
        return False
    if words - QUANTIFIERS:
        return True
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.lower_ in PREDICATES


def contact_form(subject: Token, verb: Token, form: str) -> str:
    """The form "embedded" for a reporting `verb` heading a relative clause on a noun with no relative word and
    no punctuation between the noun and the `subject`, else `form` (a quotation closed before its
    attribution is no relative clause of the quotation's last noun, however the parser hung it)."""
    noun = verb.head
    if verb.dep_ != "relcl" or not noun.i < subject.i < verb.i or subject.lower_ in RELATIVE_WORDS:
        return form
    between = verb.doc[noun.i + 1 : subject.left_edge.i]
    return form if any(t.lower_ in RELATIVE_WORDS or t.is_punct for t in between) else EMBEDDED
