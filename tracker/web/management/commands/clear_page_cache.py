"""Retire every cached public page at once (in every process): the site's stamp is bumped."""

from django.core.management.base import BaseCommand

from tracker.web import pagecache


class Command(BaseCommand):
    help = "Retire every cached public page (the timeline, event, story, claim and entity pages, feeds)."

    def handle(self, *args, **options):
        pagecache.bump([pagecache.SITE])
        self.stdout.write("Cached pages retired: every page is rendered afresh on its next request.")
