"""A "that" clause after a bare time word that the parser read as a demonstrative: "said in a radio
interview Tuesday that turnout was low" (the parser hangs "Tuesday" on "was" and makes "that" the
determiner of "turnout", so the content came out as "Tuesday that turnout was low"; after "conceded"
it makes the clause an adverbial and there was no content at all). In English a time word does not
come before the "that" of its own clause, so the time word is when the verb's speaker spoke, and
"that" opens the reported clause. Caveat: a demonstrative after a time word ("said Tuesday that plan
was dead" meaning "that plan") loses its "that"; the complement reading is the common one in news."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.dates import ENTITY_LABELS

BARE = frozenset({"npadvmod", "compound"})  # "Tuesday", "last week": no preposition
CLAUSES = frozenset({"ccomp", "advcl"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def complement(verb: Token) -> tuple[int, int] | None:
    """(first, last) token index of the clause after the "that" when a bare time word (a DATE or TIME
    entity: a weekday, "yesterday", "last week") stands just before a "that" the parser made the
    determiner of the subject of a clause of `verb` after it; None when there is no such clause."""
    for clause in verb.rights:
        if clause.dep_ in CLAUSES and (that := _opening(verb, clause)) is not None:
            return that.i + 1, clause.right_edge.i
    return None


def before(verb: Token, clause: Token) -> set[int]:
    """The tokens of `clause` up to that "that" (the time word, when the parser hung it on the clause,
    and the "that"): when the verb spoke, and the word that opens its content."""
    that = _opening(verb, clause)
    return set() if that is None else set(range(clause.left_edge.i, that.i + 1))


def _opening(verb: Token, clause: Token) -> Token | None:
    that = _demonstrative(clause)
    if that is None or that.i <= verb.i + 1 or not _time_word(verb.doc[that.i - 1]):
        return None
    return that


def _demonstrative(clause: Token) -> Token | None:
    """The "that" determining the subject of `clause`, when it opens the subject."""
    for subject in clause.lefts:
        if subject.dep_ in SUBJECTS:
            that = subject.left_edge
            return that if that.lower_ == "that" and that.dep_ == "det" and that.head == subject else None
    return None


def _time_word(token: Token) -> bool:
    """A bare time word: the last word of a DATE or TIME entity, hung without a preposition."""
    return (
        token.ent_type_ in ENTITY_LABELS
        and token.ent_iob_ != "O"
        and token.dep_ in BARE
        and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    )
