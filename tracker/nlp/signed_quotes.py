"""Quotations signed with a dash: “X.” — Jane Roe, on the stand Wednesday.

Decides: newsletters, pull quotes, live blogs and epigraphs print a quotation and sign it after a dash
with the speaker's name (and, after a comma, a description or an occasion), with no reporting verb for
the rules of claims.py to find. Those words are the named person's: a claim with the name as printed for
its speaker (verb "say", attribution "direct", form "quote"), rated as a name the article prints
(resolution "mention", as a transcript's name label is). Written from the fifth trial set's v048, v050
and v127 (“I funded it ...” — Elon Musk, on the stand Wednesday; “...” — Greg Brockman, OpenAI
president, under cross-examination; 1:02 p.m. — “...” – Musk, after a sidebar).

What counts: a quotation on one line of at least MIN_WORDS words that ends like a sentence (. ! ? …
inside its closing mark), then only a dash (an em or en dash, or two hyphens) and a name: one to four
capitalised words that a PERSON mention of the article covers (the recogniser's or a curated person's),
then the end of the line or a comma and the rest of the line. A name with more words after it than a
comma ("— Roe's phrase —", "— Roe told ...") is no signature; a quoted title ("“Oppenheimer” — Nolan")
is too short and ends like no sentence. A paragraph that is one signed quotation (readers' letters, a
page of voices: “... what he calls “a mess” ...” ― Jane Roe.) is read from its first mark to its last, so it
may quote others inside; the dash may be the quotation dash (―) and the spaces no-break ones. These claims
pass the precision gates. Unlike transcript turns, a signed quotation takes the place of the rules' claims
inside its words (`merge`): the signature says whose words they all are, where the rules read a pronoun or
a noun of the words as a speaker ("He keeps saying he is proud of his record" inside a signed letter had
become the words of "He"; PolNeAR dev holds such a page); one a rule claim runs across is not added.

Caveats: a signature naming an organisation ("— OpenAI statement") or a person the recogniser missed is
not read; a description standing alone after the dash ("— a juror") is not a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention, Mention
from tracker.nlp.verbatim import gated, named_quote

MIN_WORDS = 4  # "Never again." says little on its own
_SIGNED = Trigger(id="signed-quote", lemma="say", pos="verb", attribution="direct")
_NAME_WORD = r"[A-Z][\w’'.-]*"
_DASH = r"(?:—|–|―|--)"  # an em or en dash, the quotation dash (U+2015) or two hyphens
# Spaces may be no-break spaces, as web pages print them around a dash. The name, then perhaps a full stop
# that ends the line ("― Carla Sanchez."): a word of three small letters and a dot is no initial nor
# "Jr.", so the dot is left out of the name.
_SIGNATURE = (
    rf"[ \t\xa0]*{_DASH}[ \t\xa0]*(?P<name>{_NAME_WORD}(?:[ \t\xa0]+{_NAME_WORD}){{0,3}})(?<![a-z]{{3}}\.)\.?"
    r"[ \t\xa0]*(?:,[^\n]*)?$"
)
_SIGNED_LINE = re.compile(rf"[“\"](?P<words>[^\n“”\"]*[.!?…])[”\"]{_SIGNATURE}", re.MULTILINE)
# A paragraph that is one signed quotation may quote others inside it (“... what he calls “hell” ...”)
# and may open with a misprinted closing mark (”Fear. I am ...”): the line's first and last marks bound it.
_SIGNED_PARAGRAPH = re.compile(rf"^[ \t\xa0]*[“”\"](?P<words>[^\n]*[.!?…])[”\"]{_SIGNATURE}", re.MULTILINE)


def signed_claims(
    text: str, mentions: Sequence[Mention] = (), dates: Sequence[DateMention] = ()
) -> list[Claim]:
    """One claim per quotation signed with a person's name after a dash (module docstring)."""
    if not re.search(_DASH, text):
        return []
    people = [m for m in mentions if m.label == "PERSON"]
    quotes = find_quotes(text)
    claims, lines = [], set()
    for match in [*_SIGNED_PARAGRAPH.finditer(text), *_SIGNED_LINE.finditer(text)]:
        if match.end() in lines:
            continue  # the paragraph's reading holds this line
        lines.add(match.end())
        person = next(
            (m for m in people if m.start < match.end("name") and m.end > match.start("name")), None
        )
        claim = named_quote(
            text, _SIGNED, match, person, min_words=MIN_WORDS, cue="—", quotes=quotes, dates=dates
        )
        claims += [claim] if claim else []
    return gated(text, claims)


def merge(rule_claims: Sequence[Claim], signed: Sequence[Claim]) -> list[Claim]:
    """The signed quotations and the rules' claims outside them. A signature is surer than the rules'
    reading of the words it signs: a claim the rules found inside them ("He keeps saying he is proud ...",
    "the mayor's speech confirms where she stands") is the signer's own wording read again, and
    gives way. A quotation a rule claim runs across (the signature misread) is not added."""
    kept = list(rule_claims)
    for quote in signed:
        outside = [c for c in kept if not (quote.start <= c.start and c.end <= quote.end)]
        if not any(c.start < quote.end and quote.start < c.end for c in outside):
            kept = [*outside, quote]
    return sorted(kept, key=lambda c: (c.start, c.sentence_start, c.speaker_start or 0))
