"""Quotations printed after a person's name and a colon inside a paragraph: '11:32 a.m.: Roe objects.
Doe: “Overruled. The witness can answer.”' (the fifth trial set's v008, v011).

Decides: live blogs print a quotation under its speaker's bare name, or the name and a short phrase of
occasion ("Musk, on why he left the board: “...”"), as a sentence of its own, with no reporting verb
for the rules of claims.py to find, and not at the start of a line with a second turn, as transcripts.py
needs. Those words are the named person's: a claim with the name as printed for its speaker (verb
"say", attribution "direct", form "quote"), rated as a name the article prints (resolution "mention").

What counts: at the start of a line, after a sentence's end (. ! ? … and a closing mark) or after a
dash ("12:10 p.m. — Roe, on ...: “...”"), one to four
capitalised words that a PERSON mention covers whole, then either a colon or a comma and a phrase of
occasion that opens with a preposition of OCCASION ("on", "to", "about", "after" ...) and holds no
quotation mark or colon, then the colon and a quotation of at least MIN_WORDS words that ends a
statement (. ! … inside the closing mark; a question is no claim to sign). Like signed quotes, these
claims pass the precision gates (a text not in English yields none, as for every reader) and join the rules' claims only where no claim of the rules holds their
words (transcripts.merge).

Caveats: a label naming an organisation or a description ("The judge: “...”") is not read; a phrase of
occasion that opens otherwise ("Savitt, moments later: “...”") is not one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention, Mention
from tracker.nlp.verbatim import gated, named_quote

MIN_WORDS = 4  # "Sustained." says little on its own
OCCASION = "on|to|about|after|before|during|in|at|asked|when|outside"
_LABELLED = Trigger(id="labelled-quote", lemma="say", pos="verb", attribution="direct")
_NAME_WORD = r"[A-Z][\w’'.-]*"
_LABELLED_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?…][ \t])|(?<=[.!?…][”\"][ \t])|(?<=[—–][ \t]))"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})(?:,[ \t]+(?:{OCCASION})\b[^\n:“”\"]{{0,80}})?"
    r":[ \t]*[“\"](?P<words>[^\n“”\"]*[.!…])[”\"]",
    re.MULTILINE,
)


def labelled_claims(
    text: str, mentions: Sequence[Mention] = (), dates: Sequence[DateMention] = ()
) -> list[Claim]:
    """One claim per quotation printed after a person's name and a colon (module docstring)."""
    people = [m for m in mentions if m.label == "PERSON"]
    if not people:
        return []
    quotes = find_quotes(text)
    claims = []
    for match in _LABELLED_QUOTE.finditer(text):
        person = next(
            (m for m in people if m.start <= match.start("name") and m.end >= match.end("name")), None
        )
        claim = named_quote(
            text,
            _LABELLED,
            match,
            person,
            min_words=MIN_WORDS,
            cue=":",
            quotes=quotes,
            dates=dates,
            line_start=match.start(),
        )
        claims += [claim] if claim else []
    return gated(text, claims)
