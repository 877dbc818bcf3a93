"""What the pipeline finds in one plain-text file: entities, claims with speakers and quotes, dates.

Nothing is written. The curated vocabulary is read from the database when there is one.
"""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from tracker.nlp import extraction
from tracker.nlp.serialise import extraction_as_json


class Command(BaseCommand):
    help = "Run the extraction over one plain-text file and print what it finds."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--published", help="the article's publication date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="one JSON object instead of a report")

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            published = date.fromisoformat(options["published"]) if options["published"] else None
        except ValueError as exc:
            raise CommandError(f"--published must be YYYY-MM-DD: {exc}") from None
        text = path.read_text(encoding="utf-8", errors="replace")
        from django.conf import settings

        [found] = extraction.extract(
            [extraction.Document(text=text, published=published)],
            vocabulary=self.vocabulary(),
            model=settings.SPACY_MODEL,
            numpy_ops=settings.TRACKER_SPACY_NUMPY_OPS,
        )
        data = extraction_as_json(found)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.report(data)

    def vocabulary(self):
        from tracker.crossref.analysis import curated_vocabulary

        try:
            return curated_vocabulary()
        except DatabaseError as exc:
            self.stderr.write(
                f"no curated vocabulary (database not ready: {exc}); using the default rules only"
            )
            return ()

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
