"""Our spaCy components: the "entity_fixer" that corrects the stock model's names after `ner`.

The small English model labels headline words, page furniture and generic acronyms as names ("AI" as
an ORG, "Annual Report Testimony" as an ORG, "Jane Doe Says" as a PERSON) and splits one name between
labels in one article (one company as ORG, PERSON and GPE). The fixer applies generic rules, driven by word lists
in patterns/entity_*.jsonl, so that the labels in `doc.ents` can be trusted downstream:

- spans made by the EntityRuler (curated names and our patterns; they carry an `ent_id_`) are kept
  exactly as they are: a curated name always keeps its curated kind;
- a model span is cut at the first line break and trimmed of a leading "the", of possessive "'s"
  and punctuation, and of trailing headline verbs ("Says");
- it is dropped when it is a stoplisted generic word ("AI"), when its last word is a generic head
  noun ("... Testimony", "... Lawsuit"), when every word is a common title-case word, or when it
  contains characters no name has (code, markup);
- a PERSON containing a digit becomes a PRODUCT ("GPT-4" is not a person); a name of two words or
  more ending in a capitalised law head ("... Act", "... Directive") is a LAW; a model-made LAW with
  no law word and no number ("Mayor Roe Goes On TV") is dropped;
- a lone surname of a person named in full in the same article is a PERSON;
- within one article a text keeps one label: the majority of its labels.

Only name-like labels are touched: DATE, TIME, MONEY, CARDINAL ... pass through unchanged.
Caveat: without the tagger there are no POS tags, so "generic" is decided by word lists, not grammar;
the lists are data and can grow without code changes.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from tracker.nlp.doc_texts import text_of

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"

# Labels the fixer may trim, relabel or drop; every other label is left alone.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "NORP", "WORK_OF_ART", "LANGUAGE"}
)
# Labels for which the generic-word rules apply (a LAW or an EVENT may well end in "Act" or "Trial").
GENERIC_CHECKED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"})
# Labels that vote together within an article.
VOTING = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"})
LEADING_WORDS = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ODD_CHARS = frozenset('=<>{}[]|\\`@#_*~^"“”')


def read_jsonl(path: Path) -> Iterator[dict]:
    """Yield the JSON objects of a .jsonl file; blank lines are skipped, every line must have an id."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if "id" not in item:
                raise ValueError(f"{path.name}:{number}: a rule needs an 'id'")
            yield item


@cache
def rule_row(path: Path, rule_id: str) -> dict:
    """The one row of a rules file with this id (read once a process), for modules that share a rule."""
    return next(row for row in read_jsonl(path) if row["id"] == rule_id)


@dataclass(frozen=True)
class EntityWords:
    """The word lists the fixer reads (lower case, except the stoplist, which is exact)."""

    stoplist: frozenset[str] = frozenset()
    generic_heads: frozenset[str] = frozenset()
    trailing: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()
    law_heads: frozenset[str] = frozenset()
    law_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, directory: Path = PATTERNS_DIR) -> EntityWords:
        stoplist: set[str] = set()
        lists: dict[str, set[str]] = defaultdict(set)
        for path in sorted(directory.glob("entity_stoplist*.jsonl")):
            stoplist.update(item["text"] for item in read_jsonl(path))
        for path in sorted(directory.glob("entity_words*.jsonl")):
            for item in read_jsonl(path):
                lists[item["kind"]].update(word.lower() for word in item["words"])
        return cls(
            stoplist=frozenset(stoplist),
            generic_heads=frozenset(lists["generic_head"]),
            trailing=frozenset(lists["trailing"]),
            common=frozenset(lists["common"]),
            law_heads=frozenset(lists["law_head"]),
            law_words=frozenset(lists["law_head"] | lists["law_word"]),
        )


class EntityFixer:
    """Corrects `doc.ents` after `ner` (see the module docstring for the rules)."""

    def __init__(self, words: EntityWords) -> None:
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        kept: list[Span] = []
        lines = Lines(text_of(doc))  # Doc.text joins every token: once per doc, not per entity
        for ent in doc.ents:
            if ent.id or ent.label_ not in NAME_LABELS:  # Span.ent_id walks the parse (root): use id
                kept.append(ent)
                continue
            fixed = self.fix(ent, lines)
            if fixed is not None:
                kept.append(fixed)
        kept = _relabel_surnames(kept)
        kept = _vote(kept)
        doc.set_ents(kept, default="outside")
        return doc

    def fix(self, ent: Span, lines: Lines | None = None) -> Span | None:
        """The corrected span for one model-made entity, or None when it is not a name."""
        span = _trim(ent, self.words.trailing)
        if span is None:
            return None
        text, label = span.text, span.label_
        if not any(char.isalpha() for char in text) or ODD_CHARS.intersection(text):
            return None
        if label in GENERIC_CHECKED:
            if text in self.words.stoplist:
                return None
            words = [token.lower_ for token in span if not token.is_punct]
            if words and words[-1] in self.words.generic_heads:
                return None
            if words and all(word in self.words.common for word in words):
                return None
        if label == "LAW" and not self._names_a_law(span):
            return None
        if label == "PERSON" and any(char.isdigit() for char in text):
            label = "PRODUCT"
        elif label != "ORG" and _in_credit_line(span, lines or Lines(text_of(span.doc))):
            label = "ORG"  # "Source: <name>" credits a news outlet: an organisation
        elif (
            label != "PERSON"
            and len(span) > 1
            and span[-1].is_title
            and span[-1].lower_ in self.words.law_heads
        ):
            label = "LAW"
        return Span(span.doc, span.start, span.end, label=label)

    def _names_a_law(self, span: Span) -> bool:
        """A model-made LAW holds a law word ("Act", "Section", "v.") or a number; title-case words
        alone ("Mayor Roe Goes On TV") are a headline, not a law."""
        return any(token.lower_ in self.words.law_words or token.like_num for token in span)


