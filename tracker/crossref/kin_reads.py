"""Which claims of no entity a batch's claim pool reads whole (issue 17, goal 1).

A pool of a speaker without an entity read every claim of no entity of the batch's stories, so that
`speaker_kin` could find the claims a report's speaker may be kin of: at 600 articles ~430 of a late
batch's ~690 claims, read with their evidence and their articles' stories, and more at each batch as the
stories grew. What `speaker_kin.kin` takes of them for a report whose statement no quote of its own holds
(`statement_runs` empty: no run of quoted words to share, so nothing else can be kin) is only the claims
one of whose names is the other's with words before it (`one_name`: a title or an apposition before a
name adds words before its own) or the other's surname alone (`_surnamed`, a quote restated rather than
its statement): their speaker keys are one the other's ending.
So the pool first reads who speaks each claim it would read (one query of three columns), and then whole
only the claims `wanted` keeps: an entity's, one the batch's articles already report, one of a batch
speaker's key, one whose key a batch speaker's ends with or that ends with a batch speaker's. A batch
one of whose reports without an entity quotes its statement reads them all, as before (its kin may be
any speaker its article names, or a short speaker whose words it quotes: `speaker_kin.Index.keys`).
The claims left out are none a report of the batch is compared with, so linking is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tracker.crossref.models import ClaimCandidate
from tracker.crossref.speaker_kin import statement_runs
from tracker.crossref.words import speaker_key

Wanted = Callable[[int, int | None, str], bool]  # (claim id, speaker entity, speaker text): read it whole


def wanted(candidates: Iterable[ClaimCandidate], reported: Iterable[int]) -> Wanted | None:
    """Of the claims of no entity, those the batch's `candidates` may join or be kin of, and those its
    articles' evidence points to (`reported`); None: every one (a report quotes its statement)."""
    plain: set[tuple[str, ...]] = set()  # the batch's text speaker keys, as words
    endings: set[tuple[str, ...]] = set()  # the endings of the longer ones
    for candidate in candidates:
        if candidate.speaker_entity_id:
            continue
        if candidate.quotes and statement_runs(candidate.text, [q.get("text", "") for q in candidate.quotes]):
            return None
        spoken = tuple(speaker_key(None, candidate.named_speaker)[1].split())
        plain.add(spoken)
        endings.update(_endings(spoken))
    reported = set(reported)

    def read(pk: int, speaker_id: int | None, speaker_text: str) -> bool:
        if speaker_id is not None or pk in reported:
            return True
        spoken = tuple(speaker_key(None, speaker_text)[1].split())
        return spoken in plain or spoken in endings or any(e in plain for e in _endings(spoken))

    return read


def _endings(spoken: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The key's words after one or more of them: a name in full (`one_name`), or its surname alone
    (`speaker_kin._surnamed`: "Fenwycke" for "Idris Fenwycke")."""
    return [spoken[i:] for i in range(1, len(spoken))]
