"""A quotation after its verb of saying that closes with a comma because the sentence goes on with the
circumstance of the words: "footage of Dale saying during the debate, “That makes me smart,” when Reyes
pressed him". placing.attached_quotes takes a quote after the verb only when it ends the sentence's
words (".", "?", "!"), since a quote closed by a comma is often the next speaker's ("“...,” Doe said");
when the words after it open an adverbial clause ("when", "as", "after" ...), no one else is credited
with the quote, and it is the verb's. The parser hung such a quote on the sentence's main verb ("ends"),
so the verb of saying had no content and no claim was made. The words are data
(patterns/circumstances.jsonl)."""

from __future__ import annotations

from functools import cache

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.quotes import ends_with
from tracker.nlp.types import Quote

CIRCUMSTANCES_FILE = PATTERNS_DIR / "circumstances.jsonl"


@cache
def _openers() -> frozenset[str]:
    return frozenset(w for row in read_jsonl(CIRCUMSTANCES_FILE) for w in row["words"])


def runs_on(text: str, quote: Quote) -> bool:
    """Whether `quote` closes on a comma and the next word opens a clause of circumstance."""
    after = text[quote.end + 1 :].lstrip(" ,").split(maxsplit=1)
    return ends_with(text, quote, ",") and bool(after) and after[0].lower() in _openers()
