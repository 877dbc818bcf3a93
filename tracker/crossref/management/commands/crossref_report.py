"""Print what cross-referencing found: stories, claims with their variants, events, discrepancies."""

import json

from django.core.management.base import BaseCommand

from tracker.crossref.management.options import case_option
from tracker.crossref.reporting import case_report


class Command(BaseCommand):
    help = "Stories (outlets, independent of total), claims with variants, events and open discrepancies."

    def add_arguments(self, parser):
        parser.add_argument("--case", help="only this case (slug)")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        case = case_option(options["case"])
        report = case_report(case)
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False))
            return
        write = self.stdout.write
        write(f"Stories ({len(report['stories'])})")
        for story in report["stories"]:
            write(
                f"  [{story['id']}] {story['title']}: {len(story['articles'])} articles, "
                f"{story['independent']} independent of {story['outlets']} outlets, first {story['first_outlet']}"
            )
            for article in story["articles"]:
                copy = f" (copy of {article['copy_of']})" if article["copy_of"] else ""
                write(
                    f"      {article['outlet']:<18} {article['published_at'] or '(no date)':<26} {article['title'][:60]}{copy}"
                )
        write(f"\nClaims ({len(report['claims'])})")
        for claim in report["claims"]:
            write(
                f"  [{claim['id']}] {claim['speaker'] or '?'} ({claim['kind']}): {claim['text'][:90]} "
                f"- {claim['independent']} independent of {claim['outlets']}"
            )
            for variant in claim["variants"]:
                write(f"      \u201c{variant['words']}\u201d  {', '.join(variant['outlets'])}")
        write(f"\nEvents ({len(report['events'])})")
        for event in report["events"]:
            write(f"  {event['date']} ({event['precision']}): {event['title'][:90]}")
        write(f"\nOpen discrepancies ({len(report['discrepancies'])})")
        for d in report["discrepancies"]:
            variants = " / ".join(f"\u201c{v.get('words')}\u201d ({v.get('outlet')})" for v in d["variants"])
            write(f"  {d['kind']} on claim {d['claim'] or '-'}: {variants}")
