"""Reports inside a relative clause: "a toll, which the governor had called “a disaster”", "the
rookies, whom she described as “fearless”", "a hearing, which he said was long overdue", "a courier
who officials say is tied to a ring". The relative pronoun stands for the reported words' subject or
object, so the report's content is the whole relative clause, pronoun first; and the clause is set
apart from the content of a report it ends ("said the vote had failed, which she argued would hurt
renters": two reports, not one).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp.framing import Reader
from tracker.nlp.triggers import Draft

RELATIVES = frozenset({"which", "who", "whom", "that"})
MAX_BETWEEN = 4  # tokens between the speaker and the verb: "which the governor had once called"
FORM = "relative"
ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
PREDICATES = frozenset({"oprd", "xcomp", "acomp", "attr", "ccomp"})  # "which Roe called “a ruse”"
PREDICATE_PREPOSITIONS = frozenset({"as", "of"})  # "whom he described as ...", "whom she accused of ..."


def clause(reader: Reader, verb: Token, subject: Token | None, segment: Span) -> tuple[int, int] | None:
    """(start, end) characters of the relative clause a reporting verb reports, from its relative
    pronoun; None when the verb is not reported in one. The pronoun must come just before the
    speaker, belong to the verb or to a clause below it (not "the fact that he said X": a "that"
    marking the verb's own clause), and the speaker's phrase be the verb's subject."""
    if subject is None or verb.dep_ == "ROOT" or not segment.start < subject.left_edge.i < verb.i:
        return None
    pronoun = reader.doc[subject.left_edge.i - 1]
    if pronoun.lower_ not in RELATIVES or pronoun.dep_ == "mark" or pronoun.i <= segment.start:
        return None
    if pronoun.dep_ not in ROLES or reader.doc[pronoun.i - 1].dep_ == "prep":
        return None  # "in which she says the fund will ...": words of its own
    if not (_object(pronoun, verb) or _subject(pronoun, verb)):
        return None
    between = reader.doc[subject.right_edge.i + 1 : verb.i]
    if len(between) > MAX_BETWEEN or any(t.is_punct for t in between):
        return None
    if reader.doc[pronoun.i - 1].lower_ in reader.triggers.verbs:
        return None  # "said that he ...": a complementizer the parser misread
    last = min(verb.right_edge.i, segment.end - 1)
    return reader.range(range(pronoun.i, last + 1), segment)


def _object(pronoun: Token, verb: Token) -> bool:
    """The pronoun is what the verb calls, describes or accuses, and the verb says what of it:
    "which Roe called “a ruse”", not "a plan that the board announced last year" (nothing reported)."""
    if pronoun.head != verb or pronoun.dep_ != "dobj":
        return False
    said = [
        c
        for c in verb.rights
        if c.dep_ in PREDICATES or (c.dep_ == "prep" and c.lower_ in PREDICATE_PREPOSITIONS)
    ]
    return bool(said) and not any(
        c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) for c in said
    )


def _subject(pronoun: Token, verb: Token) -> bool:
    """The pronoun is the subject of the clause the verb reports: "which he said was overdue"."""
    clause = pronoun.head
    return pronoun.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and clause.head == verb


def set_apart(drafts: list[Draft]) -> list[Draft]:
    """Each draft's content without a relative clause another draft reports at its end ("said the
    vote had failed, which she argued would hurt renters": "the vote had failed")."""
    clauses = [d.pieces[0] for d in drafts if d.form == FORM and d.pieces]
    if not clauses:
        return drafts
    for draft in drafts:
        if draft.form == FORM:
            continue
        pieces = []
        for start, end in draft.pieces:
            cut = next((c for c in clauses if start < c[0] and _ends(draft, c[1], end)), None)
            pieces.append((start, _trimmed(draft, start, cut[0])) if cut else (start, end))
        draft.pieces = pieces
    return drafts


def _ends(draft: Draft, clause_end: int, end: int) -> bool:
    """The relative clause ends the piece: no word of it after the clause ("Roe's plan, which Lee
    called “a ruse,” passed" keeps its words: the clause is inside the report, not after it)."""
    return clause_end <= end + 1 and not any(ch.isalnum() for ch in draft.segment.doc.text[clause_end:end])


def _trimmed(draft: Draft, start: int, end: int) -> int:
    """`end` moved back over spaces, commas and dashes before the relative clause."""
    text = draft.segment.doc.text
    while end > start and text[end - 1] in " ,—–-\u00a0":
        end -= 1
    return end
