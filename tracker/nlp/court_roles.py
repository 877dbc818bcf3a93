"""Who "THE COURT" and "THE WITNESS" are in a court transcript printed in an article.

Decides: a court reporter's transcript names its speakers by role ("THE COURT: ...", "THE WITNESS:
..."), and the article's lines before it say who holds them ("before Judge Jane Roe", "with Doe on
the stand", "Doe took the stand"). A turn labelled "THE COURT" or "THE JUDGE" takes the one judge
the text before the transcript names by title ("Judge Jane Roe"), and a turn labelled "THE WITNESS"
the one person the text before puts on the stand ("with Doe on the stand", "Doe took the stand",
"Doe, on the witness stand,"), as answerers.py names an "A" turn after "Roe questioned Doe": the
claim takes the name (`speaker_name`, and the curated entity when the name is one) and is rated by
the "transcript-answerer" rule (tier 2) instead of as an unresolved role (tier 1). Written from the
fourth trial set's f078; on PolNeAR train no claim changed (no court transcript there).

Caveats: only the text before the first turn is read, so a transcript with two witnesses or two
judges named before it stays as printed; "the witness" in prose is presiding.py's and the rules'
business, not this module's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp.answerers import named
from tracker.nlp.referents import full_name
from tracker.nlp.types import Claim, Mention

TURN = "transcript-turn"
JUDGE_LABELS = frozenset({"the court", "the judge"})
WITNESS_LABELS = frozenset({"the witness"})
TITLED = re.compile(r"\bjudge\s+$", re.IGNORECASE)  # "before Judge Jane Roe", "U.S. District Judge ..."
ON_STAND = re.compile(
    r"^(?:\s+(?:was\s+|is\s+)?on\s+the\s+(?:witness\s+)?stand|\s+took\s+the\s+(?:witness\s+)?stand|,\s+on\s+the\s+(?:witness\s+)?stand)\b"
)


def name_roles(claims: Sequence[Claim], text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, the turns of "THE COURT" and "THE WITNESS" named after the text before them."""
    turns = [c for c in claims if c.rule == TURN]
    if not turns:
        return list(claims)
    first = min(c.sentence_start for c in turns)
    before = [m for m in mentions if m.label == "PERSON" and m.end <= first]
    judge = _one(mentions, [m for m in before if _titled(text, m)])
    witness = _one(mentions, [m for m in before if ON_STAND.match(text[m.end : m.end + 40])])
    found = []
    for claim in claims:
        label = claim.speaker.lower() if claim.rule == TURN else ""
        person = judge if label in JUDGE_LABELS else witness if label in WITNESS_LABELS else None
        found.append(claim if person is None else named(claim, person, mentions, claim.kind != "question"))
    return found


def _titled(text: str, mention: Mention) -> bool:
    """A judge's title before the name, or opening the mention itself ("Judge Jane Roe")."""
    return bool(
        TITLED.search(text[max(0, mention.start - 40) : mention.start])
    ) or mention.text.lower().startswith("judge ")


def _one(mentions: Sequence[Mention], found: Sequence[Mention]) -> Mention | None:
    """The mention of the one person `found` names (by entity or full name), else None."""
    people = {m.entity or full_name(mentions, m): m for m in found}
    return next(iter(people.values())) if len(people) == 1 else None
