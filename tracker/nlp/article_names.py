"""Which full name a one-word speaker stands for in its article, when the rules left it as written.

Claim linking compares speakers by their words (or their curated entity): a statement one outlet credits
to "Helena Voss" and another, which named her once and then wrote "Voss said", is one claim only when
both speakers read "Helena Voss". The rules resolve a surname back to the full name from an earlier
PERSON mention (referents.py), but not when the model labels the surname or the name otherwise (a rare
surname read as an organisation) or the name comes only as another claim's speaker: the report then
stays apart, and the disagreement between the outlets' wordings is never shown.

What is decided here, on the article's own text only, as the last step of the extraction (so the JSON
lines carry it and cross-referencing stores `speaker_name` as it is): a speaker named by one capitalised
word (not a pronoun) stands for the one longer name of the article that ends with that word, a mention
of any label or another claim's speaker ("Voss" -> "Helena Voss"; "Kestrel CEO Helena Voss" is the same
name). Two such names (namesakes, Jo Roe and Sam Roe) leave it as written, as does a word no longer
name ends with, and so does a name whose first name is most often given to the other gender than
the speaker's title ("Mrs. Ellery" is not the Gerald Ellery named before). A curated entity's speaker is
already resolved and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp.genders import first_names
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Claim, Mention

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "one", "who", "this", "that"})
NAME_WORDS = 4  # a longer span is a description with a name in it, not a name
POSSESSIVE = re.compile(r"['’]s?$")


def full_names(mentions: Sequence[Mention], claims: Sequence[Claim]) -> dict[str, str]:
    """The article's one-word names that stand for exactly one longer name: word -> that name."""
    texts = [m.text for m in mentions]
    texts += [c.speaker_name or c.speaker for c in claims if not c.speaker_entity_id]
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
    name = names.get(word)
    return speaker_name if name is None or _other_gender(speaker, name) else name


def _other_gender(speaker: str, name: str) -> bool:
    """The speaker as written carries a title of one gender ("Mrs. Ellery") and the name begins with a
    first name most often given to the other (genders.first_names: "Gerald Ellery"): a relative, not her."""
    title = speaker.split()[0].rstrip(".") if len(speaker.split()) > 1 else ""
    gender = speaker_words().honorifics.get(title)
    known = first_names().get(name.split()[0])
    return gender is not None and known is not None and known != gender


def name_speakers(claims: Sequence[Claim], mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, each one-word speaker not resolved to a curated entity given the full name of its
    article it stands for (`speaker_name`), as the module docstring says."""
    names = full_names(mentions, claims)
    named = []
    for claim in claims:
        name = (
            claim.speaker_name
            if claim.speaker_entity_id
            else resolved(claim.speaker, claim.speaker_name, names)
        )
        named.append(claim if name == claim.speaker_name else replace(claim, speaker_name=name))
    return named
