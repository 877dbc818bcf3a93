"""Amounts in a text: sums of money, counts of things, durations, each with the noun it quantifies.

Intent: outlets that report the same story with different figures ("a jury of nine" / "a jury of
twelve", "$134 billion" / "$150 billion") disagree about a fact, so each figure is found with a
comparable value (dollars, items, days) and a `noun` to group figures about the same thing: the
counted noun ("jurors", "2 million queries"), the money's anchor ("valued", "damages", read in the
sum's own sentence) or the duration's ("sentenced"); a share ("about 30 percent of the data") is a
percentage of the noun its "of" names, and a share of nothing named is not compared (no noun).

Caveats: regular expressions, not parsing. Vague figures ("a few hundred", "millions of") are skipped,
as are years, ordinals, dates and numbers inside names ("GPT-4", "4:24-cv-04722"). Currencies other
than the dollar keep their number but are not converted, so "€5 billion" and "$5 billion" differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
SCALES |= {"b": 1e9, "trillion": 1e12, "tn": 1e12}
DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30}
DAYS |= {"year": 365, "decade": 3650}
VAGUE = frozenset("few several many some hundreds thousands millions billions dozens".split())
NOT_NOUNS = frozenset(
    """a an the of in on at to for from by with and or but that which who than as is are was were be been
    more less about over under nearly almost roughly around approximately up ago old later earlier after
    before times percent per cent other others past next last first this these those each""".split()
)
PLURAL_NOUNS = frozenset("people staff personnel children men women police jury cattle".split())
MONEY_ANCHORS = {
    word: anchor
    for anchor, words in {
        "value": "valued worth valuation valuing priced",
        "raise": "raised raise raising",
        "payment": "paid pay paying payment",
        "damages": "seeks seeking sought seek damages",
        "fine": "fine fined fines penalty penalties",
        "investment": "invested invest investing investment",
        "cost": "spent spend spending cost costs",
        "deal": "deal sale sold bought acquired acquisition",
        "revenue": "revenue revenues sales",
        "loss": "loss losses",
        "settlement": "settlement settle settled",
        "award": "award awarded awards awarding",
        "bail": "bail bond",
    }.items()
    for word in words.split()
}  # the words that say what a sum is, folded to one anchor each

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_B = r"(?<![\w$€£.,/:-])"
# Each pattern opens on the class of its first character, so the engine skips to the next such character
# instead of trying the lookbehind and the alternation at every position (a third faster on news text).
_NUM_FIRST = r"(?=[\d" + "".join(sorted({w[0] for w in WORD_NUMBERS})) + "])"
MONEY = re.compile(
    rf"(?=[$€£\dU])(?:(?<![\w.,/:-])(?P<cur>US\$|\$|€|£)\s?(?P<num>{_NUM})(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?"
    rf"|{_B}(?P<num2>{_NUM})\s+(?P<scale2>thousand|million|billion|trillion)?\s*(?P<cur2>dollars|euros|pounds)\b)",
    re.IGNORECASE,
)
DURATION = re.compile(
    rf"{_B}{_NUM_FIRST}(?P<num>{_NUM}|{_WORDNUM})[\s-]+(?:more\s+|additional\s+)?(?P<unit>second|minute|hour|day|week|month|year|decade)s?\b"
    r"(?!\s+(?:ago|old|later|earlier|before|after)\b)",
    re.IGNORECASE,
)
COUNT = re.compile(
    rf"{_B}{_NUM_FIRST}(?P<num>{_NUM}|{_WORDNUM})(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?\s+(?P<noun>(?:[a-z][\w'-]*\s+){{0,2}}?[a-z][\w'-]*)",
    re.IGNORECASE,
)
PERCENT = re.compile(rf"{_B}{_NUM_FIRST}(?P<num>{_NUM}|{_WORDNUM})(?:\s?%|[\s-]+per\s?cent\b)", re.IGNORECASE)
# what a share is of: "of" and the words up to a stopword or mark ("of the data used ..." -> "data")
_OF_PHRASE = re.compile(r"\s+of\s+((?:[A-Za-z][\w'’-]*\s+){0,4}[A-Za-z][\w'’-]*)")
DETERMINERS = frozenset("the a an its their his her our your my this that these those all".split())
ORDINALS = frozenset("first second third last next latest same entire whole".split())
GENERIC_SHARES = frozenset({"time"})  # "41 percent of the time": of any number of things
OF_COUNT = re.compile(rf"\b(?P<noun>[a-z]+)\s+of\s+(?P<num>\d+|{_WORDNUM})\b(?![\d.,-]\d)", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\s*(?:(?:in|of|for|to|worth\s+of)\s+)?((?:[A-Za-z][\w'-]*\s+){0,2}[A-Za-z][\w'-]*)"
)


@dataclass(frozen=True)
class Amount:
    kind: str  # "money", "count" or "duration"
    value: float  # dollars (or the currency's units), items, days
    text: str
    start: int
    end: int
    noun: str  # lower case; "" when nothing names what is quantified


def find_amounts(text: str) -> list[Amount]:
    """Every definite amount of `text`, in text order; a span is read once (money, then durations,
    then percentages, then counts)."""
    found: list[Amount] = []
    taken = bytearray(len(text))  # 1 where an amount was read: an overlap check costs its length

    def add(kind: str, value: float | None, start: int, end: int, noun: str) -> None:
        if value is None or taken.find(1, start, end) >= 0 or _vague(text, start):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append(Amount(kind, value, text[start:end], start, end, noun.lower()))

    for m in MONEY.finditer(text):
        number, scale = (m["num"], m["scale"]) if m["num"] else (m["num2"], m["scale2"])
        value = _number(number)
        value = value * SCALES.get((scale or "").lower(), 1) if value is not None else None
        add("money", value, m.start(), m.end(), _money_noun(text, m.start(), m.end()))
    for m in DURATION.finditer(text):
        value = _number(m["num"])
        days = value * DAYS[m["unit"].lower()] if value is not None else None
        hyphenated = "-" in text[m.start() : m.end()]
        noun = _head(text[m.end() : m.end() + 40]) if hyphenated else _word_before(text, m.start())
        add("duration", days, m.start(), m.end(), noun)
    for m in PERCENT.finditer(text):
        add("percent", _number(m["num"]), m.start(), m.end(), _share_of(text, m.end()))
    for m in COUNT.finditer(text):
        value, noun = _number(m["num"]), _head(m["noun"])
        if value is not None and m["scale"]:  # "2 million queries": two million of them
            value *= SCALES[m["scale"].lower()]
        if (
            noun
            and noun.rstrip("s") not in DAYS
            and not _is_year(m["num"])
            and (noun.endswith("s") and not noun.endswith("ss") or noun in PLURAL_NOUNS)
        ):
            add("count", value, m.start(), m.start("noun") + m["noun"].lower().rfind(noun) + len(noun), noun)
    for m in OF_COUNT.finditer(text):
        if m["noun"].lower() not in NOT_NOUNS | WORD_NUMBERS.keys() and not _is_year(m["num"]):
            add("count", _number(m["num"]), m.start(), m.end(), m["noun"])
    return sorted(found, key=lambda a: a.start)


def _share_of(text: str, end: int) -> str:
    """What the percentage ending at `end` is a share of: the last word of the noun phrase its "of" opens,
    past a determiner, an ordinal or a possessor ("of the first Kitewing's training data" -> "data"),
    ending before a stopword, a mark or a participle after the noun ("of the data used to ..." -> "data");
    "" with no "of", or of the time ("agreed 41 percent of the time": a rate of anything)."""
    of = _OF_PHRASE.match(text, end)
    if of is None:
        return ""
    words: list[str] = []
    for word in of.group(1).lower().split():
        bare = word.rstrip("'’-")
        if not words and (bare in DETERMINERS | ORDINALS or bare.endswith(("'s", "’s"))):
            continue  # "the", "its", "first", "Kitewing's": before the noun phrase's words
        if bare in NOT_NOUNS or not bare.isalpha() or (words and bare.endswith(("ed", "ing"))):
            break
        words.append(bare)
    return words[-1] if words and words[-1] not in GENERIC_SHARES else ""


def _number(text: str) -> float | None:
    word = text.lower()
    if word in WORD_NUMBERS:
        return float(WORD_NUMBERS[word])
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _vague(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].lower().split()
    return bool(before) and before[-1] in VAGUE


def _head(phrase: str) -> str:
    """The counted noun: the last word of the run of content words after the number."""
    words = []
    for word in re.findall(r"[a-z][\w'’-]*|[^\w\s]", phrase.lower()):
        if word in NOT_NOUNS or not word[0].isalpha():  # a stopword or punctuation ends the run
            break
        words.append(word.strip("'’-"))
    return words[-1] if words else ""


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]*[A-Z])")


def _money_noun(text: str, start: int, end: int) -> str:
    """What a sum is about: the nearest money word within a few words ("valued at", "in damages"),
    folded to its anchor, else the noun after it ("$100 billion cloud commitment")."""
    before = re.findall(r"[a-z]+", _SENTENCE_END.split(text[max(0, start - 60) : start])[-1].lower())[-5:]
    # a money word of the sentence before or after ("$58 million. Kestrel's damages expert") is not its
    after_words = re.findall(r"[a-z]+", _SENTENCE_END.split(text[end : end + 40])[0].lower())[:3]
    words, cut = before + after_words, len(before)

    def distance(i: int) -> int:  # in words from the sum, 1 for the word either side
        return cut - i if i < cut else i - cut + 1

    near = sorted(range(len(words)), key=lambda i: (distance(i), words[i]))  # ties: the word, then text order
    anchors = [_anchor(words, i) for i in near if words[i] in MONEY_ANCHORS]
    if anchors:
        # "awarded Roe $2 million in damages" is what was won, never what was sought ("sought $5 million
        # in damages"): two sums, not outlets disagreeing about one
        return "award" if "damages" in anchors and "award" in anchors else anchors[0]
    after = _NOUN_AFTER.match(text, end)  # at `end`, not on a copy of the rest of the text
    return _head(after.group(1)) if after else ""


def _anchor(words: list[str], i: int) -> str:
    """The anchor of money word `i`; an award asked for ("asked the court to award it") is damages sought."""
    anchor = MONEY_ANCHORS[words[i]]
    return "damages" if anchor == "award" and i and words[i - 1] == "to" else anchor


def _word_before(text: str, start: int) -> str:
    """The nearest content word before a duration ("sentenced to five years" -> "sentenced")."""
    words = re.findall(r"[a-z]+", text[max(0, start - 60) : start].lower())
    content = [w for w in words if w not in NOT_NOUNS and len(w) > 2]
    return content[-1] if content else ""
