"""Posts printed under the account that wrote them: an embedded post's handle line, then its words.

Decides: articles that quote a post on X or another network often print it as the platform shows it,
the account's handle on a line of its own (with the post's time and date after a middle dot, and the
account's display name before it in some layouts: "@jroe · 9:14 PM · Apr 30, 2026", "Jane Roe
(@jroe)"), and on the next line the post's words in quotation marks, with no reporting verb for the
rules of claims.py to find. Those words are a post by that account: a claim with the handle as printed
for its speaker (verb "post", attribution "direct", form "quote"), rated as a name the article prints
(resolution "mention", as a transcript's name label is). On PolNeAR train no claim changed (no such
layout there); written from the fourth trial set's f080.

What counts: the handle line holds nothing but the handle, a display name before it in parentheses'
manner, and metadata after a middle dot, bullet or vertical bar; the next line, with no blank line
between, is wholly one quotation of at least MIN_WORDS words. A handle in a sentence ("Roe wrote on
@jroe that ...") or a handle line followed by prose is no post here. Like transcript turns, posts pass
the precision gates and join the rules' claims only where no claim of the rules holds their words
(transcripts.merge).

Caveats: the handle is not resolved to a person (a curated alias "@jroe" would do it); a post printed
without quotation marks is missed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention
from tracker.nlp.verbatim import gated, kind_before, verbatim_claim

MIN_WORDS = 4  # "Thanks, everyone!" says little on its own
_POST = Trigger(id="embedded-post", lemma="post", pos="verb", attribution="direct")
_HANDLE_LINE = re.compile(
    r"^[ \t]*(?:[^\n@()·•|]{1,60}\([ \t]*)?(?P<handle>@\w{1,30})\)?(?:[ \t]*[·•|][^\n]*)?[ \t]*\n"
    r"[ \t]*(?P<post>[“\"](?P<words>[^\n“”\"]+)[”\"])[ \t]*$",
    re.MULTILINE,
)


def post_claims(text: str, dates: Sequence[DateMention] = ()) -> list[Claim]:
    """One claim per embedded post of `text` (module docstring), in text order."""
    if "@" not in text:
        return []
    quotes = find_quotes(text)
    claims = []
    for match in _HANDLE_LINE.finditer(text):
        words = match.group("words").strip()
        if len(words.split()) < MIN_WORDS:
            continue
        start = match.start("words") + match.group("words").index(words[0])
        end = start + len(words)
        line_start = match.start("handle")
        claims.append(
            verbatim_claim(
                text,
                _POST,
                span=(start, end),
                sentence=(line_start, match.end("post")),
                speaker=(match.group("handle"), match.start("handle"), match.end("handle")),
                kind=kind_before(_POST, text, line_start),
                resolution="mention",
                cue="",
                quotes=quotes,
                dates=dates,
                date_span=(line_start, end),
            )
        )
    return gated(text, claims)
