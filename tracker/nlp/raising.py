"""Subjects the parser leaves with the word a verb of saying hangs on: "Voters were more likely to say
...", "Roe was quick to add that ...", "The panel is right to note that ...": the infinitive complements
an adjective (patterns/raising.jsonl), whose copula has the subject. Not a forecast ("Roe is likely to
stress ...": only "more" or "less likely", a poll's comparison), nor a negated one ("was not willing to
say"), nor an adjective that says nothing was said ("determined to respond", "enough to claim")."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

RAISING_FILE = PATTERNS_DIR / "raising.jsonl"


@cache
def adjectives() -> tuple[frozenset[str], frozenset[str]]:
    """(the adjectives, those read only after "more" or "less": a poll's comparison, not a forecast)."""
    rows = list(read_jsonl(RAISING_FILE))
    words = frozenset(w for row in rows for w in row["words"])
    return words, frozenset(w for row in rows for w in row.get("compared", ()))


def adjective_subject(verb: Token) -> Token | None:
    """The subject of the copula of the adjective an infinitive of saying complements; a noun, a name
    or a personal pronoun, not "it" ("it is right to say") nor a clause."""
    adjective, (words, compared) = verb.head, adjectives()
    if not (
        verb.dep_ == "xcomp"
        and adjective.dep_ == "acomp"
        and adjective.lower_ in words
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        and not any(c.dep_ == "neg" for c in (*adjective.children, *adjective.head.children))
    ):
        return None
    if adjective.lower_ in compared and not any(c.lower_ in ("more", "less") for c in adjective.subtree):
        return None
    subject = next((c for c in adjective.head.children if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.lower_ in ("it", "this", "that") else subject
