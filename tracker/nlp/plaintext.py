"""Plain text for the pipeline, with a map back to the text as stored.

Intent: texts reach the extraction from feeds, pages and pasted JSON, and some still carry markup that
spaCy would read as words: HTML entities (`&#8220;`, `&amp;`, `&nbsp;`), leftover tags (`<p>`,
`<br/>`, `</a>`), backslash-escaped JSON strings (`<\\/p>\\n`, `\\"`, `\\u201c`) and Markdown
(`**bold**`, `_em_`, `[text](url)`, `# heading`, `> quote`, list bullets), two apostrophes for a double
mark (quotes.doubled_apostrophes), a mark glued to the words outside it (glued_quotes.py), a line-opening
note, "(Translated from German)" (editorial_notes.py), odd spaces (odd_spaces.py): `to_plain` mends them.

Stages, each only when its markup is there: JSON escapes (two or more, so a lone backslash in prose
stays), HTML (comments, script and style blocks, tags, entities; block tags become line breaks, runs of
blank lines one), odd spaces, Markdown line markers and links, emphasis (paired `*`/`_` runs on one line,
never inside a word: `2*3*4`, `snake_case` stay). A text with none comes back with identity offsets.

Offsets: `start(i)` is where plain character i begins in the original, `end(i)` where plain
character i-1 ends, so a span [s, e) of the plain text is [start(s), end(e)) of the original and a
replaced piece (an entity, a tag turned line break) maps to the whole markup it came from.

Caveats: every scan is linear (bounded repetitions, `str.find` for closers, no lazy `.*?`); anything
that looks like a tag is removed (`<Smith>` too); code spans and fences are left as they are;
Markdown emphasis does not span lines; entities are decoded once (`&amp;amp;` gives `&amp;`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html.entities import html5

from tracker.nlp.editorial_notes import notes
from tracker.nlp.glued_quotes import spaced
from tracker.nlp.odd_spaces import spaces
from tracker.nlp.quotes import doubled_apostrophes
from tracker.nlp.types import Claim, Extraction

Edit = tuple[int, int, str]  # replace original[a:b] by the string

_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})(?:\\u([0-9a-fA-F]{4}))?|([nrtbf\"/\\]))")
_JSON_SIMPLE = {"n": "\n", "r": "", "t": "\t", "b": "", "f": "", '"': '"', "/": "/", "\\": "\\"}
_HTML = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]{0,30})(?:\s[^<>]{0,2000})?/?>"
    r"|<![A-Za-z\[][^<>]{0,2000}>"
    r"|&(?P<entity>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_BLOCK = frozenset(
    "p div section article header footer aside main nav blockquote pre h1 h2 h3 h4 h5 h6 ul ol dl table"
    " thead tbody tr figure figcaption form hr".split()
)
_LINE_TAGS = frozenset("br li dt dd".split())
_CELL_TAGS = frozenset("td th".split())
_SKIPPED = ("script", "style", "noscript", "template")
_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_LINE_MARKER = re.compile(
    r"^[ \t]{0,3}(?:([-*_])(?:[ \t]{0,3}\1){2,}[ \t]*$|#{1,6}[ \t]+|(?:>[ \t]?){1,8}|[-*+•][ \t]+)",
    re.MULTILINE,
)
_LINK = re.compile(r"!?\[([^\[\]\n]{1,1000})\]\([^()\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)")
_DELIMITER = re.compile(r"\*{1,3}|_{1,3}")
_LOOKBACK = 32  # open delimiters a closer may look back over: keeps emphasis pairing linear


@dataclass(frozen=True)
class _Map:
    """One stage's edits, indexed by where their replacement starts in the stage's output."""

    out_starts: tuple[int, ...]
    edits: tuple[tuple[int, int, int], ...]  # (a, b, length of the replacement)

    def start(self, pos: int) -> int:
        k = bisect_right(self.out_starts, pos) - 1
        if k < 0:
            return pos
        a, b, length = self.edits[k]
        return a if pos < self.out_starts[k] + length else b + pos - self.out_starts[k] - length

    def end(self, pos: int) -> int:
        k = bisect_right(self.out_starts, pos - 1) - 1 if pos > 0 else -1
        if k < 0:
            return pos
        a, b, length = self.edits[k]
        return b if pos - 1 < self.out_starts[k] + length else b + pos - self.out_starts[k] - length


@dataclass(frozen=True)
class PlainText:
    """The plain text and the maps of the stages that made it (none: the text was already plain)."""

    text: str
    maps: tuple[_Map, ...] = ()

    @property
    def identity(self) -> bool:
        return not self.maps

    def start(self, pos: int) -> int:
        for stage in reversed(self.maps):
            pos = stage.start(pos)
        return pos

    def end(self, pos: int) -> int:
        for stage in reversed(self.maps):
            pos = stage.end(pos)
        return pos

    def span(self, start: int, end: int) -> tuple[int, int]:
        first = self.start(start)
        return first, max(first, self.end(end))


def to_plain(text: str) -> PlainText:
    """`text` without markup, with the map back to it (see the module docstring)."""
    maps: list[_Map] = []
    for stage in (_json_edits, _html_edits, _blank_edits, spaces, _markdown_edits, _emphasis_edits, _doubled):
        edits = list(stage(text, bool(maps)))
        if edits:
            text, mapped = _apply(text, edits)
            maps.append(mapped)
    return PlainText(text, tuple(maps))


def restore(found: Extraction, plain: PlainText) -> Extraction:
    """`found` (offsets into `plain.text`) with every offset moved into the original text (a claim's
    pieces too). Texts (mention, claim, sentence, quote, date, anchors) stay as the plain-text words."""
    if plain.identity:
        return found

    def moved(item, start_field: str = "start", end_field: str = "end"):
        s, e = getattr(item, start_field), getattr(item, end_field)
        if s is None or e is None:
            return item
        s, e = plain.span(s, e)
        return replace(item, **{start_field: s, end_field: e})

    def claim(c: Claim) -> Claim:
        c = moved(moved(moved(c), "sentence_start", "sentence_end"), "speaker_start", "speaker_end")
        quotes = tuple(moved(q) for q in c.quotes)
        pieces = tuple(plain.span(a, b) for a, b in c.pieces)
        return replace(c, quotes=quotes, pieces=pieces, date=moved(c.date) if c.date is not None else None)

    return replace(
        found,  # other fields (none today) are carried over as they are
        mentions=tuple(moved(m) for m in found.mentions),
        claims=tuple(claim(c) for c in found.claims),
        dates=tuple(moved(d) for d in found.dates),
    )


def _apply(text: str, edits: list[Edit]) -> tuple[str, _Map]:
    pieces, out_starts, kept, position, out = [], [], [], 0, 0
    for a, b, new in sorted(edits):
        if a < position:
            continue  # overlaps the previous edit: the first one wins
        pieces.append(text[position:a])
        out += a - position
        out_starts.append(out)
        kept.append((a, b, len(new)))
        pieces.append(new)
        out += len(new)
        position = b
    pieces.append(text[position:])
    return "".join(pieces), _Map(tuple(out_starts), tuple(kept))


def _json_edits(text: str, _changed: bool) -> Iterator[Edit]:
    if "\\" not in text:
        return
    matches = _JSON_ESCAPE.finditer(text)
    first, second = next(matches, None), next(matches, None)
    if second is None:
        return  # one backslash sequence is prose ("C:\new"), not an escaped string
    for m in (first, second, *matches):
        if m.group(3):
            yield m.start(), m.end(), _JSON_SIMPLE[m.group(3)]
            continue
        high, low = int(m.group(1), 16), int(m.group(2), 16) if m.group(2) else None
        if low is not None and 0xD800 <= high < 0xDC00 and 0xDC00 <= low < 0xE000:
            yield m.start(), m.end(), chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        elif 0xD800 <= high < 0xE000:
            continue  # a lone surrogate is no character
        else:
            yield m.start(), m.start() + 6, chr(high)
            if low is not None and not 0xD800 <= low < 0xE000:
                yield m.start() + 6, m.end(), chr(low)


def _html_edits(text: str, _changed: bool) -> Iterator[Edit]:
    if "<" not in text and "&" not in text:
        return
    lowered = text.lower()
    skipped = _skipped_regions(lowered)
    yield from skipped
    spans = iter(skipped)
    region = next(spans, None)
    for m in _HTML.finditer(text):
        while region is not None and region[1] <= m.start():
            region = next(spans, None)
        if region is not None and region[0] <= m.start() < region[1]:
            continue
        if m.group("entity"):
            decoded = _entity(m.group("entity"))
            if decoded is not None:
                yield m.start(), m.end(), decoded
            continue
        name = (m.group("name") or "").lower()
        if name in _BLOCK:
            yield m.start(), m.end(), "\n\n"
        elif name in _LINE_TAGS:
            yield m.start(), m.end(), "" if m.group("close") and name != "br" else "\n"
        elif name in _CELL_TAGS:
            yield m.start(), m.end(), " "
        else:
            yield m.start(), m.end(), ""


def _skipped_regions(lowered: str) -> list[Edit]:
    """Comments and script/style blocks, removed whole; an unclosed one is left as text (and no later
    one can close either, so the search stops: linear)."""
    regions: list[Edit] = []
    for opener, closer in (("<!--", "-->"), *((f"<{n}", f"</{n}>") for n in _SKIPPED)):
        at = lowered.find(opener)
        while at >= 0:
            close = lowered.find(closer, at + len(opener))
            if close < 0:
                break
            regions.append((at, close + len(closer), ""))
            at = lowered.find(opener, close + len(closer))
    regions.sort()
    merged: list[Edit] = []
    for region in regions:
        if merged and region[0] < merged[-1][1]:
            continue
        merged.append(region)
    return merged


def _entity(body: str) -> str | None:
    if body[0] == "#":
        number = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        if number > 0x10FFFF or 0xD800 <= number < 0xE000:
            return None
        char = chr(number)
    else:
        char = html5.get(body + ";")
        if char is None:
            return None
    return " " if char == "\xa0" else "" if char < " " and char not in "\n\t" else char


def _doubled(text: str, _changed: bool) -> Iterator[Edit]:  # marks glued to the words outside, notes
    return iter([*doubled_apostrophes(text), *spaced(text), *notes(text)])  # editorial_notes.py


def _blank_edits(text: str, changed: bool) -> Iterator[Edit]:
    """After markup was removed: runs of blank lines become one blank line, none at the start."""
    if not changed:
        return
    leading = len(text) - len(text.lstrip())
    if leading:
        yield 0, leading, ""
    for m in _BLANK_RUN.finditer(text, leading):
        yield m.start(), m.end(), "\n\n"


def _markdown_edits(text: str, _changed: bool) -> Iterator[Edit]:
    for m in _LINE_MARKER.finditer(text):
        if m.end() > m.start():
            yield m.start(), m.end(), ""
    if "](" in text:
        for m in _LINK.finditer(text):
            yield m.start(), m.start(1), ""
            yield m.end(1), m.end(), ""


def _emphasis_edits(text: str, _changed: bool) -> Iterator[Edit]:
    """Paired emphasis runs of one line: an opener before a word, a closer after one, same run."""
    if "*" not in text and "_" not in text:
        return
    previous, opened = 0, []
    for m in _DELIMITER.finditer(text):
        if text.find("\n", previous, m.start()) >= 0:
            opened = []  # a new line: nothing open carries over
        previous = m.end()
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        run = m.group()
        can_close = not before.isspace() and not after.isalnum()
        can_open = not after.isspace() and not before.isalnum()
        if can_close:
            lowest = max(0, len(opened) - _LOOKBACK)
            match = next((k for k in range(len(opened) - 1, lowest - 1, -1) if opened[k][2] == run), None)
            if match is not None:
                a, b, _ = opened[match]
                del opened[match:]
                yield a, b, ""
                yield m.start(), m.end(), ""
                continue
        if can_open:
            opened.append((m.start(), m.end(), run))
