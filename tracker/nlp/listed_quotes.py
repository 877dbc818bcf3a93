"""Quotations listed under a heading that names their speaker: 'Roe on the stand, in her own words:' or
'Key points from Roe's testimony:', then one quotation a line ('- “...”', the sixth trial set's w066).

Decides: live coverage sums a witness up as a list under a heading line that names the witness only as
the possessor of their testimony or as the subject of a phrase of occasion, and prints each of the
witness's sentences as an item that is only a quotation, with no name and no reporting verb beside it
for the rules of claims.py, signed_quotes.py or labelled_quotes.py to find. Those words are the named
person's: a claim with the name as printed in the heading for its speaker (verb "say", attribution
"direct", form "quote"), rated as a name the article prints (resolution "mention"), as labelled_quotes.py
rates a quotation after a name and a colon.

What counts: a line that ends in a colon and holds no quotation mark, where exactly one mention of the
article lies and it is a PERSON's, either (a) opening the line and followed by a phrase of occasion
(an optional comma, then a word of labelled_quotes.OCCASION: "Roe on the stand, in her own words:",
"Roe, in her own words:") or (b) the possessor of a noun of testimony (TESTIMONY: "Roe's testimony",
"Roe's cross-examination"), alone or after a phrase that lists (LISTING: "Key points from", "Highlights
of"). Then the lines that follow it up to the first blank line (the list: the bullet markers "-", "*",
"•" are gone from the text plaintext.py gives, "–" and "—" may stay), each read alone: a line that is
only a quotation of at least MIN_WORDS words ending a statement (. ! … inside its closing mark; a
question is no claim to sign) is the person's; any other line gives nothing. Like signed quotes, the
claims pass the precision gates (a text not in English yields none) and join the rules' claims only
where no claim of the rules holds their words (transcripts.merge).

Caveats: a heading naming two people, an organisation, or no one the recogniser finds gives nothing;
so does one whose phrase before the possessor lists nothing ("Reactions to Roe's testimony:": the items
are others' words). A list whose items are set apart by blank lines ends at its first item. A bullet
with a reporting verb and no subject ("Told the jury that ...") or a pronoun subject ("He said ...") is
left to the rules and the pronoun resolver: this module does no coreference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp.labelled_quotes import OCCASION
from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention, Mention, Quote
from tracker.nlp.verbatim import gated, kind_before, verbatim_claim

MIN_WORDS = 4  # "No, never." says little on its own
TESTIMONY = r"testimony|cross-examination|direct examination|examination|remarks|words|answers|deposition"
LISTING = r"points|highlights|takeaways|quotes|excerpts|lines"
_LISTED = Trigger(id="listed-quote", lemma="say", pos="verb", attribution="direct")
_HEADING = re.compile(r"^(?P<head>[^\n:“”\"]{3,160}):[ \t]*\n", re.MULTILINE)
_OCCASION = re.compile(rf"^,?[ \t]+(?:{OCCASION})\b")
_POSSESSED = re.compile(rf"^(?:['’]s?)?[ \t]+(?:own[ \t]+)?(?:{TESTIMONY})\b", re.IGNORECASE)
_LISTS = re.compile(
    rf"^(?:[\w-]+[ \t]+){{0,3}}(?:{LISTING})[ \t]+(?:from|of|in)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
)
_ITEM = re.compile(r"^[ \t]*(?:[-*+•–—][ \t]+)?[“\"](?P<words>[^\n“”\"]*[.!…])[”\"][ \t]*$")


def listed_claims(
    text: str, mentions: Sequence[Mention] = (), dates: Sequence[DateMention] = ()
) -> list[Claim]:
    """One claim per quotation listed under a heading naming one person (module docstring)."""
    if not any(m.label == "PERSON" for m in mentions):
        return []
    quotes = find_quotes(text)
    claims = []
    for heading in _HEADING.finditer(text):
        person = _speaker(text, heading, mentions)
        if person is None:
            continue
        start = heading.end()
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            if not line.strip():
                break
            item = _ITEM.match(line)
            words = item.group("words").strip() if item else ""
            if len(words.split()) >= MIN_WORDS:
                first = start + item.start("words") + item.group("words").index(words[0])
                claims.append(_claim(text, person, (first, first + len(words)), (start, end), quotes, dates))
            start = end + 1
    return gated(text, claims)


def _speaker(text: str, heading: re.Match[str], mentions: Sequence[Mention]) -> Mention | None:
    """The one PERSON mention a heading names as possessor or as the subject of an occasion, or None."""
    inside = [m for m in mentions if m.start < heading.end("head") and m.end > heading.start("head")]
    if len(inside) != 1 or inside[0].label != "PERSON":
        return None
    person = inside[0]
    before, after = text[heading.start("head") : person.start], text[person.end : heading.end("head")]
    if not before.strip() and _OCCASION.match(after):
        return person
    if _POSSESSED.match(after) and (not before.strip() or _LISTS.match(before)):
        return person
    return None


def _claim(
    text: str,
    person: Mention,
    span: tuple[int, int],
    line: tuple[int, int],
    quotes: list[Quote],
    dates: Sequence[DateMention],
) -> Claim:
    """The claim of the item's words at `span`, on the item's `line`, under the heading's `person`."""
    name = re.sub(r"['’]s?$", "", person.text)
    return verbatim_claim(
        text,
        _LISTED,
        span=span,
        sentence=line,
        speaker=(name, person.start, person.start + len(name)),
        kind=kind_before(_LISTED, text, line[0]),
        resolution="mention",
        cue=":",
        quotes=quotes,
        dates=dates,
        date_span=(line[0], span[1]),
        speaker_name=person.entity or name,
        speaker_entity=(person.entity, person.entity_id),
    )
