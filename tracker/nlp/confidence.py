"""How much to trust a claim the machine found: a tier from the rule that made it.

Tiers: 3 verbatim words under a name the article gives; 2 a plain verb of saying under a name, or a
quote under a pronoun that resolves; 1 framing, a passed-on report, a rarer verb or a speaker only
described; 0 what is no claim to publish at all (a question, a no-comment, no speaker, an outlet's
reading of someone's testimony). The rules are data (patterns/confidence.jsonl), read in file order,
the first that matches decides; each names its id, which the claim keeps (`confidence_rule`) so a
curator can see why a claim waits. Publishing reads the tier: `TRACKER_PUBLISH_MIN_CONFIDENCE`.

A rule matches when every list it has contains the claim's value: `kinds` (the claim's kind),
`triggers` (the id of the trigger rule that found it), `attributions`, `resolutions` (how its speaker
was resolved: mention, compound, possessor, pronoun, anaphor, unresolved, none), `forms` (what its
content is: quote, clause, phrase, around, noun, as; "relayed" when the sentence names, after the
content, another report the words came through: "“...,” Roe said, according to CNN").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

CONFIDENCE_FILE = PATTERNS_DIR / "confidence.jsonl"
RELAYED = re.compile(r"^[^.!?\n]{0,80}?\b(?:according to|reported|reports)\b", re.IGNORECASE)
TIERS = {0: "not a claim to publish", 1: "low", 2: "good", 3: "high"}


@dataclass(frozen=True)
class Rule:
    id: str
    tier: int
    kinds: frozenset[str] = frozenset()
    triggers: frozenset[str] = frozenset()
    attributions: frozenset[str] = frozenset()
    resolutions: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()

    def matches(self, *, kind: str, trigger: str, attribution: str, resolution: str, form: str) -> bool:
        return all(
            not wanted or value in wanted
            for wanted, value in (
                (self.kinds, kind),
                (self.triggers, trigger),
                (self.attributions, attribution),
                (self.resolutions, resolution),
                (self.forms, form),
            )
        )


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(
            id=row["id"],
            tier=int(row["tier"]),
            kinds=frozenset(row.get("kinds", ())),
            triggers=frozenset(row.get("triggers", ())),
            attributions=frozenset(row.get("attributions", ())),
            resolutions=frozenset(row.get("resolutions", ())),
            forms=frozenset(row.get("forms", ())),
        )
        for row in read_jsonl(CONFIDENCE_FILE)
    )


def rate(*, kind: str, trigger: str, attribution: str, resolution: str, form: str) -> tuple[int, str]:
    """(tier, rule id) of a claim; a claim no rule matches gets tier 0."""
    for rule in rules():
        if rule.matches(
            kind=kind, trigger=trigger, attribution=attribution, resolution=resolution, form=form
        ):
            return rule.tier, rule.id
    return 0, ""


def form_of(form: str, after: str) -> str:
    """The form a claim is rated by: "relayed" when the rest of its sentence (`after` the content)
    names another report the words came through ("“...,” Roe said, according to CNN.", "..., The
    Post reported."): the outlet passes on someone else's reporting (tier 1), else `form`."""
    return "relayed" if RELAYED.search(after) else form
