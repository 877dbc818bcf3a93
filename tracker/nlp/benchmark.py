"""The attribution benchmark: the extraction over a PolNeAR compartment, judged by its own scorer.

PolNeAR (Newell et al., LREC 2018) is hand-annotated political news: Source, Cue and Content of every
attribution. `../shared/attribution/score.py` is the scorer that judges this project's attribution; it
is read from where it lies, never copied, and its figures are printed as it prints them. On top of
them, `published_precision` answers the question publishing asks: of the claims a reader would see at
a given confidence, how many match a hand-annotated attribution with the right speaker? (A matched
claim whose gold source is a pronoun cannot be judged on its speaker and counts as right; each level
says how many of its right claims are such, `unjudged`, so the figure's blind spot is printed.)
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

from tracker.nlp import extraction
from tracker.nlp.serialise import extraction_as_json
from tracker.nlp.types import Extraction

CHUNK = 64  # articles per call to the pipeline


def extract_folder(
    paths: Sequence[Path], *, published: date | None = None, **options
) -> Iterable[tuple[Path, Extraction]]:
    """(path, extraction) of each file, in order, through one pipeline, in chunks."""
    for first in range(0, len(paths), CHUNK):
        chunk = paths[first : first + CHUNK]
        documents = [
            extraction.Document(text=p.read_text(encoding="utf-8", errors="replace"), published=published)
            for p in chunk
        ]
        yield from zip(chunk, extraction.extract(documents, **options), strict=True)


def jsonl_row(name: str, found: Extraction) -> dict:
    """One article as score.py reads it: `speaker_entity` is the curated entity, else the name the
    speaker resolved to in the article ("he" -> the person named before), else None."""
    data = extraction_as_json(found)
    claims = [{**c, "speaker_entity": c["speaker_entity"] or c["speaker_name"]} for c in data["claims"]]
    return {"file": name, **data, "claims": claims}


def run_scorer(scorer: Path, claims: Path, compartment: Path) -> str:
    """The scorer's own output line(s), as it prints them."""
    done = subprocess.run(
        [sys.executable, str(scorer), str(claims), str(compartment)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{scorer} failed: {done.stderr.strip()[-500:]}")
    return done.stdout.strip()


def load_scorer(scorer: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("polnear_score", scorer)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {scorer}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Published:
    min_confidence: int
    claims: int
    right: int
    unjudged: int = 0  # of `right`: matched to a gold source that is a pronoun, the speaker unjudged

    @property
    def precision(self) -> float:
        return self.right / self.claims if self.claims else 1.0

    def report(self) -> str:
        """The level as one line of the benchmark's report, its blind spot included."""
        return (
            f"published at confidence >= {self.min_confidence}: {self.claims} claims, "
            f"precision with the right speaker {self.precision:.3f} "
            f"({self.unjudged} counted right with a pronoun as gold source, speaker unjudged)"
        )


def published_precision(scorer: Path, rows: Sequence[dict], compartment: Path) -> list[Published]:
    """For each threshold 0-3: the claims at or above it, and how many are right (matched, with the
    right speaker), matched one to one as the scorer matches them."""
    score = load_scorer(scorer)
    anns: dict[str, Path] = {}
    for ann in sorted((compartment / "attributions").glob("*.ann")):
        anns.setdefault(ann.name.rsplit("_", 1)[0] + ".txt", ann)
    verdicts: list[tuple[int, bool, bool]] = []  # (confidence, right, unjudged) of every claim
    for row in rows:
        if row["file"] not in anns:
            continue
        text = (compartment / "text" / row["file"]).read_text(encoding="utf-8")
        gold = score.read_gold(anns[row["file"]], text)
        claims = [c for c in row["claims"] if c["end"] > c["start"]]
        right, unjudged = _right_claims(score, gold, claims)
        verdicts += [(c.get("confidence", 0), i in right, i in unjudged) for i, c in enumerate(claims)]
    return [
        Published(
            tier,
            sum(1 for c, _, _ in verdicts if c >= tier),
            sum(1 for c, r, _ in verdicts if c >= tier and r),
            sum(1 for c, _, u in verdicts if c >= tier and u),
        )
        for tier in range(4)
    ]


def _right_claims(score: ModuleType, gold: list[dict], claims: list[dict]) -> tuple[set[int], set[int]]:
    """The claims matched with the right speaker, and those of them whose gold source is a pronoun
    (the scorer's `speaker_ok` is None: unjudged, counted right)."""
    pairs = []
    for gi, g in enumerate(gold):
        glen = sum(b - a for a, b in g["content"])
        for ci, c in enumerate(claims):
            overlap = score.overlap(g["content"], (c["start"], c["end"]))
            if overlap and overlap >= 0.5 * min(glen, c["end"] - c["start"]):
                pairs.append((overlap, gi, ci))
    used_gold, right, unjudged = set(), set(), set()
    taken = set()
    for _overlap, gi, ci in sorted(pairs, reverse=True):
        if gi in used_gold or ci in taken:
            continue
        used_gold.add(gi)
        taken.add(ci)
        names = [claims[ci].get("speaker") or "", claims[ci].get("speaker_entity") or ""]
        verdict = score.speaker_ok(names, gold[gi]["source"])
        if verdict is not False:
            right.add(ci)
        if verdict is None:
            unjudged.add(ci)
    return right, unjudged


def write_jsonl(rows: Iterable[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
