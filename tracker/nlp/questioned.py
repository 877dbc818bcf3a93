"""Words said under questioning: "Under questioning from Roe, Doe acknowledged that ..." is testimony
reported as plainly as "said", with or without a word of the courtroom elsewhere in the article.

Decides: a claim the catch-all "other" rule left at tier 1, under a name the article gives, with a
clause and a verb of the "questioned" rule (patterns/confidence.jsonl: `triggers`, acknowledged,
admitted, conceded, argued ...), whose sentence opens, before its speaker, with a phrase of the rule's
`openers` ("Under questioning from Roe,", "Under cross-examination,", "On cross,", "Pressed by Roe,",
"During questioning by the judge,"), or whose sentence before puts a question to the speaker by name
("Roe asked Doe whether ... . Doe replied that ..."), takes the rule's tier.

Why: courtroom.py publishes these verbs only in an article it reads as court coverage (a jury, a
witness stand ...); a short write-up or a passage that says only "under questioning from X" was left
waiting though the sentence itself says the words were answers given to a questioner, which is what
makes "acknowledged" as plain as "said". Politics has the shape too ("Pressed by the host, Roe
conceded that ..."): the same holds there.

Caveats: only the sentence's opening is read; "asked" is no opener ("Asked about X, Roe said ..." is
read by questions.py). Sentence-level checks (confidence.in_context) still apply: a promoted claim
they would rate down is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from tracker.nlp import confidence, promotions
from tracker.nlp.lone_antecedents import CAUGHT_BY, clause_content
from tracker.nlp.types import Claim

RULE = "questioned"
ASKING = frozenset({"asked", "questioned", "pressed", "grilled", "quizzed", "cross-examined"})


@cache
def _openers() -> re.Pattern[str] | None:
    words = sorted(confidence.rule_words(RULE, "openers"), key=len, reverse=True)
    return re.compile(rf"^\W*(?:{'|'.join(words)})\b", re.IGNORECASE) if words else None


def promote(claims: Sequence[Claim], doc: Doc) -> list[Claim]:
    """The claims, each one the "questioned" rule matches rated at its tier (module docstring)."""
    openers = _openers()
    if openers is None:
        return list(claims)

    def signs(claim: Claim, rule: confidence.Rule) -> bool:
        return bool(
            claim.confidence_rule == CAUGHT_BY
            and claim.speaker_start is not None
            and rule.matches(
                kind="", trigger=claim.rule, attribution="", resolution=claim.resolution, form=""
            )
            and (
                openers.match(claim.sentence[: max(claim.speaker_start - claim.sentence_start, 0)])
                or _asked_before(claim, doc)
            )
            and clause_content(claim, doc)
        )

    return promotions.promoted(claims, RULE, signs)


def _asked_before(claim: Claim, doc: Doc) -> bool:
    """The sentence before puts a question to the speaker by name ("Roe asked Doe whether ... . Doe
    replied that ..."): the claim answers it."""
    speaker = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand")
    if speaker is None or speaker[0].sent.start == 0:
        return False
    name = speaker[-1].text
    before = doc[speaker[0].sent.start - 1].sent
    return any(
        t.lower_ in ASKING and any(c.dep_ == "dobj" and c.text == name for c in t.children) for t in before
    )
