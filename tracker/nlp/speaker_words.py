"""The word lists speakers are resolved with (patterns/speakers.jsonl), read once per process:
pronouns and the labels (and gender) of the mentions they may refer to, anaphors ("the company"),
proxies (a document or spokesperson that speaks for someone), roles, the writer's own pronouns, the
shares and polls of survey results, the verbs that issue a document, the verbs of causing ("led Roe to
declare"), the words of addressing ("a pitch to farmers saying"), the nouns of acts ("made an attempt to
...") and the verbs of sending ("emailed supporters saying"), the words that name a group by the clause
after them ("some who advocate ..."), the partitives ("one of two witnesses"), the nouns of people and groups ("protesters calling for"), the words of kinship ("his wife, Jane Roe"), and the honorifics that tell a name's gender ("Mrs. Roe")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

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
    causing: frozenset[str] = frozenset()  # "led Roe to declare": the object speaks what follows
    leaving: frozenset[str] = frozenset()  # "left voters saying": the object speaks the participle
    addressing: frozenset[str] = frozenset()  # "a pitch to farmers saying": the sender speaks
    acts: frozenset[str] = frozenset()  # "made an attempt to ..., saying": who made it speaks
    sending: frozenset[str] = frozenset()  # "emailed supporters saying": the sender speaks
    groups: frozenset[str] = frozenset()  # "those surveyed", "some who back her": the clause says who
    collectives: frozenset[str] = frozenset()  # "the campaign ... what they call": a body "they" stands for
    partitives: frozenset[str] = frozenset()  # "one of two witnesses ...": the group is part of who
    people: frozenset[str] = frozenset()  # "protesters calling for ...": a noun that can speak a participle
    kin: frozenset[str] = frozenset()  # "his wife, Jane Roe": a relative, not whom "Roe" refers back to
    agent_suffixes: frozenset[str] = frozenset()  # "speechwriter", "banker": a noun of a doer (reporters.py)
    act_suffixes: frozenset[str] = frozenset()  # "appointment", "event": not a doer's, whatever "ent" says
    records: frozenset[str] = frozenset()  # "the cable indicated": a writing that tells (reporters.py)
    questioning: frozenset[str] = frozenset()  # "questioned Doe": the object answers (antecedents.rival)
    persons: frozenset[str] = frozenset()  # "Jo Roe, a spokeswoman": a noun of one person (apposed_names.py)
    agents: frozenset[str] = frozenset()  # "Acme's lawyers", "an Acme spokesman": a proxy who speaks for one
    named_speak: frozenset[str] = frozenset()  # "Acme's attorney, Jo Roe": the apposed name speaks
    counsel: frozenset[str] = frozenset()  # "Acme's lawyers", "its legal team" (counsel.py)
    # a form of several words by its last word: "team" -> ("legal team", "defense team") (`word_of`)
    endings: dict[str, tuple[str, ...]] = field(default_factory=dict)


# the plain word sets of speakers.jsonl: the rule's type -> the SpeakerWords field it fills
SETS = {
    "self": "writer",
    "share": "shares",
    "survey": "surveys",
    "issue": "issuing",
    "cause": "causing",
    "leave": "leaving",
    "address": "addressing",
    "act": "acts",
    "send": "sending",
    "group": "groups",
    "collective": "collectives",
    "partitive": "partitives",
    "people": "people",
    "kin": "kin",
    "agent_suffix": "agent_suffixes",
    "act_suffix": "act_suffixes",
    "record": "records",
    "question": "questioning",
    "person": "persons",
}


@cache
def speaker_words() -> SpeakerWords:
    """The word lists of patterns/speakers.jsonl."""
    pronouns: dict[str, frozenset[str]] = {}
    anaphors: dict[str, frozenset[str]] = {}
    proxies: dict[str, str | None] = {}
    roles: dict[str, str | None] = {}
    genders: dict[str, str] = {}
    honorifics: dict[str, str] = {}
    sets: dict[str, set[str]] = {name: set() for name in SETS.values()}
    agents: set[str] = set()
    named_speak: set[str] = set()
    counsel: set[str] = set()
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
                if rule.get("agent"):
                    agents.add(form)
                if rule.get("named_speaks"):
                    named_speak.add(form)
                if rule.get("counsel"):
                    counsel.add(form)
            elif kind == "role":
                roles[form] = rule.get("kind_hint")
            elif kind in SETS:
                sets[SETS[kind]].add(form)
    frozen = {name: frozenset(words) for name, words in sets.items()}
    frozen["agents"] = frozenset(agents)
    frozen["named_speak"] = frozenset(named_speak)
    frozen["counsel"] = frozenset(counsel)
    endings: dict[str, tuple[str, ...]] = {}
    for form in (f for f in proxies if " " in f):
        endings[form.split()[-1]] = (*endings.get(form.split()[-1], ()), form)
    return SpeakerWords(
        pronouns, anaphors, proxies, roles, genders=genders, honorifics=honorifics, endings=endings, **frozen
    )


def word_of(token: Token) -> str:
    """The speaker word `token` heads, lower-cased: a proxy of several words when the words before it
    make one ("legal team": a team of lawyers is counsel, a campaign team is not), else its own."""
    for form in speaker_words().endings.get(token.lower_, ()):
        before = form.split()[:-1]
        first = token.i - len(before)
        if first >= 0 and [t.lower_ for t in token.doc[first : token.i]] == before:
            return form
    return token.lower_
