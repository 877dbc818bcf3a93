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
is too short and ends like no sentence. Like transcript turns and posts, these claims pass the precision
gates and join the rules' claims only where no claim of the rules holds their words (transcripts.merge).

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
_SIGNED_LINE = re.compile(
    r"[“\"](?P<words>[^\n“”\"]*[.!?…])[”\"][ \t]*(?:—|–|--)[ \t]*"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[ \t]*(?:,[^\n]*)?$",
    re.MULTILINE,
)


def signed_claims(
    text: str, mentions: Sequence[Mention] = (), dates: Sequence[DateMention] = ()
) -> list[Claim]:
    """One claim per quotation signed with a person's name after a dash (module docstring)."""
    if "—" not in text and "–" not in text and "--" not in text:
        return []
    people = [m for m in mentions if m.label == "PERSON"]
    quotes = find_quotes(text)
    claims = []
    for match in _SIGNED_LINE.finditer(text):
        person = next(
            (m for m in people if m.start < match.end("name") and m.end > match.start("name")), None
        )
        claim = named_quote(
            text, _SIGNED, match, person, min_words=MIN_WORDS, cue="—", quotes=quotes, dates=dates
        )
        claims += [claim] if claim else []
    return gated(text, claims)
