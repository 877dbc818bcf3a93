"""What an outlet prints around every piece, set apart from what the piece reports (issue 16).

Real coverage carries leftover markup, entity escapes, bylines, datelines and boilerplate ("Related",
newsletter prompts, an "ABSTRACT." heading, a live blog's "Live coverage by ... Newest posts at top."):
`clean_text` removes them before clustering takes an article's words. The same lines hold names (a
byline's reporter, the outlet, a photographer): `framed` says where those lines are, so that the names in
them are not taken for the event's participants. An outlet's reporter named in its every byline is a name
rare among the articles compared and shared by that outlet's pieces alone, so it linked two of its pieces
of different events as strongly as the witness of the day links one event's reports (`relative`), and
made every other outlet's report of the same event look less alike (`features.pair_score`'s participants
are a weighted Jaccard). A headline's label ("Live:", "Opinion:", "Analysis:") names the kind of piece, not
what it reports: `headline` drops it from the words compared, as two live blogs of one outlet on two days
shared it (and their frame lines) more than any event word. Plain Python, no database.
"""

from __future__ import annotations

import html
import re

from tracker.crossref.datelines import DATELINE

_TAG = re.compile(r"<[^>]{0,400}>")
# A byline: "By" and a capitalised name, then perhaps the outlet or the writer's role after a bar, a comma
# or a dash ("By Ines Kaldera | CaseLog", "By Priya Vantreese, contributing columnist"), ending with no
# full stop (a sentence opening "By Tuesday, the court had ruled." is not one).
_BYLINE = r"by\s+[A-Z][\w.'\-]*(\s+[A-Z][\w.'\-]*){0,3}(\s*[|,\u2013\u2014-]\s*[\w '&\-]{0,60})?$"
_BOILERPLATE = re.compile(
    rf"^\s*({_BYLINE}|byline\s*:|related\s*:|read more\b|see also\b|sign up\b|subscribe\b"
    r"|advertisement\s*$|abstract\.?\s*$|full text\.?\s*$|letters?\.?\s*$|correction appended\.?\s*$"
    r"|(photo|image|video|credit)\s*:|click here\b|follow (us|him|her)\b|share this\b"
    r"|follow \w+( \w+)? on \w+( \w+)? for more\b|(live|rolling) (coverage|updates|blog) by\b"
    r"|newest (posts|updates|entries) (at|on) top\b"
    r"|this (article|story) was (provided|originally published)\b|copyright\b|all rights reserved\b"
    r"|\(reporting by\b|editing by\b|_{3,}\.?\s*$)",
    re.IGNORECASE,
)
# A headline's label of the kind of piece, before a colon: what kind, not what happened.
LABELS = frozenset(
    """analysis breaking column commentary editorial exclusive explainer live opinion update updates
    watch""".split()
)
_FRAME_TITLE = re.compile(r"^\s*byline\s*:", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(\w+(?: \w+)?)\s*:\s*")


def clean_text(text: str) -> str:
    """The text without markup, entity escapes, boilerplate lines or a wire dateline at its start."""
    text = _plain(text)
    kept = [line.strip() for line in text.splitlines() if line.strip() and not _BOILERPLATE.match(line)]
    if kept:
        kept[0] = DATELINE.sub("", kept[0])
    return "\n".join(kept)


def _plain(text: str) -> str:
    """The text without markup, its entity escapes read (twice: feeds escape them again)."""
    return html.unescape(html.unescape(_TAG.sub(" ", text or "")))


def body(text: str, title: str) -> str:
    """`clean_text`, and its first line without the headline's label when it repeats the headline."""
    cleaned, found = clean_text(text), label(title)
    return cleaned[len(found) :] if found and cleaned.startswith(title) else cleaned


def framed(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets into `text` of its boilerplate lines (`clean_text` drops them)."""
    spans = []
    for line in re.finditer(r"[^\n]+", text or ""):
        plain = _plain(line.group())
        if plain.strip() and _BOILERPLATE.match(plain):
            spans.append(line.span())
    return spans


def in_frame(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def headline(title: str) -> str:
    """The headline without a leading label of the kind of piece ("Live: ...", "Opinion: ..."); none when
    the title is a frame line itself (an export's "BYLINE: Jane Roe" standing for the headline)."""
    if _FRAME_TITLE.match(title or ""):
        return ""
    return (title or "")[len(label(title)) :]


def label(title: str) -> str:
    """The headline's leading label of the kind of piece with its colon ("Opinion: "), or ""."""
    found = _LABEL.match(title or "")
    return found.group() if found and LABELS.issuperset(found.group(1).lower().split()) else ""
