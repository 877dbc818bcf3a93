"""Verbatim quotations: the exact characters between quotation marks, with an anchor to find them again.

Intent: outlets quote the same speaker with different words ("general practice" / "standard practice"),
so quotes are kept exactly as printed, never normalised. Each `Quote` carries up to `ANCHOR` characters
of context on each side (the W3C TextQuoteSelector idea) so that it can be located again after the
article is edited.

Rules and caveats:
- Straight and curly, double and single marks (“…”, "…", ‘…’, '…', plus «…» and „…“). A mark counts as
  opening when it follows the start of the text, a space, a bracket, a dash or another opening mark, and
  as closing when it is followed by the end, a space or punctuation; a straight double mark that is
  neither toggles.
- A single mark between two letters or digits is an apostrophe ("Smith's", "don’t"), and one before a
  two-digit year is an elision ('90s); a closing single mark with nothing open is a plural possessive
  ("the companies' models") and is ignored; inside a single-quoted quote, though, a plural possessive
  followed by a space ends it ('the companies' call' is read as 'the companies').
- Only top-level quotes are returned: a quote inside a quote ("He called it ‘standard’") stays, marks
  included, in the text of the outer one.
- Two straight apostrophes stand for a double mark (''Yes,'' she said), as some outlets print them:
  `doubled_apostrophes` gives the edits that make them one, run by plaintext.py before anything reads
  the text. Of three in a row, the outer pair is the two that open a quote or the two that close one.
- A quote split by its attribution (“We did it,” Smith said, “partly.”) is two quotes.
- Single-quoted spans never cross a line break, double-quoted ones never cross a paragraph break,
  except the news convention of a quotation running over paragraphs: a paragraph left open and followed
  by one that opens with a mark yields a quote up to the end of the first paragraph. An unclosed mark
  otherwise yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tracker.nlp.types import Quote

ANCHOR = 32
MAX_SINGLE = 400  # characters: a longer single-quoted span is more likely a run of apostrophes

DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_EITHER = "“„«", "”»", '"'
SINGLE_OPEN, SINGLE_CLOSE, SINGLE_EITHER = "‘‚‹", "›", "'’"
OPENERS_BEFORE = "([{<—–-/" + DOUBLE_OPEN + SINGLE_OPEN + '"'
CLOSERS_AFTER = ".,;:!?)]}>—–-/…" + DOUBLE_CLOSE + SINGLE_CLOSE + "\"'’"
ELISION = re.compile(r"\d\d(?:s\b|\b)|(?:em|til|cause|n)\b", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
DOUBLED = re.compile(r"'''?")  # a run of two or three straight apostrophes
MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
MARK_OR_LINE = re.compile(f"[\n{re.escape(MARKS)}]")  # what find_quotes reads; a break opens on \n
# The marks as parsed tokens (a double mark may be typed as two apostrophes or two grave accents)
MARK_TOKENS = frozenset(MARKS) | {"''", "``"}
OPENING_TOKENS = frozenset(DOUBLE_OPEN + DOUBLE_EITHER + SINGLE_OPEN) | {"``"}


@dataclass
class _Open:
    double: bool
    position: int  # index of the opening mark
    under: tuple[int | None, int | None] = (None, None)  # stack index of the top (double, single) open
    # mark at or below this one, so that finding the innermost open mark of a kind costs O(1)


def _push(stack: list[_Open], double: bool, position: int) -> None:
    double_at, single_at = stack[-1].under if stack else (None, None)
    at = len(stack)
    stack.append(_Open(double, position, (at, single_at) if double else (double_at, at)))


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quotation of `text`, in text order; `start`/`end` are the words inside the marks.
    The readers of one document (claims, transcripts, posts, signed and labelled quotes, running quotes,
    the courtroom check) each ask for its quotes: they are found once (`_found`, the last few texts)."""
    return list(_found(text))


@lru_cache(maxsize=8)
def _found(text: str) -> tuple[Quote, ...]:
    found: list[tuple[int, int]] = []
    breaks = {m.start(): m.end() for m in PARAGRAPH_BREAK.finditer(text)}
    stack: list[_Open] = []
    low = 0  # no single mark below this index: a line break drops them, so it reads only the rest
    i = 0
    while mark := MARK_OR_LINE.search(text, i):  # other characters change nothing: skipped
        i = mark.start()
        if i in breaks:
            _close_paragraph(text, stack, found, i, breaks[i])
            i, low = breaks[i], 0
            continue
        char = text[i]
        if char == "\n":
            stack[low:] = [o for o in stack[low:] if o.double]
            for at in range(low, len(stack)):  # only doubles are left, and none below `low`
                stack[at].under = (at, None)
        elif char in DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER:
            _double(text, i, stack, found)
        elif char in SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER:
            _single(text, i, stack, found)
        low = len(stack) if char == "\n" else min(low, len(stack))
        i += 1
    return tuple(_quote(text, start, end) for start, end in sorted(found) if end > start)


