"""What the extraction returns: frozen dataclasses, plain data, safe to pass between processes.

Offsets are character offsets into the text that was analysed (Python str indices), end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

WORD = re.compile(r"[\w’']+|[^\w\s]")  # a word, or one mark


@dataclass(frozen=True)
class VocabularyEntry:
    """A curated entity as the pipeline sees it: passed in as plain data, never read from a database."""

    name: str  # canonical name, e.g. "Jane Smith"
    kind: str  # PERSON, ORG, PRODUCT, COURT, LAW, GPE, EVENT
    aliases: tuple[tuple[str, bool], ...] = ()  # (text, case_sensitive)
    entity_id: int | None = None
    represented_by: str | None = (
        None  # for an ORG: the canonical name of the person who speaks for it in court
    )


@dataclass(frozen=True)
class Mention:
    text: str
    label: str  # PERSON, ORG, PRODUCT, GPE, LAW, COURT, EVENT
    start: int
    end: int
    entity: str | None = None  # canonical name of the curated entity it links to
    entity_id: int | None = None


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    # None when unresolved: a relative date with no publication date, a standing day ("every Friday"), a
    # headline's present of another day ("Musk testifies Tuesday": date_tenses.UNSURE)
    value: date | None
    precision: str  # "day", "week", "month", "year"
    tense: str | None = None  # date_tenses' reading of the act it dates ("ahead", "unsure" ...), dated or not


@dataclass(frozen=True)
class Quote:
    """Verbatim words inside quotation marks, with an anchor that survives re-extraction
    (the W3C TextQuoteSelector idea: exact text plus a little context on each side)."""

    text: str  # exactly the characters between the marks
    start: int
    end: int
    prefix: str = ""  # up to ~32 characters before the opening mark
    suffix: str = ""  # up to ~32 characters after the closing mark


@dataclass(frozen=True)
class Claim:
    speaker: str  # surface text ("Smith", "he", "the company"), "" when there is none
    verb: str  # reporting verb in its base form ("say", "testify", "according to")
    attribution: str  # "direct", "indirect", "according_to", "characterisation"
    kind: str  # testimony, allegation, defense, ruling, statement, report, policy
    text: str  # the content: what was said
    sentence: str
    start: int  # offsets of the content
    end: int
    sentence_start: int
    sentence_end: int
    speaker_entity: str | None = None  # canonical name when the speaker is resolved to a curated entity
    speaker_entity_id: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    quotes: tuple[Quote, ...] = ()
    hedges: tuple[str, ...] = ()  # "partly", "may have", "allegedly", ...
    date: DateMention | None = None  # the date expression of its sentence, if any
    speaker_via: str | None = (
        None  # the organisation the article named when testimony is credited to its representative
    )
    # who the speaker phrase resolved to when it is a pronoun, a description or a proxy ("he" -> the
    # name earlier in the article): the curated name, else the mention's text; None: unresolved
    speaker_name: str | None = None
    cue: str = ""  # the reporting word as written ("said", "Tells"), "" for framing without one
    rule: str = ""  # id of the trigger rule that found it (patterns/reporting_verbs.jsonl)
    # how the speaker was resolved: mention, compound, possessor, pronoun, anaphor, unresolved, none
    resolution: str = "none"
    confidence: int = 0  # tier 0-3 (confidence.py); a reader sees machine claims at or above a setting
    confidence_rule: str = ""  # id of the rule of patterns/confidence.jsonl that gave the tier
    # (start, end) of each piece of a content in several ("“X,” Roe said. “Y.”"); () when it is one
    pieces: tuple[tuple[int, int], ...] = ()

    def word_before_speaker(self) -> str:
        """The word (or mark) right before the speaker phrase in its sentence, lower-cased ("which" in
        "..., which Roe called"); "" when there is none or no speaker phrase."""
        if self.speaker_start is None:
            return ""
        before = WORD.findall(self.sentence[: max(self.speaker_start - self.sentence_start, 0)])
        return before[-1].lower() if before else ""


@dataclass(frozen=True)
class Extraction:
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    dates: tuple[DateMention, ...] = field(default_factory=tuple)
