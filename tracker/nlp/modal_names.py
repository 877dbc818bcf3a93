"""A name the parser read as a modal: "Will urged the electorate to ...", "While Will acknowledges
X, ...". With no tagger, the parser takes a capitalised "Will" before a verb for the auxiliary "will",
and the verb is left with no subject. A modal is followed by the bare verb ("will urge"), never by a
past or third-person form ("urged", "wrote", "acknowledges"): before such a form, "Will" is a name,
the verb's subject. Only when the parser gave the verb no subject of its own; "Roe will urge ..." and
"Will Roe urge ...?" keep their readings."""

from __future__ import annotations

from spacy.tokens import Token

NAMES = frozenset({"Will"})  # a modal that is also a first name, as written (capitalised)
IRREGULAR_PAST = frozenset({"wrote", "said", "told", "spoke", "swore", "gave", "made", "took"})


def modal_name(verb: Token) -> Token | None:
    """The capitalised "Will" right before a verb in a form no modal takes, or None."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.text not in NAMES or before.dep_ != "aux" or before.head != verb:
        return None
    return before if _inflected(verb.lower_) else None


def _inflected(word: str) -> bool:
    """A past or third-person form ("urged", "acknowledges", "wrote"), not a bare one ("urge")."""
    return word in IRREGULAR_PAST or word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))
