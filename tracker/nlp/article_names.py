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

Two sources of a longer name are no name (session 22, on train: 380 claims take a name here, 4 wrong
mended, none of the others changed):
- a span on a headline that capitalises every word, beginning with a word the article writes in lower
  case and no first name ("Voters Say Mexico Will Pay": "Say Mexico" is the headline's capitals; one dev
  claim was published as said by "Say Mexico"). No train claim changes: where a headline alone gives the
  full name, it begins with a first name ("Exclusive–Maria Espinoza, ...") and still counts;
- a person's full name written only after the speaker, in an article that also names an organisation
  after that word ("Bloomberg L.P."): where the reader meets "Bloomberg says its reporting found", it is
  the company (train: 4 claims, 2 of them published, no longer credited to Michael R. Bloomberg). The
  model labels the word a person there, so the mention's label cannot tell; a guard on the label (a word
  the model calls a place takes no name) cost 8 right names on train, where rare surnames read as places.
Caveat: a company named after a person whose full name the article wrote before the speaker ("Trump
University" after Donald Trump) still gives the bare word the person's name: the 9 such train claims
named here are all the person.
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
WORD = re.compile(r"[^\W\d_][\w'’-]*")
LOWER_WORD = re.compile(r"\b[a-z]+\b")
SHORT_WORD = 3  # "to", "of", "and", "the" stay lower case in a title-case headline
TITLE_WORDS = 3  # fewer capitalised words make no headline


def full_names(mentions: Sequence[Mention], claims: Sequence[Claim], text: str = "") -> dict[str, str]:
    """The article's one-word names that stand for exactly one longer name: word -> that name.
    `text` (the article's, which the offsets index) tells a headline's capitals from a name's."""
    spans = [(m.text, m.start) for m in mentions]
    spans += [
        (c.speaker_name or c.speaker, None if c.speaker_name else c.speaker_start)
        for c in claims
        if not c.speaker_entity_id
    ]
    lowercase = set(LOWER_WORD.findall(text))
    longer: dict[str, set[str]] = {}
    for span, start in spans:
        words = [POSSESSIVE.sub("", w) for w in span.split()]
        if not 2 <= len(words) <= NAME_WORDS or not all(w[:1].isupper() for w in words):
            continue
        if start is not None and _title_case_fragment(words[0], text, start, lowercase):
            continue
        longer.setdefault(words[-1], set()).add(" ".join(words))
    found = {}
    for word, names in longer.items():
        shortest = {n for n in names if not any(n != m and n.endswith(" " + m) for m in names)}
        if len(shortest) == 1:
            found[word] = shortest.pop()
    return found


def _title_case_fragment(first: str, text: str, start: int, lowercase: set[str]) -> bool:
    """The span lies on a line that capitalises its words (a headline: "Voters Say Mexico Will Pay")
    and begins with a word the article writes in lower case elsewhere and no one is named ("say"):
    the capitals are the line's, not a name's."""
    line = text[text.rfind("\n", 0, start) + 1 :].split("\n", 1)[0]
    words = [w for w in WORD.findall(line) if len(w) > SHORT_WORD]
    title_case = len(words) >= TITLE_WORDS and all(w[:1].isupper() for w in words)
    return title_case and first.lower() in lowercase and first not in first_names()


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


def _company_before_person(claim: Claim, name: str, mentions: Sequence[Mention], text: str) -> bool:
    """The article names an organisation after the speaker's word ("Bloomberg L.P.") and writes the
    person's full name only after the speaker: where the reader meets the word, it may be either."""
    word = POSSESSIVE.sub("", name.split()[-1]) if name else ""
    company = any(m.label != "PERSON" and m.text.startswith(word + " ") for m in mentions)
    written = text.find(name)
    return company and claim.speaker_start is not None and written > claim.speaker_start


def name_speakers(claims: Sequence[Claim], mentions: Sequence[Mention], text: str = "") -> list[Claim]:
    """The claims, each one-word speaker not resolved to a curated entity given the full name of its
    article it stands for (`speaker_name`), as the module docstring says."""
    names = full_names(mentions, claims, text)
    named = []
    for claim in claims:
        name = (
            claim.speaker_name
            if claim.speaker_entity_id
            else resolved(claim.speaker, claim.speaker_name, names)
        )
        if name != claim.speaker_name and _company_before_person(claim, name or "", mentions, text):
            name = claim.speaker_name
        named.append(claim if name == claim.speaker_name else replace(claim, speaker_name=name))
    return named
