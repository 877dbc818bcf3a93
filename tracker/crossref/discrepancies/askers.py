"""Who asks for a figure (`asker`): at a trial's closings each side asks for its own sum ("Ferrowind asked
the judge to award it $480 million", "He urged the court to award no more than $2.4 million"), and an
outlet that reports one side's ask and another that reports the other's do not disagree: they report two
positions. A figure's asker is the subject of a verb of asking before it in its sentence (a name, past
an auxiliary; a pronoun stands for the name opening the sentence before, else for no one known), or
the name right after it ("the $1.2 billion Kestrel sought"); two figures whose askers share no word are
not compared (`comparable`), nor a figure asked for with one nobody asks for in its sentence: a party's
ask and a jury's award, a count or a cost are different things ("Veldmark had sought $310 million" and
"Damages for lost profits: $81 million"). A lawyer named with the party ("Acme lawyer Jo Roe asked",
"Acme's attorney, Jo Roe, urged": patterns/discrepancies.jsonl, group "asker-counsel") asks for that
party, whose name joins the asker's words; a lawyer named alone is the lawyer's own words, as before.
A verb of saying between the verb of asking and the figure ("In a motion asking the judge to hold Acme in
contempt, its lawyer said the server answered 46,000 requests": patterns/discrepancies.jsonl, group
"asker-said") opens what someone says, not what is asked: the figure is asked for by no one.
Regular expressions, not parsing: an asker further from the figure ("sought by Roe") is not read.
"""

from __future__ import annotations

import re
from functools import cache

from tracker.crossref.discrepancies.scope import phrases
from tracker.nlp.dates import MONTHS, WEEKDAYS

ASKING = r"asked|asks|asking|urged|urges|urging|sought|seeks|seeking|wants|wanted|demanded|demands|requested"
AUXILIARIES = frozenset("is are was were has have had also will would been now".split())
PRONOUNS = frozenset("he she they it we i".split())
OPENERS = PRONOUNS | frozenset(
    "a an the this that these those in on at after before but and as for if when".split()
)
_ASK = re.compile(rf"\b(?:{ASKING})\b", re.IGNORECASE)
_WORDS = re.compile(r"[\w'&.-]+")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“(])|\n")
# a name asking for the figure just before it: "the $1.2 billion Kestrel (had) sought"
_ASKED_AFTER = re.compile(
    rf"[ \t]+(?:that[ \t]+|which[ \t]+)?((?:[A-Z][\w'&.-]*[ \t]+){{1,4}})(?:(?:had|has|have)[ \t]+)?(?:{ASKING})\b"
)


TIME_WORDS = frozenset(WEEKDAYS) | MONTHS.keys()
# the asker of a figure asked for by no one named ("A jury ... He is seeking $150bn"): any party
SOMEONE = frozenset({""})


def asker(text: str, start: int, end: int | None = None) -> frozenset[str]:
    """The lower-cased words of who asks for the figure at `start` (to `end`) of `text`: none when it is
    not asked for, `SOMEONE` when no name or pronoun opens the verb's clause."""
    opens = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=0)
    asks = list(_ASK.finditer(text, opens, start))
    if not asks:
        after = _ASKED_AFTER.match(text, end) if end is not None else None
        return frozenset(after.group(1).lower().split()) if after else frozenset()
    if _said(text, asks[-1].end(), start):  # the ask's words end where a statement opens
        return frozenset()
    words = _WORDS.findall(text[opens : asks[-1].start()])
    while words and words[-1].lower() in AUXILIARIES:
        words.pop()
    if words and words[-1].lower() in PRONOUNS:  # the name opening the sentence before, if one does
        before = max(
            (m.end() for m in _SENTENCE_END.finditer(text, max(0, opens - 400), opens - 1)), default=0
        )
        return _opening_name(_WORDS.findall(text[before:opens])) if opens else SOMEONE
    name = _name(words)
    if name and words and words[-1].lower() in counsel():  # "Acme lawyer Jo Roe": Acme's ask too
        words.pop()
        while words and words[-1][:1].isupper() and words[-1].lower() not in TIME_WORDS | OPENERS:
            name.append(words.pop().lower().removesuffix("'s").removesuffix("’s"))  # not "On Tuesday,"
    return frozenset(name) or SOMEONE


def _name(words: list[str]) -> list[str]:
    """The capitalised words ending `words`, taken off it, lower-cased."""
    name = []
    while words and words[-1][:1].isupper():
        name.append(words.pop().lower())
    return name


@cache
def counsel() -> frozenset[str]:
    """The words of a party's lawyer (patterns/discrepancies.jsonl, group "asker-counsel")."""
    return frozenset(phrases("asker-counsel"))


@cache
def _saying() -> re.Pattern[str]:
    """Verbs of saying (patterns/discrepancies.jsonl, group "asker-said"), lower-case as mid-sentence."""
    words = phrases("asker-said")
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b" if words else r"(?!)")


def _said(text: str, start: int, end: int) -> bool:
    """Whether a verb of saying stands in `text` between `start` and `end`."""
    return _saying().search(text, start, end) is not None


def _opening_name(words: list[str]) -> frozenset[str]:
    """The capitalised words opening a sentence, unless the first is a function word ("A jury ...")."""
    if not words or words[0].lower() in OPENERS:
        return SOMEONE
    name = []
    for word in words:
        if not word[:1].isupper():
            break
        name.append(word.lower())
    return frozenset(name) or SOMEONE


def comparable(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether figures with these askers are one thing's: both asked for by askers sharing a word (or one
    of them not named), or neither asked for. Two parties' positions are two things (one party named two
    ways, "Ferrowind" and its lawyer, waits too), and so are an ask and a figure nobody asks for (an
    award, a cost)."""
    if not first or not second:
        return not first and not second
    return first == SOMEONE or second == SOMEONE or bool(first & second)
