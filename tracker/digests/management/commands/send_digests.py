"""Send the digests that are due, in this process (for developers and cron-less setups).

manage.py send_digests              # the periods that ended by now (what the beat would send)
manage.py send_digests --now        # a period ending right now: today's news, at once
manage.py send_digests --weekly     # with --now: a weekly period instead of a daily one
manage.py send_digests --alerts     # the 'as it happens' alerts of the last window that ended
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from tracker.digests import composing, sending
from tracker.digests.alerts import send_alerts
from tracker.digests.models import Subscriber


class Command(BaseCommand):
    help = "Send due digests now, without Celery."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Use a period that ends now.")
        parser.add_argument("--weekly", action="store_true", help="With --now: a weekly period.")
        parser.add_argument("--alerts", action="store_true", help="Send the alerts due, not digests.")

    def handle(self, *args, now: bool, weekly: bool, alerts: bool = False, **options):
        sending.abandon_stale()
        if alerts:
            result = send_alerts()
            self.stdout.write(
                f"alerts: sent {result.sent}, skipped {result.skipped}, nothing new {result.quiet}"
            )
            return
        if now:
            frequency = "weekly" if weekly else "daily"
            end = timezone.now()
            ids = list(Subscriber.objects.due([frequency]).values_list("pk", flat=True))
            size = settings.TRACKER_DIGEST_BATCH_SIZE
            batches = [(frequency, end, ids[i : i + size]) for i in range(0, len(ids), size)]
        else:
            batches = sending.due_batches()
        totals: dict[str, int] = {
            "sent": 0,
            "empty": 0,
            "skipped": 0,
            "bounced": 0,
            "failed": 0,
            "deferred": 0,
        }
        for frequency, end, ids in batches:
            result = sending.send_batch(subscriber_ids=ids, period=composing.period_ending(frequency, end))
            for key in totals:
                value = getattr(result, key)
                totals[key] += len(value) if isinstance(value, list) else value
        self.stdout.write(", ".join(f"{k} {v}" for k, v in totals.items()))
