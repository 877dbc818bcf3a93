from django.apps import AppConfig


class CrossrefConfig(AppConfig):
    name = "tracker.crossref"
    verbose_name = "Cross-reference: what the articles say"

    def ready(self):
        from tracker.crossref import receivers  # noqa: F401  (connects articles_stored)
