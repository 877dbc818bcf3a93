"""Rating a claim up by a rule of its own, the way every promotion after the tiers does it: the claims a
module's test `signs` (lone_antecedents, same_speaker, counsel, questioned) take the tier of its rule in
patterns/confidence.jsonl, unless the sentence-level checks would rate the promoted claim down again
(`recheck`, by default everything confidence.in_context checks). A rule missing from the file promotes
nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from tracker.nlp import confidence
from tracker.nlp.types import Claim


def in_context(claim: Claim, without: Iterable[Callable[[Claim], Claim]] = ()) -> bool:
    """The claim stands as it is once its sentence is read (confidence.in_context, but the checks
    `without` names, rates nothing down)."""
    return confidence.in_context([claim], without)[0] == claim


def promoted(
    claims: Sequence[Claim],
    rule_id: str,
    signs: Callable[[Claim, confidence.Rule], bool],
    recheck: Callable[[Claim], bool] = in_context,
) -> list[Claim]:
    """The claims, each one `signs` accepts rated at rule `rule_id`'s tier unless `recheck` refuses it."""
    rule = confidence.rule_named(rule_id)
    if rule is None:
        return list(claims)
    found = []
    for claim in claims:
        candidate = replace(claim, confidence=rule.tier, confidence_rule=rule.id)
        found.append(candidate if signs(claim, rule) and recheck(candidate) else claim)
    return found
