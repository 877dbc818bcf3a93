"""Trial coverage as readers see it: what the extraction would publish on invented passages of trial
reporting (tests/nlp/fixtures/trial_coverage.jsonl), and whether it is right.

Each passage (1-4 sentences in the styles outlets use for a jury trial: testimony, cross-examination,
openings and closings, the judge's rulings, filings, spokespeople and no-comments, posts on X,
transcript lines, the outlet's own analysis, pronouns with two antecedents) lists the claims a careful
reader would find, each with its speaker, the words of its content and whether it would be signed as
published. The expectations were written before the extraction ran on them.

A claim the extraction finds at the publishing tier (>= 2) is right when one expectation marked
`publish` matches it: its speaker (any of the claim's speaker, resolved name, entity or the organisation
it speaks for contains the expected speaker, or one of `speaker_also`, as whole words) and its content
(word F1 >= 0.5 against the expected words). Anything else published is wrong: a wrong speaker, words
no one said, or a claim the reader would not sign (a question, a no-comment, a guess between two
antecedents). A claim of several pieces (a quote the attribution splits, or one running over
paragraphs: “X,” Roe said. “Y.”, joined by " … ") is also right when every piece is right on its own,
and then it finds every expectation its pieces match (the sets list each quote apart). At tier 1,
right claims that wait are counted too.

    .venv/bin/python bench/trial_coverage.py [--show] [--passages PATH]

--show prints every published and waiting claim; --passages reads another set of the same schema, such as
tests/nlp/fixtures/trial_coverage_unseen.jsonl (115 passages written by someone who had not read the rules
or the first set, to measure what carries over to coverage no one here has seen). Missed: expectations
marked publish that no claim matches, published or waiting.

No Django set-up and no database: the vocabulary is the case's curated entities, read from the seed
migrations (`seeded_vocabulary`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.nlp.claims import PIECE_JOINER  # noqa: E402
from tracker.nlp.types import Claim, VocabularyEntry  # noqa: E402

PASSAGES = ROOT / "tests" / "nlp" / "fixtures" / "trial_coverage.jsonl"
PUBLISH = 2
CONTENT_F1 = 0.5
WORD = re.compile(r"\w+")


def seeded_vocabulary() -> tuple[VocabularyEntry, ...]:
    """The case's curated entities as the seed migrations create them (cases 0002 and 0006, and 0004 for
    who speaks for an organisation), numbered in their order, as the pipeline receives them."""
    seeds = importlib.import_module("tracker.cases.migrations.0002_seed_cases")
    participants = importlib.import_module("tracker.cases.migrations.0006_seed_participants")
    speakers = importlib.import_module("tracker.cases.migrations.0004_seed_represented_by")
    speaks_for = {org: person for org, _, person in speakers.REPRESENTED_BY}
    return tuple(
        VocabularyEntry(name, kind, tuple(map(tuple, aliases)), n, represented_by=speaks_for.get(name))
        for n, (name, kind, aliases, _) in enumerate(seeds.ENTITIES + participants.ENTITIES, start=1)
    )


VOCABULARY = seeded_vocabulary()


@dataclass(frozen=True)
class Verdict:
    passage: str
    claim: Claim
    right: bool
    why: str


@dataclass
class Tally:
    published: list[Verdict] = field(default_factory=list)
    waiting: list[Verdict] = field(default_factory=list)  # tier 1, matching a claim to publish
    expected: int = 0  # expectations marked publish
    found: set[tuple[str, int]] = field(default_factory=set)  # (passage, index) of expectations matched

    @property
    def right(self) -> list[Verdict]:
        return [v for v in self.published if v.right]

    @property
    def wrong(self) -> list[Verdict]:
        return [v for v in self.published if not v.right]

    @property
    def missed(self) -> int:
        return self.expected - len(self.found)

    def wrong_by_passage(self) -> dict[str, str]:
        """Each passage with a wrong published claim: the claim and why it is wrong."""
        return {v.passage: f"{v.claim.speaker}: {v.claim.text} ({v.why})" for v in self.wrong}


def load(path: Path = PASSAGES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def content_f1(found: str, expected: str) -> float:
    a, b = _words(found), _words(expected)
    if not a or not b:
        return 0.0
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def speaker_matches(claim: Claim, expectation: dict) -> bool:
    names = [n for n in (claim.speaker, claim.speaker_name, claim.speaker_entity, claim.speaker_via) if n]
    wanted = [expectation["speaker"], *expectation.get("speaker_also", ())]
    return any(re.search(rf"\b{re.escape(w.lower())}\b", n.lower()) for n in names for w in wanted)


def pieces(claim: Claim) -> list[str]:
    """The words of each piece of the claim (one piece: its whole text)."""
    return claim.text.split(PIECE_JOINER) if len(claim.pieces or ()) > 1 else [claim.text]


def judge(passage: dict, claim: Claim) -> tuple[bool, str]:
    """(right, why) of one claim of the passage: its whole words, else each of its pieces, right."""
    right, why = _judge(passage, claim.text, claim)
    parts = pieces(claim)
    if not right and len(parts) > 1 and all(_judge(passage, part, claim)[0] for part in parts):
        return True, "right"
    return right, why


def _judge(passage: dict, text: str, claim: Claim) -> tuple[bool, str]:
    same = [e for e in passage["claims"] if content_f1(text, e["content"]) >= CONTENT_F1]
    if not same:
        return False, "words no expectation has"
    if not any(speaker_matches(claim, e) for e in same):
        return False, "wrong speaker"
    if not any(e["publish"] for e in same if speaker_matches(claim, e)):
        return False, "a claim a reader would not sign"
    return True, "right"


def matched(passage: dict, claim: Claim) -> list[int]:
    """Indexes of the passage's expectations to publish that the claim matches (speaker and words): by
    its whole words, or by each piece's when every piece is right on its own (`judge`)."""
    parts = pieces(claim)
    texts = [claim.text, *parts] if len(parts) > 1 and judge(passage, claim)[0] else [claim.text]
    return [
        i
        for i, e in enumerate(passage["claims"])
        if e["publish"]
        and speaker_matches(claim, e)
        and any(content_f1(text, e["content"]) >= CONTENT_F1 for text in texts)
    ]