CREDIT_LINE = re.compile(r"^\W*(?:sources?|via|credits?|originally (?:published|appeared))\b", re.IGNORECASE)


CREDIT_HEADING = re.compile(r"^\W*(?:sources?|credits?)\W*$", re.IGNORECASE)
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-•*])\s")


class Lines:
    """A text and the offsets of its line breaks, to find a span's line in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def around(self, offset: int, above: int = 0) -> tuple[int, int, int]:
        """(start of the line `above` lines above the one holding `offset`, start and end of that line)."""
        at = bisect.bisect_left(self.breaks, offset)
        start = self.breaks[at - 1] + 1 if at else 0
        end = self.breaks[at] if at < len(self.breaks) else len(self.text)
        return (self.breaks[at - 1 - above] + 1 if at - 1 - above >= 0 else 0), start, end


LIST_ITEM_AT = re.compile(LIST_ITEM.pattern, re.MULTILINE)  # matches at a line's start inside a text


def _in_credit_line(span: Span, lines: Lines) -> bool:
    """Whether the span stands on a line that credits sources: "Source: <outlet>", or an item of a
    list under a "Sources" heading ("Sources" / "1. <outlet> · date")."""
    text = lines.text
    window, line_start, line_end = lines.around(span.start_char, above=6)
    if CREDIT_LINE.match(text, line_start, span.start_char):
        return True
    if not LIST_ITEM_AT.match(text, line_start, line_end):
        return False
    above = [row for row in text[window:line_start].splitlines()[-6:] if row.strip()]
    for row in reversed(above):
        if CREDIT_HEADING.match(row):
            return True
        if not LIST_ITEM.match(row):
            return False
    return False


def _trim(ent: Span, trailing: frozenset[str]) -> Span | None:
    """Cut at the first line break, strip a leading article, possessives, punctuation, headline verbs."""
    doc, start, end = ent.doc, ent.start, ent.end
    for index in range(start, end):
        if "\n" in doc[index].text:
            if any(not doc[i].is_space for i in range(start, index)):
                end = index
                break
            start = index + 1
    while start < end and (
        doc[start].is_space
        or doc[start].is_punct
        or doc[start].lower_ in LEADING_WORDS
        or doc[start].lower_ in POSSESSIVE
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text not in {")", "."})
        or doc[end - 1].lower_ in POSSESSIVE
        or (end - 1 > start and doc[end - 1].lower_ in trailing)
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def _relabel_surnames(ents: list[Span]) -> list[Span]:
    """A one-word model span that is the surname of a PERSON named in full in the article is a PERSON."""
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    return [
        Span(ent.doc, ent.start, ent.end, label="PERSON")
        if not ent.id and len(ent) == 1 and ent.text in surnames and ent.label_ in VOTING
        else ent
        for ent in ents
    ]


def _vote(ents: list[Span]) -> list[Span]:
    """Give every model span of the same text the label most of them have (ties change nothing)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        if not ent.id and ent.label_ in VOTING:
            labels[ent.text][ent.label_] += 1
    winners: dict[str, str] = {}
    for text, counts in labels.items():
        ranked = counts.most_common(2)
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            winners[text] = ranked[0][0]
    return [
        Span(ent.doc, ent.start, ent.end, label=winners[ent.text])
        if not ent.id and ent.text in winners and ent.label_ in VOTING
        else ent
        for ent in ents
    ]


@Language.factory("entity_fixer", default_config={"patterns_dir": ""})
def make_entity_fixer(nlp: Language, name: str, patterns_dir: str) -> EntityFixer:
    """The fixer with the word lists of `patterns_dir` (default: tracker/nlp/patterns)."""
    return EntityFixer(EntityWords.load(Path(patterns_dir) if patterns_dir else PATTERNS_DIR))


def entity_pattern_files(directory: Path = PATTERNS_DIR) -> Iterable[Path]:
    """The EntityRuler pattern files: patterns/entities*.jsonl (other jsonl files hold other rules)."""
    return sorted(directory.glob("entities*.jsonl"))


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs never run into the next line.
    Runs before the parser, which respects sentence starts that are already set."""
    starts = doc.to_array([SENT_START])  # not Token.is_sent_start = True: each set scans the whole doc
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            starts[token.i + 1] = 1
    doc.from_array([SENT_START], starts)
    return doc
