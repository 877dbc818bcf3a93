"""What the pipeline finds in plain-text files: entities, claims with speakers and quotes, dates.

`extract FILE` prints a report of one file; `extract PATH [PATH ...] --jsonl` runs every file (a folder
means its `*.txt`, sorted) through one pipeline in one process, in batches, and prints one JSON object
per article per line: {"file", "entities", "claims", "dates"}, claims with `start`/`end` offsets of
their content in the file's text, `speaker` as written and `speaker_entity` when resolved (the format
PolNeAR's score.py reads). Nothing is written, except with `--parse-cache DIR`: the parsed texts,
reused by the next run while the model, the vocabulary and the entity patterns are unchanged. The
curated vocabulary is read from the database when there is one.
"""

import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tracker.nlp import benchmark
from tracker.nlp.serialise import extraction_as_json


class Command(BaseCommand):
    help = "Run the extraction over plain-text files (or folders of *.txt) and print what it finds."
    requires_system_checks = []  # an offline tool: it reads files and prints, whatever the site's state

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a .txt file or a folder")
        parser.add_argument("--published", help="the articles' publication date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="one JSON object (one file only)")
        parser.add_argument("--jsonl", action="store_true", help="one JSON object per article per line")
        parser.add_argument(
            "--parse-cache",
            type=Path,
            metavar="DIR",
            help="keep the parsed texts in DIR and reuse them while the model, vocabulary and entity "
            "patterns are unchanged: a re-run after a rule change skips spaCy (same output)",
        )

    def handle(self, *args, **options):
        files = collect(options["paths"])
        try:
            published = date.fromisoformat(options["published"]) if options["published"] else None
        except ValueError as exc:
            raise CommandError(f"--published must be YYYY-MM-DD: {exc}") from None
        if len(files) > 1 and not options["jsonl"]:
            raise CommandError(f"{len(files)} files: use --jsonl for more than one")
        found = benchmark.extract_folder(
            files,
            published=published,
            vocabulary=self.vocabulary(),
            model=settings.SPACY_MODEL,
            numpy_ops=settings.TRACKER_SPACY_NUMPY_OPS,
            parse_cache=options["parse_cache"],
        )
        for path, result in found:
            data = extraction_as_json(result)
            if options["jsonl"]:
                self.stdout.write(json.dumps(benchmark.jsonl_row(path.name, result), ensure_ascii=False))
            elif options["json"]:
                self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            else:
                self.report(data)

    def vocabulary(self):
        from tracker.crossref.analysis import vocabulary_or_none

        return vocabulary_or_none(self.stderr.write)

    def report(self, data: dict) -> None:
        self.stdout.write(f"Entities ({len(data['entities'])})")
        for e in data["entities"]:
            linked = f" -> {e['entity']}" if e["entity"] else ""
            self.stdout.write(f"  {e['label']:<8} {e['text']}{linked}  [{e['start']}:{e['end']}]")
        self.stdout.write(f"\nClaims ({len(data['claims'])})")
        for c in data["claims"]:
            speaker = c["speaker_entity"] or c["speaker"] or "?"
            self.stdout.write(f"  {speaker} {c['verb']} ({c['attribution']}, {c['kind']}): {c['text']}")
            for quote in c["quotes"]:
                self.stdout.write(f"      quote: \u201c{quote}\u201d")
            if c["hedges"]:
                self.stdout.write(f"      hedges: {', '.join(c['hedges'])}")
            if c["date"]:
                self.stdout.write(f"      date: {c['date']} ({c['date_precision']})")
        self.stdout.write(f"\nDates ({len(data['dates'])})")
        for d in data["dates"]:
            self.stdout.write(f"  {d['text']!r} -> {d['value'] or 'unresolved'} ({d['precision']})")


def collect(paths: list[Path]) -> list[Path]:
    """The files named, folders expanded to their *.txt in name order; a missing path is an error."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise CommandError(f"no *.txt files in {path}")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"no such file: {path}")
    return files