def tally(passages: list[dict], found: list) -> Tally:
    """Published (tier >= 2) and waiting (tier 1) claims of each passage's extraction, judged."""
    result = Tally(expected=sum(1 for p in passages for e in p["claims"] if e["publish"]))
    for passage, extraction in zip(passages, found, strict=True):
        for claim in extraction.claims:
            right, why = judge(passage, claim)
            verdict = Verdict(passage["id"], claim, right, why)
            if claim.confidence >= 1:
                result.found.update((passage["id"], i) for i in matched(passage, claim))
            if claim.confidence >= PUBLISH:
                result.published.append(verdict)
            elif claim.confidence == 1 and right:
                result.waiting.append(verdict)
    return result


def measured(path: Path = PASSAGES) -> Tally:
    """The set of passages at `path`, extracted and judged."""
    passages = load(path)
    return tally(passages, extract_all(passages))


def extract_all(passages: list[dict]) -> list:
    from tracker.nlp.extraction import Document, extract

    return extract([Document(p["text"]) for p in passages], vocabulary=VOCABULARY)


def _line(v: Verdict) -> str:
    c = v.claim
    who = c.speaker_entity or c.speaker_name or c.speaker
    return f"  {v.passage} t{c.confidence} {c.confidence_rule or '-'} [{who}] {c.text!r} ({v.why})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every published and waiting claim")
    parser.add_argument(
        "--passages", type=Path, default=PASSAGES, help="a JSONL set of passages (default: %(default)s)"
    )
    args = parser.parse_args()
    passages = load(args.passages)
    result = tally(passages, extract_all(passages))
    print(
        f"passages={len(passages)} expected_to_publish={result.expected} published={len(result.published)}"
        f" right={len(result.right)} wrong={len(result.wrong)} waiting_right={len(result.waiting)}"
        f" missed={result.missed}"
    )
    print("wrong published:")
    for v in result.wrong:
        print(_line(v))
    if args.show:
        print("right published:")
        for v in result.right:
            print(_line(v))
        print("right waiting at tier 1:")
        for v in result.waiting:
            print(_line(v))


if __name__ == "__main__":
    main()
