"""Where the court record hears that news events changed: crossref's `events_changed(event_ids)`, sent
once per batch after commit by every writer of events (linking, the rebuild, curation, the admin).
Only the cases of those events are relinked, and nothing else in dockets listens to other apps' saves.
"""

from django.dispatch import receiver

from tracker.crossref.signals import events_changed
from tracker.dockets import event_linking


@receiver(events_changed, dispatch_uid="dockets-relink-changed-events")
def relink_changed_events(sender, event_ids: list[int], **kwargs) -> None:
    event_linking.link_events(event_ids)