def doubled_apostrophes(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, '"') for each pair of straight apostrophes printed for a double quotation mark;
    of three, the first two when they open a quote, else the last two (a single quote closes first)."""
    for m in DOUBLED.finditer(text):
        a, b = m.span()
        if b - a == 3:
            opening = a == 0 or text[a - 1].isspace() or text[a - 1] in OPENERS_BEFORE
            a, b = (a, b - 1) if opening else (a + 1, b)
        yield a, b, '"'


def quotes_in(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotes that overlap the character range [start, end)."""
    return [q for q in quotes if q.start < end and q.end > start]


def ends_with(text: str, quote: Quote, marks: str) -> bool:
    """The quoted words end with one of `marks`, inside the closing mark or just after it (or the text ends)."""
    inner = quote.text.rstrip().rstrip("’'\"”")  # a nested quote closes first: ‘... need?’”
    return inner[-1:] in marks or text[quote.end + 1 : quote.end + 2] in (*marks, "")


def _quote(text: str, start: int, end: int) -> Quote:
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        prefix=text[max(0, start - 1 - ANCHOR) : max(0, start - 1)],
        suffix=text[end + 1 : end + 1 + ANCHOR],
    )


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in OPENERS_BEFORE) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in CLOSERS_AFTER)


def _emit(stack: list[_Open], index: int, end: int, found: list[tuple[int, int]]) -> None:
    """Close the open mark at stack[index] at `end`; only an outermost quote is recorded."""
    opened = stack[index]
    del stack[index:]
    if not stack:
        found.append((opened.position + 1, end))


def _find(stack: list[_Open], double: bool) -> int | None:
    return stack[-1].under[0 if double else 1] if stack else None


def _double(text: str, i: int, stack: list[_Open], found: list[tuple[int, int]]) -> None:
    char, open_index = text[i], _find(stack, True)
    if char in DOUBLE_OPEN and not (char == "“" and open_index is not None and _can_close(text, i)):
        _push(stack, True, i)
        return
    if char in DOUBLE_CLOSE + "“" or (char == '"' and open_index is not None and not _opens_only(text, i)):
        # "“" here closes: a quote open, a word or punctuation before it, a space after (“No,“ he said)
        if open_index is not None:
            _emit(stack, open_index, i, found)
        return
    if char == '"':
        _push(stack, True, i)


def _opens_only(text: str, i: int) -> bool:
    """A straight double mark that can only open (a space before, a word after) while one is open."""
    return _can_open(text, i) and not _can_close(text, i) and i > 0 and text[i - 1].isspace()


def _single(text: str, i: int, stack: list[_Open], found: list[tuple[int, int]]) -> None:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return  # an apostrophe: Smith's, don’t, rock'n'roll
    open_index = _find(stack, False)
    if open_index is not None and stack[open_index].position < i - MAX_SINGLE:
        del stack[open_index:]
        open_index = None
    char = text[i]
    if char not in SINGLE_OPEN and open_index is not None and _can_close(text, i):
        _emit(stack, open_index, i, found)
    elif char not in SINGLE_CLOSE and _can_open(text, i) and not ELISION.match(text, i + 1):
        if char == "’" and not (before.isspace() or before in OPENERS_BEFORE):
            return
        _push(stack, False, i)


def _close_paragraph(
    text: str, stack: list[_Open], found: list[tuple[int, int]], at: int, next_start: int
) -> None:
    """At a paragraph break: a double quote left open continues only if the next paragraph opens one."""
    stack[:] = [o for o in stack if o.double]
    following = text[next_start : next_start + 1]
    if stack and following and following in DOUBLE_OPEN + '"':
        end = at
        while end > 0 and text[end - 1].isspace():  # not text[:at].rstrip(): a copy per paragraph
            end -= 1
        found.append((stack[0].position + 1, end))
    stack.clear()


TITLE_SMALL_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "with", "at", "by"})


def is_title(quote: Quote) -> bool:
    """Quoted words that name a show, a book or a slogan in title case ("Meet the Press," "This
    Week"), not someone's words: at most six words, each capitalised or a small word; not an
    exclamation or a question of three words or more (“What a Super Tuesday!”)."""
    words = quote.text.strip(" ,.;:").split()
    exclaimed = len(words) >= 3 and quote.text.rstrip(" ,’'\"”")[-1:] in "!?"
    return (
        0 < len(words) <= 6
        and not exclaimed
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words)
        and not any(w in ("I", "I'm", "I’m", "We") for w in words)
    )
