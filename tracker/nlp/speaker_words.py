"""The word lists speakers are resolved with (patterns/speakers.jsonl), read once per process:
pronouns and the labels (and gender) of the mentions they may refer to, anaphors ("the company"),
proxies (a document or spokesperson that speaks for someone), roles, the writer's own pronouns, the
shares and polls of survey results, the verbs that issue a document, and the honorifics that tell a name's gender ("Mrs. Roe")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

SPEAKERS_FILE = PATTERNS_DIR / "speakers.jsonl"


@dataclass(frozen=True)
class SpeakerWords:
    pronouns: dict[str, frozenset[str]]
    anaphors: dict[str, frozenset[str]]
    proxies: dict[str, str | None]
    roles: dict[str, str | None]
    writer: frozenset[str]
    shares: frozenset[str] = frozenset()  # "72 percent", "half": a share of those polled
    surveys: frozenset[str] = frozenset()  # "poll", "survey": what a share answered
    genders: dict[str, str] = field(default_factory=dict)  # "he" -> "m": a pronoun's gender
    honorifics: dict[str, str] = field(default_factory=dict)  # "Mrs" -> "f": a title's gender
    issuing: frozenset[str] = frozenset()  # "issued", "sent out": a verb that puts a document out


@cache
def speaker_words() -> SpeakerWords:
    """The word lists of patterns/speakers.jsonl."""
    pronouns: dict[str, frozenset[str]] = {}
    anaphors: dict[str, frozenset[str]] = {}
    proxies: dict[str, str | None] = {}
    roles: dict[str, str | None] = {}
    writer: set[str] = set()
    shares: set[str] = set()
    surveys: set[str] = set()
    genders: dict[str, str] = {}
    honorifics: dict[str, str] = {}
    issuing: set[str] = set()
    for rule in read_jsonl(SPEAKERS_FILE):
        forms, kind = [f.lower() for f in rule["forms"]], rule["type"]
        labels = frozenset(rule.get("labels", ()))
        if kind == "honorific":
            honorifics |= dict.fromkeys(rule["forms"], rule["gender"])
        for form in forms:
            if "gender" in rule and kind == "pronoun":
                genders[form] = rule["gender"]
            if kind == "pronoun":
                pronouns[form] = labels
            elif kind == "anaphor":
                anaphors[form] = labels
            elif kind == "proxy":
                proxies[form] = rule.get("kind_hint") or proxies.get(form)
            elif kind == "role":
                roles[form] = rule.get("kind_hint")
            elif kind == "self":
                writer.add(form)
            elif kind == "share":
                shares.add(form)
            elif kind == "survey":
                surveys.add(form)
            elif kind == "issue":
                issuing.add(form)
    return SpeakerWords(
        pronouns,
        anaphors,
        proxies,
        roles,
        frozenset(writer),
        frozenset(shares),
        frozenset(surveys),
        genders,
        honorifics,
        frozenset(issuing),
    )
