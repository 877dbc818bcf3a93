"""Which claims of no entity a batch's claim pool reads whole (issue 17, goal 1).

A pool of a speaker without an entity read every claim of no entity of the batch's stories, so that
`speaker_kin` could find the claims a report's speaker may be kin of: at 600 articles ~430 of a late
batch's ~690 claims, read with their evidence and their articles' stories, and more at each batch as the
stories grew. What `speaker_kin.kin` takes of them for a report whose statement no quote of its own holds
(`statement_runs` empty: no run of quoted words to share, so nothing else can be kin) is only the claims
whose speakers may be the report's by their names alone (`kin_names.may_be_kin`: a title, a surname),
and those are found under the report's `kin_names.kin_keys`, or have it among theirs.
So the pool first reads who speaks each claim it would read (one query of three columns), and then whole
only the claims `wanted` keeps: an entity's, one the batch's articles already report, one of a batch
speaker's key, one whose key is among a batch speaker's kin keys or that has a batch speaker's key among
its own. A batch one of whose reports without an entity quotes its statement reads them all, as before
(its kin may be any speaker its article names, or a short speaker whose words it quotes:
`speaker_kin.Index.keys`). The claims left out are none a report of the batch is compared with, so
linking is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tracker.crossref.kin_names import kin_keys
from tracker.crossref.models import ClaimCandidate
from tracker.crossref.speaker_kin import statement_runs
from tracker.crossref.words import speaker_key

Wanted = Callable[[int, int | None, str], bool]  # (claim id, speaker entity, speaker text): read it whole


def wanted(candidates: Iterable[ClaimCandidate], reported: Iterable[int]) -> Wanted | None:
    """Of the claims of no entity, those the batch's `candidates` may join or be kin of, and those its
    articles' evidence points to (`reported`); None: every one (a report quotes its statement)."""
    plain: set[str] = set()  # the batch's text speaker keys
    sought: set[str] = set()  # the keys their kin by name are found under (their own among them)
    for candidate in candidates:
        if candidate.speaker_entity_id:
            continue
        if candidate.quotes and statement_runs(candidate.text, [q.get("text", "") for q in candidate.quotes]):
            return None
        plain.add(speaker_key(None, candidate.named_speaker)[1])
        sought |= kin_keys(candidate.named_speaker)
    reported = set(reported)

    def read(pk: int, speaker_id: int | None, speaker_text: str) -> bool:
        if speaker_id is not None or pk in reported:
            return True
        return speaker_key(None, speaker_text)[1] in sought or not kin_keys(speaker_text).isdisjoint(plain)

    return read
