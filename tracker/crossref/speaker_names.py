"""Which full name a one-word speaker stands for in its article, when extraction left it as written.

Claim linking compares speakers by their words (or their curated entity): a statement one outlet credits
to "Helena Voss" and another, which named her once and then wrote "Voss said", is one claim only when
both speakers read "Helena Voss". Extraction resolves the surname back to the full name from an earlier
PERSON mention, but not when the model labels the surname or the name otherwise (a rare surname read as
an organisation) or the name comes only as another claim's speaker: the report then stays apart, and
the disagreement between the outlets' wordings is never shown.

What is decided here, on the article's own text only: a speaker named by one capitalised word (not a
pronoun) stands for the one longer name of the article that ends with that word, a mention of any label
or another claim's speaker ("Voss" -> "Helena Voss"; "Kestrel CEO Helena Voss" is the same name). Two
such names (namesakes, Jo Roe and Sam Roe) leave it as written, as does a word no longer name ends with.
A curated entity's speaker is already resolved and is left alone.
"""

from __future__ import annotations

import re

from tracker.nlp.types import Extraction

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "one", "who", "this", "that"})
NAME_WORDS = 4  # a longer span is a description with a name in it, not a name
POSSESSIVE = re.compile(r"['’]s?$")


def full_names(extracted: Extraction) -> dict[str, str]:
    """The article's one-word names that stand for exactly one longer name: word -> that name."""
    texts = [m.text for m in extracted.mentions]
    texts += [c.speaker_name or c.speaker for c in extracted.claims if not c.speaker_entity_id]
    longer: dict[str, set[str]] = {}
    for text in texts:
        words = [POSSESSIVE.sub("", w) for w in text.split()]
        if 2 <= len(words) <= NAME_WORDS and all(w[:1].isupper() for w in words):
            longer.setdefault(words[-1], set()).add(" ".join(words))
    found = {}
    for word, names in longer.items():
        shortest = {n for n in names if not any(n != m and n.endswith(" " + m) for m in names)}
        if len(shortest) == 1:
            found[word] = shortest.pop()
    return found


def resolved(speaker: str, speaker_name: str | None, names: dict[str, str]) -> str | None:
    """The speaker's name as the article resolves it: `speaker_name`, or the full name a one-word
    speaker stands for (`full_names`), else `speaker_name` unchanged (None: unresolved)."""
    written = (speaker_name or speaker).strip()
    word = POSSESSIVE.sub("", written)
    if " " in word or not word[:1].isupper() or word.lower() in PRONOUNS:
        return speaker_name
    return names.get(word, speaker_name)
