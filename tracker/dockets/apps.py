from django.apps import AppConfig


class DocketsConfig(AppConfig):
    name = "tracker.dockets"
    verbose_name = "Court record"

    def ready(self) -> None:
        """Docket feeds are polled by sources and stored here (sources never imports dockets); a
        case's hidden entry kinds are applied to its stored entries when the case is saved; the
        entries of an event's case are relinked when the event is saved (one query if there are none)."""
        from django.db.models.signals import post_save

        from tracker.cases.models import Case
        from tracker.dockets.ingestion import handle_docket_feed
        from tracker.sources.models import Feed
        from tracker.sources.signals import register_feed_handler

        register_feed_handler(Feed.Kind.DOCKET, handle_docket_feed)
        post_save.connect(_case_saved, sender=Case, dispatch_uid="dockets.refresh_hidden")
        post_save.connect(_event_saved, sender="crossref.Event", dispatch_uid="dockets.relink_event")


def _case_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created or raw:
        return
    from tracker.dockets.ingestion import refresh_hidden

    refresh_hidden(instance)


def _event_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    from tracker.dockets.linking import link_case

    if instance.case_id:
        link_case(instance.case_id)
