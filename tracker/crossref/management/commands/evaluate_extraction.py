"""Score the extraction against a hand annotation: `evaluate_extraction GOLD.json ARTICLES_DIR`, or
against PolNeAR's attributions: `evaluate_extraction --polnear COMPARTMENT` (e.g.
../shared/attribution/polnear/dev), which prints the figures of PolNeAR's own scorer (score.py beside
the corpus, or --scorer) and, for each confidence tier, the precision of the claims published at or
above it (matched, with the right speaker) and how many of those counted right had a pronoun as gold
source, their speaker unjudged (benchmark.Published.report).

Every `*.txt` in ARTICLES_DIR is one article; its seed id is the first three characters of its file name,
as in the gold file. Publication dates (which relative dates such as "on Thursday" need) come from a
manifest.json beside the gold file when there is one, or from --published-from; an article the manifest
does not date is read without a date. The curated vocabulary is read from the database when there is
one. Nothing is written.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tracker.nlp import benchmark, evaluation, extraction
from tracker.nlp.types import VocabularyEntry


class Command(BaseCommand):
    help = "Run the extraction over a folder of articles and print precision and recall against a gold file."

    def add_arguments(self, parser):
        parser.add_argument("gold", type=Path, nargs="?", help="the hand annotation (gold.json)")
        parser.add_argument(
            "articles", type=Path, nargs="?", help="a folder of plain-text articles, NNN*.txt"
        )
        parser.add_argument("--polnear", type=Path, help="a PolNeAR compartment (with text/, attributions/)")
        parser.add_argument(
            "--scorer", type=Path, help="PolNeAR's score.py (default: found above the compartment)"
        )
        parser.add_argument("--jsonl", type=Path, help="also keep the claims file given to the scorer here")
        parser.add_argument(
            "--published-from",
            type=Path,
            help="a manifest.json of {seed, published} records (default: manifest.json beside the gold file)",
        )
        parser.add_argument("--missed", action="store_true", help="also list the gold items not found")

    def handle(self, *args, **options):
        if options["polnear"]:
            return self.polnear(options["polnear"], options["scorer"], options["jsonl"])
        if options["gold"] is None or options["articles"] is None:
            raise CommandError("give GOLD.json and ARTICLES_DIR, or --polnear COMPARTMENT")
        gold = read_json(options["gold"], "gold file")
        if not isinstance(gold, dict):
            raise CommandError(f"gold file {options['gold']} must hold a JSON object")
        articles: Path = options["articles"]
        if not articles.is_dir():
            raise CommandError(f"no such folder: {articles}")
        paths = sorted(articles.glob("*.txt"))
        if not paths:
            raise CommandError(f"no *.txt articles in {articles}")
        manifest = options["published_from"] or options["gold"].with_name("manifest.json")
        if options["published_from"] and not manifest.is_file():
            raise CommandError(f"no such file: {manifest}")
        published = read_published(manifest) if manifest.is_file() else {}

        documents = [
            extraction.Document(
                text=p.read_text(encoding="utf-8", errors="replace"), published=published.get(p.name)
            )
            for p in paths
        ]
        found = extraction.extract(
            documents,
            vocabulary=self.vocabulary(),
            model=settings.SPACY_MODEL,
            numpy_ops=settings.TRACKER_SPACY_NUMPY_OPS,
        )
        try:
            scores = evaluation.evaluate(gold, {p.name[:3]: f for p, f in zip(paths, found, strict=True)})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CommandError(f"gold file {options['gold']} is not in the expected shape: {exc!r}") from None
        for line in evaluation.format_scores(scores):
            self.stdout.write(line)
        if options["missed"]:
            for name in ("entities", "claims", "quotes", "event_dates"):
                for item in getattr(scores, name).missed_items:
                    self.stdout.write(f"  missed {name}: {item}")
            for item in scores.not_entities:
                self.stdout.write(f"  not_entity: {item}")

    def polnear(self, compartment: Path, scorer: Path | None, keep: Path | None) -> None:
        texts = sorted((compartment / "text").glob("*.txt"))
        if not texts or not (compartment / "attributions").is_dir():
            raise CommandError(f"{compartment} is not a PolNeAR compartment (text/*.txt, attributions/)")
        scorer = scorer or next(
            (p / "score.py" for p in compartment.resolve().parents if (p / "score.py").is_file()), None
        )
        if scorer is None or not scorer.is_file():
            raise CommandError(f"no score.py above {compartment}: give --scorer")
        options = {"vocabulary": self.vocabulary(), "model": settings.SPACY_MODEL}
        rows = [benchmark.jsonl_row(p.name, found) for p, found in benchmark.extract_folder(texts, **options)]
        with tempfile.TemporaryDirectory() as tmp:
            path = keep or Path(tmp) / "claims.jsonl"
            benchmark.write_jsonl(rows, path)
            self.stdout.write(benchmark.run_scorer(scorer, path, compartment))
        for level in benchmark.published_precision(scorer, rows, compartment):
            self.stdout.write(level.report())  # its blind spot too: pronoun gold sources, unjudged

    def vocabulary(self) -> tuple[VocabularyEntry, ...]:
        from tracker.crossref.analysis import vocabulary_or_none

        return vocabulary_or_none(self.stderr.write)


def read_json(path: Path, what: str):
    if not path.is_file():
        raise CommandError(f"no such file: {path}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CommandError(f"{what} {path} is not JSON: {exc}") from None


def read_published(path: Path) -> dict[str, date]:
    """File name -> publication date (the calendar date in the offset the manifest states)."""
    records = read_json(path, "manifest")
    try:
        return {
            r["seed"]: datetime.fromisoformat(r["published"]).date() for r in records if r.get("published")
        }
    except (TypeError, KeyError, ValueError) as exc:
        raise CommandError(
            f"manifest {path}: each record needs a seed and an ISO published or null: {exc}"
        ) from None
