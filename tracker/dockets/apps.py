from django.apps import AppConfig


class DocketsConfig(AppConfig):
    name = "tracker.dockets"
    verbose_name = "Court record"

    def ready(self) -> None:
        """Docket feeds are polled by sources and stored here (sources never imports dockets: a
        feed-kind handler is registered); entries are relinked when crossref says events changed
        (receivers.py). A case's hidden entry kinds are applied when entries are read
        (DocketEntry.objects.visible()), so no case save needs to reach back into the stored rows."""
        from tracker.dockets import receivers  # noqa: F401  (connects events_changed)
        from tracker.dockets.ingestion import handle_docket_feed
        from tracker.sources.models import Feed
        from tracker.sources.signals import register_feed_handler

        register_feed_handler(Feed.Kind.DOCKET, handle_docket_feed)
