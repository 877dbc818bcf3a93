"""A group speaker followed by the named people it includes: "Several candidates, including Jane Roe,
said ...", "others, including Sen. Jane Roe (D-Ore.) and Rep. Paul Doe, are urging ...", "a few early
backers of the plan, such as Jane Roe and Paul Doe, now say ...".

Decides: the rules give the group as the speaker ("Several candidates", "others"), which names no one
a reader can follow, and says nothing at all when it is a bare word ("others", "some"). The sentence
says the people it names are among those who said it: the speaker becomes the first of them, as the
article prints the name (the mention's words, its curated entity when there is one). The claim keeps
its tier: the words are the group's, in the outlet's summary (a group is no name, so such claims are
rated below the publishing tier and wait for a curator).

What counts: a speaker phrase with no PERSON mention in it, right after it an optional comma or dash
and "including" or "such as", and the first PERSON mention after that word, when it is the word's own
object, itself or through the title it is in apposition to ("including former secretary Jane Roe and
Paul Doe"). A second name, after a first the recogniser did not read as a person's ("including Jo
Marsh and Jane Roe", Marsh read as an organisation), is not the first member; nor is a name inside a
clause about the members ("including voters who backed Jane Roe").

Measured on PolNeAR train (session 30): its annotators give such a source as the group and its
examples together, every time (47 of 47 gold sources with "including", "such as" or "like" after a
group), so the group and each named member share words with the gold source; the speaker "others"
shares none (the scorer reads it as a pronoun). 4 train claims change, all right after: 3 stay right
("Several candidates, including Trump," -> Trump; "Democrats -- including Clinton --" -> Clinton;
"Intelligence officials -- including NSA Director Adm. Michael Rogers and ..." -> Michael Rogers), 1
turns right ("others, including Sen. Jeff Merkley (D-Ore.) and ..." -> Jeff Merkley); speaker accuracy
0.9722 -> 0.9724, all else the same. Caveat: the other members are not named on the claim, and a
sentence whose verb is the group's together ("Several candidates, including Roe, met on Friday and
agreed ...") is still credited to the first member alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from tracker.nlp.doc_texts import text_of
from tracker.nlp.types import Claim, Mention

_INCLUDING = re.compile(
    r"[ \t]*(?:,|--|—|–|[ \t]-)?[ \t]*(?:(?P<including>including)|such[ \t]+(?P<as>as))[ \t]", re.IGNORECASE
)


def name_members(claims: Sequence[Claim], doc: Doc, mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, each group speaker followed by the people it includes credited to the first of
    them (module docstring)."""
    text = text_of(doc)
    people = [m for m in mentions if m.label == "PERSON"]
    named = []
    for claim in claims:
        member = _first_member(claim, doc, text, people)
        if member is None:
            named.append(claim)
            continue
        named.append(
            replace(
                claim,
                speaker=member.text,
                speaker_start=member.start,
                speaker_end=member.end,
                speaker_entity=member.entity,
                speaker_entity_id=member.entity_id,
                speaker_name=member.entity or member.text,
                resolution="mention",
            )
        )
    return named


def _first_member(claim: Claim, doc: Doc, text: str, people: Sequence[Mention]) -> Mention | None:
    start, end = claim.speaker_start, claim.speaker_end
    if start is None or end is None or any(start <= m.start < end for m in people):
        return None
    match = _INCLUDING.match(text, end)
    if match is None:
        return None
    connector = match.start("including") if match.group("including") else match.start("as")
    person = next((m for m in people if m.start >= match.end()), None)  # only the first can be
    if person is None:
        return None
    token = _climbed(doc.char_span(person.start, person.end, alignment_mode="expand").root)
    return person if token.dep_ == "pobj" and token.head.idx == connector else None


def _climbed(token: Token) -> Token:
    """The head a name stands for in its phrase: through the titles it is in apposition to or
    compounded with ("former secretary Jane Roe"). Not to a conjunct: a second name after one the
    recogniser missed ("including Jo Marsh and Jane Roe", Marsh read as an organisation) is not the
    first member."""
    while token.dep_ in ("appos", "compound") and token.head is not token:
        token = token.head
    return token
