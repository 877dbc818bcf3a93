"""Where a speaker's testimony was given, as outlets set it: "on the stand" (trial) against "deposition".

Read per article from cue words (patterns/discrepancies.jsonl, group "setting"). An article's setting is
the one its cues name, the strongest cue shown (the nearest to the speaker's evidence on a tie). An
article whose cues name two settings (a trial report that mentions a deposition transcript, a deposition
report that mentions the jury) sets the testimony only by the cues of the paragraph holding the speaker's
evidence; with none there it says nothing of where the speaker spoke, and shows no variant. Articles of
different outlets with different settings make one discrepancy per speaker and story, on the speaker's
best-evidenced testimony claim.
Caveats: word lists, not a reading; an article whose cues all name one setting counts wherever they sit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from tracker.crossref.discrepancies.scope import (
    PER_PROCESS,
    Found,
    Scope,
    cues,
    disagree,
    outlet_ids,
    speaker_of,
    variant,
)
from tracker.crossref.models import Claim, ClaimCandidate, Discrepancy

Cue = tuple[str, int, re.Match]  # value, strength, where


def settings_differ(scope: Scope) -> list[Found]:
    by_speaker: dict[str, list[Claim]] = defaultdict(list)
    for claim in scope.claims:
        if speaker := _testimony(scope, claim)[0]:
            by_speaker[speaker].append(claim)
    cued = {a.pk: _setting_cues(a.text) for a in scope.articles.values()}
    found = []
    for speaker, claims in sorted(i for i in by_speaker.items() if scope.touches(i[1])):  # `Scope.changed`
        positions: dict[int, list[int]] = defaultdict(list)
        for claim in claims:
            for article_id, start in _testimony(scope, claim)[1]:
                if cued.get(article_id):
                    positions[article_id].append(start)
        settings = {a: _setting(scope.articles[a].text, cued[a], starts) for a, starts in positions.items()}
        chosen = {a: setting for a, setting in settings.items() if setting is not None}
        values = {a: value for a, (value, _) in chosen.items()}
        if disagree(values, outlet_ids(scope.articles[a] for a in values)):
            anchor = max(claims, key=lambda c: (scope.claim_outlets(c), -c.pk))
            variants = [
                variant(scope.articles[a], m.group(0), m.start(), m.end(), field="text", value=value)
                for a, (value, m) in chosen.items()
            ]
            key = f"setting:story:{scope.story.pk}:{speaker}"
            found.append(Found(Discrepancy.Kind.SETTING, key, scope.sort(variants), claim=anchor))
    return found


def _testimony(scope: Scope, claim: Claim) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A testimony's speaker key and its evidence's (article, start); ("", ()) for other claims: once a
    linking batch (`BatchReads.facts`: a claim's evidence stays as read)."""
    if (found := scope.reads.batch.facts.get(("testimony", claim.pk))) is None:
        speaker = speaker_of(claim) if claim.kind == ClaimCandidate.Kind.TESTIMONY else ""
        starts = tuple((e.article_id, e.start) for e in claim.evidence.all()) if speaker else ()
        found = scope.reads.batch.facts["testimony", claim.pk] = (speaker, starts)
    return found


@lru_cache(maxsize=PER_PROCESS)
def _setting_cues(text: str) -> tuple[Cue, ...]:
    """The setting cues of a text (per process: read again at every batch of the story)."""
    return tuple((value, strength, m) for value, strength, p in cues("setting") for m in p.finditer(text))


def _setting(text: str, matches: tuple[Cue, ...], starts: list[int]) -> tuple[str, re.Match] | None:
    """The article's setting (see the module): its strongest cue, the nearest to the evidence on a tie;
    of the evidence's paragraphs only when its cues name two settings (None: no cue there)."""
    if len({value for value, _, _ in matches}) > 1:
        spans = [_paragraph(text, start) for start in starts]
        matches = tuple(c for c in matches if any(a <= c[2].start() < b for a, b in spans))
        if not matches:
            return None
    value, _, match = max(matches, key=lambda x: (x[1], -min(abs(x[2].start() - s) for s in starts)))
    return value, match


def _paragraph(text: str, start: int) -> tuple[int, int]:
    """Where the paragraph (line) holding `start` begins and ends in the text."""
    end = text.find("\n", start)
    return text.rfind("\n", 0, start) + 1, len(text) if end < 0 else end
